# Pyodide's bridge to JavaScript's fetch: must not be reachable.
import asyncio

from js import fetch


async def main():
    response = await fetch("https://example.com")
    print(response.status)


asyncio.run(main())
