# A list nested 100,000 deep, then its repr: CPython raises RecursionError; Python in
# WebAssembly has a smaller C stack and crashes outright.
import asyncio


async def main():
    nested = []
    for _ in range(100_000):
        nested = [nested]
    print("built it")
    print(len(repr(nested)))


asyncio.run(main())
