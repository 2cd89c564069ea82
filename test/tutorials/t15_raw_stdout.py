# sys.__stdout__ / os.write 直接写到控制台
import asyncio
import os
import sys

async def main():
    print("print first")
    sys.stdout.flush()
    sys.__stdout__.write("via sys.__stdout__\n")
    sys.__stdout__.flush()
    os.write(1, "via os.write 1\n".encode())
    await asyncio.sleep(0.1)
    print("print last")

asyncio.run(main())
