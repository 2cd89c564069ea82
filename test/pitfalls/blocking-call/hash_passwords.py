# 常见坑：在请求处理协程里同步地做密码哈希（反复 sha256），别的请求都被卡住
import asyncio
import hashlib


def hash_password(password, salt, rounds=185_000):
    digest = (salt + password).encode()
    for _ in range(rounds):
        digest = hashlib.sha256(digest).digest()
    return digest.hex()[:16]


async def handle_login(user, password):
    print("login:", user)
    token = hash_password(password, salt=user)  # expect: blocking-call
    print("token for", user, token)


async def handle_ping(n):
    await asyncio.sleep(0.01)
    print("pong", n)


async def main():
    await asyncio.gather(
        handle_login("alice", "s3cret"),
        *(handle_ping(n) for n in range(3)),
    )


asyncio.run(main())
