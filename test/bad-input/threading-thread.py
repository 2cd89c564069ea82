# A real OS thread (not run_in_executor).
import threading
import time


def work():
    time.sleep(0.1)
    print("thread done")


thread = threading.Thread(target=work)
thread.start()
thread.join()
print("main done")
