# 常见错误：忘了写 await，协程对象被创建却从未执行
import asyncio

saved = []


async def save(note):
    await asyncio.sleep(0.5)  # pretend to write to a database
    saved.append(note)
    print(f"saved {note!r}")


async def main():
    # BUG: calling a coroutine function without await only builds a coroutine
    # object. Its body never runs, and Python warns on stderr:
    #   RuntimeWarning: coroutine 'save' was never awaited
    result = save("draft")
    print("save('draft') returned a", type(result).__name__, "object")
    del result  # dropped without being awaited: this is when the warning appears
    await asyncio.sleep(1)
    print("one second later, saved =", saved)

    # FIX: await the call (or wrap it in asyncio.create_task() and await the task).
    await save("final")
    print("with await, saved =", saved)


asyncio.run(main())
