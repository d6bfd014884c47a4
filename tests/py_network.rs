#![cfg(not(target_arch = "wasm32"))]
//! The simulated network: programs written with aiohttp's shape run unchanged, with
//! latencies the URL sets (0.1 s by default, `/delay/N`, `latency=S`), statuses from
//! `/status/N`, and the files of `static/api/` as bodies.

use looplab::py::{run_source, Ending};

fn run(src: &str) -> (String, f64) {
    let out = run_source(src).expect("the program compiles");
    assert_eq!(out.ending, Ending::Completed, "{:?}", out.traceback);
    (out.stdout, out.virtual_ms)
}

#[test]
fn gathered_requests_take_as_long_as_the_slowest() {
    let (stdout, ms) = run(r#"
import asyncio
import aiohttp

async def fetch(session, url):
    async with session.get(url) as resp:
        return resp.status, await resp.text()

async def main():
    async with aiohttp.ClientSession() as session:
        urls = ["https://httpbin.org/delay/1", "https://example.com/", "http://x/api/posts.json?latency=0.3"]
        for status, text in await asyncio.gather(*(fetch(session, u) for u in urls)):
            print(status, text[:30])

asyncio.run(main())
"#);
    assert_eq!(
        stdout,
        "200 <html><body>https://httpbin.or\n200 <html><body>https://example.co\n\
         200 [{\"id\": 1, \"user\": 1, \"title\":\n"
    );
    assert_eq!(ms, 1000.0);
}

#[test]
fn requests_in_turn_add_up_and_json_and_statuses_work() {
    let (stdout, ms) = run(r#"
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession(base_url="http://localhost") as session:
        async with session.get("/api/users/1.json") as resp:
            user = await resp.json()
            print(user["name"], resp.status, resp.reason)
        resp = await session.get("/status/404?latency=0.25")
        try:
            resp.raise_for_status()
        except aiohttp.ClientResponseError as e:
            print("failed with", e.status)

asyncio.run(main())
"#);
    assert_eq!(stdout, "Ada Lovelace 200 OK\nfailed with 404\n");
    assert_eq!(ms, 350.0);
}

#[test]
fn a_request_slower_than_its_timeout_raises_timeout_error() {
    let (stdout, ms) = run(r#"
import asyncio
import aiohttp

async def main():
    timeout = aiohttp.ClientTimeout(total=0.5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async with session.get("https://httpbin.org/delay/2") as resp:
                print(resp.status)
        except asyncio.TimeoutError:
            print("timed out")

asyncio.run(main())
"#);
    assert_eq!(stdout, "timed out\n");
    assert_eq!(ms, 500.0);
}
