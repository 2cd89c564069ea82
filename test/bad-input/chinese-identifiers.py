# 中文变量名和字符串：合法的 Python,必须正常运行。
import asyncio


async def 下载(文件名, 秒数):
    await asyncio.sleep(秒数)
    print(f"{文件名} 下载完成，用时 {秒数} 秒")
    return len(文件名)


async def 主程序():
    结果 = await asyncio.gather(下载("报告.pdf", 0.2), 下载("照片.jpg", 0.1))
    print("文件名长度：", 结果, "✓")


asyncio.run(主程序())
