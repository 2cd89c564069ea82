# Pyodide's HTTP helper: must not be reachable.
import asyncio

from pyodide.http import pyfetch


async def main():
    response = await pyfetch("https://example.com")
    print(response.status)


asyncio.run(main())
