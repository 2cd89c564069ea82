# 正确写法：后一步要用前一步的结果，只能依次 await
import asyncio


async def login(user):
    await asyncio.sleep(0.3)
    return f"token-{user}"


async def load_profile(token):
    await asyncio.sleep(0.3)
    return {"token": token, "name": "Ada"}


async def main():
    token = await login("ada")
    profile = await load_profile(token)
    print(profile["name"], "logged in")


asyncio.run(main())
