# A fake JSON API: fetch, decode, aggregate
import asyncio
import json

DB = {
    1: {"name": "Ann", "posts": [10, 11]},
    2: {"name": "Bob", "posts": []},
    3: {"name": "Cyd", "posts": [12]},
}

async def api_get(path, delay=0.2):
    await asyncio.sleep(delay)
    kind, _, ident = path.strip("/").partition("/")
    if kind == "users" and int(ident) in DB:
        return json.dumps({"status": 200, "data": DB[int(ident)]})
    return json.dumps({"status": 404, "error": f"{path} not found"})

async def get_user(uid):
    body = json.loads(await api_get(f"/users/{uid}"))
    if body["status"] != 200:
        raise LookupError(body["error"])
    return body["data"]

async def main():
    results = await asyncio.gather(*(get_user(u) for u in [1, 2, 3, 4]), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("error:", r)
        else:
            print(f"{r['name']}: {len(r['posts'])} posts")
    report = {"users": [r["name"] for r in results if isinstance(r, dict)],
              "posts": sum(len(r["posts"]) for r in results if isinstance(r, dict))}
    print(json.dumps(report, indent=2, sort_keys=True))

asyncio.run(main())
