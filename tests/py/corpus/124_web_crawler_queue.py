# A breadth-first crawler over a simulated site using a queue and workers
import asyncio

SITE = {
    "/": ["/about", "/blog", "/shop"],
    "/about": ["/", "/team"],
    "/blog": ["/blog/1", "/blog/2", "/"],
    "/blog/1": ["/blog/2"],
    "/blog/2": ["/blog/1", "/shop"],
    "/shop": ["/shop/cart"],
    "/team": [],
    "/shop/cart": ["/"],
}

async def fetch_links(path):
    await asyncio.sleep(0.1 * (len(path) % 3 + 1))
    return SITE.get(path, [])

async def crawler(name, queue, seen, order):
    while True:
        path = await queue.get()
        links = await fetch_links(path)
        order.append(path)
        for link in links:
            if link not in seen:
                seen.add(link)
                queue.put_nowait(link)
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    seen = {"/"}
    order = []
    queue.put_nowait("/")
    workers = [asyncio.create_task(crawler(f"c{i}", queue, seen, order)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    print("visit order:", order)
    print("pages:", sorted(seen))
    print(f"crawl took {asyncio.get_running_loop().time():.1f}s")

asyncio.run(main())
