# datetime.now() / time.ctime() / time.localtime()：读的是同一个时钟
import asyncio
import time
from datetime import datetime

async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, datetime.now().strftime("%Y-%m-%d %H:%M:%S"), time.ctime(), time.localtime().tm_sec)

async def main():
    print("start", datetime.now().isoformat(timespec="seconds"), datetime.today().strftime("%H:%M"))
    await asyncio.gather(tick("one", 1), tick("two", 2), tick("three", 61))
    print("gmtime", time.strftime("%H:%M:%S", time.gmtime()))

asyncio.run(main())
