# Publish/subscribe with one queue per subscriber
import asyncio

class Broker:
    def __init__(self):
        self.subscribers = []

    def subscribe(self):
        q = asyncio.Queue()
        self.subscribers.append(q)
        return q

    def publish(self, msg):
        for q in self.subscribers:
            q.put_nowait(msg)

async def subscriber(name, q, speed):
    seen = []
    while True:
        msg = await q.get()
        if msg == "STOP":
            break
        await asyncio.sleep(speed)
        seen.append(msg)
    print(f"{name} finished at {asyncio.get_running_loop().time():.1f} with {seen}")

async def main():
    broker = Broker()
    subs = [asyncio.create_task(subscriber(n, broker.subscribe(), s)) for n, s in [("fast", 0.1), ("slow", 0.4)]]
    for topic in ["news", "sports", "weather"]:
        broker.publish(topic)
        await asyncio.sleep(0.2)
    broker.publish("STOP")
    await asyncio.gather(*subs)

asyncio.run(main())
