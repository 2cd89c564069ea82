# shield：保护重要操作，外层超时只取消“等待”，不取消操作本身
import asyncio


async def save_order(order_id):
    print(f"saving order {order_id}...")
    await asyncio.sleep(1.5)  # a write that must not be cut in half
    print(f"order {order_id} saved")
    return "ok"


async def main():
    save = asyncio.create_task(save_order(7))  # keep a reference to the task
    try:
        # The caller waits 0.5s at most. shield() lets the timeout cancel
        # the *wait*, while the save underneath keeps running.
        await asyncio.wait_for(asyncio.shield(save), timeout=0.5)
    except TimeoutError:
        print("caller stopped waiting; save still running:", not save.done())
    print("collected later:", await save)

    # Without shield, the same timeout cancels the save itself.
    unprotected = asyncio.create_task(save_order(8))
    try:
        await asyncio.wait_for(unprotected, timeout=0.5)
    except TimeoutError:
        print("order 8 was cancelled:", unprotected.cancelled())


asyncio.run(main())
