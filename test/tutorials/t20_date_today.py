# date.today() 和 datetime.now() 读同一个虚拟时钟（UTC）
import asyncio
import pickle
import time
from datetime import date, datetime, timedelta, timezone

async def main():
    print("today", date.today(), date.today().isoformat(), repr(date.today()))
    print("from timestamp", date.fromtimestamp(time.time()), date.fromtimestamp(0))
    await asyncio.sleep(2)
    now = datetime.now().replace(microsecond=0)
    print("two seconds later", date.today(), now, now.date() == date.today())
    print("isinstance", isinstance(now, date), isinstance(date.today(), date), issubclass(datetime, date))
    print("type", type(date.today()).__name__, type(now.date()) is type(date.today()))
    print("arithmetic", date.today() + timedelta(days=1), date.today() - date(2023, 1, 1))
    print("pickle", pickle.loads(pickle.dumps(date.today())) == date.today(),
          pickle.loads(pickle.dumps(now.date())), pickle.loads(pickle.dumps(now)))
    print("aware", datetime.now(timezone.utc).isoformat(timespec="seconds"))

asyncio.run(main())
