# asyncio's own TCP streams.
import asyncio


async def main():
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(b"GET / HTTP/1.0\r\n\r\n")
    print(await reader.read(100))


asyncio.run(main())
