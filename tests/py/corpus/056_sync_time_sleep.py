# A plain synchronous program: time.sleep and perf_counter (virtual clock)
import time

def slow_square(x):
    time.sleep(0.5)
    return x * x

start = time.perf_counter()
results = [slow_square(i) for i in range(4)]
elapsed = time.perf_counter() - start
print(results)
print(f"sequential took {elapsed:.2f}s")
t0 = time.monotonic()
time.sleep(1.25)
print(f"slept {time.monotonic() - t0:.3f}s")
print(f"total {time.perf_counter() - start:.1f}s")
