# requests.get with no timeout, to a server that never answers: the call blocks the whole loop
# for ever; the clock limit stops it and names the request.
# loopscope: net GET https://slow.example.com/* fail=timeout
import asyncio

import requests


async def main():
    print("asking")
    requests.get("https://slow.example.com/report")
    print("never printed")


asyncio.run(main())
