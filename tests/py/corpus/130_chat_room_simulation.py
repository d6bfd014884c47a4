# A chat room: clients send messages through a broadcast hub
import asyncio

class Hub:
    def __init__(self):
        self.inboxes = {}

    def join(self, name):
        self.inboxes[name] = asyncio.Queue()
        return self.inboxes[name]

    async def broadcast(self, sender, text):
        for name, inbox in self.inboxes.items():
            if name != sender:
                await inbox.put(f"{sender}: {text}")

async def client(hub, name, lines, delay):
    inbox = hub.join(name)
    await asyncio.sleep(0.01)
    for line in lines:
        await asyncio.sleep(delay)
        await hub.broadcast(name, line)
    await asyncio.sleep(1)
    received = []
    while not inbox.empty():
        received.append(inbox.get_nowait())
    return name, received

async def main():
    hub = Hub()
    results = await asyncio.gather(
        client(hub, "ann", ["hi all", "bye"], 0.2),
        client(hub, "bob", ["hello"], 0.3),
        client(hub, "cat", [], 0.1),
    )
    for name, msgs in results:
        print(name, "received", msgs)

asyncio.run(main())
