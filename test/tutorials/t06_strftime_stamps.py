# 用 time.strftime 打时间戳：三个任务并发，总耗时约等于最长的那个
import asyncio
import time

async def fetch_data(item_id, delay):
    print(f"[{time.strftime('%H:%M:%S')}] 正在为 {item_id} 模拟数据获取,预计等待 {delay} 秒...")
    await asyncio.sleep(delay)
    print(f"[{time.strftime('%H:%M:%S')}] {item_id} 数据获取完成。")
    return f"数据 for {item_id}"

async def process_items():
    print(f"[{time.strftime('%H:%M:%S')}] 开始处理所有项目...")
    task1 = asyncio.create_task(fetch_data("商品A", 3))
    task2 = asyncio.create_task(fetch_data("商品B", 1))
    task3 = asyncio.create_task(fetch_data("商品C", 2))
    result_a = await task1
    result_b = await task2
    result_c = await task3
    print(f"[{time.strftime('%H:%M:%S')}] 所有项目处理完成。")
    print(f"获取到的数据: {result_a}, {result_b}, {result_c}")

if __name__ == "__main__":
    start_time = time.perf_counter()
    asyncio.run(process_items())
    end_time = time.perf_counter()
    print(f"总耗时: {end_time - start_time:.2f} 秒")
