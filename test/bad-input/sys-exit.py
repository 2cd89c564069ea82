# sys.exit(3) inside a coroutine ends the program with exit code 3.
import asyncio
import sys


async def main():
    print("checking the config")
    await asyncio.sleep(0.1)
    print("config is broken, giving up")
    sys.exit(3)


asyncio.run(main())
print("never printed")
