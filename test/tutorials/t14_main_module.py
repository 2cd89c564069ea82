# 程序就是 __main__：pickle 自己定义的类，unittest.main 找得到测试
import asyncio
import pickle
import sys
import unittest

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

async def main():
    p = pickle.loads(pickle.dumps(Point(1, 2)))
    print(__name__, type(p).__module__, p.x, p.y)
    print(sys.modules["__main__"].Point is Point)

class TestSleep(unittest.IsolatedAsyncioTestCase):
    async def test_sleep(self):
        await asyncio.sleep(0.1)
        self.assertEqual(1 + 1, 2)

asyncio.run(main())
unittest.main(argv=["prog"], exit=False, verbosity=0)
