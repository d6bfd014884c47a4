// End-to-end test of a Python program run live in the built app: pasted into the code
// editor, then run on the browser's real event loop: real timers, a real fetch of
// dist/api/users/1.json through aiohttp, a time.sleep that freezes the page, the
// measured-vs-predicted report, and a stop midway. Saves target/screenshots/python-live*.png.
//
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test python_live.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printed, runProgram, screenshot, showPanel, toEnd, withApp, text } from './lib/browser.mjs';

const TIMELINE = 'section[data-panel="timeline"]';

const PROGRAM = `import asyncio, time
import aiohttp

async def user(session):
    async with session.get("/api/users/1.json?latency=0.3") as resp:
        data = await resp.json()
        return data["name"]

async def tick(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} after {delay}")

async def main():
    start = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        name, _, _ = await asyncio.gather(user(session), tick("a", 0.2), tick("b", 0.4))
    print("user:", name)
    time.sleep(0.3)  # blocks the loop: the page freezes
    print(f"took {time.perf_counter() - start:.1f} s")

asyncio.run(main())
`;

for (const [name, viewport] of [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`a program runs live: real timers, a real fetch, a real freeze (${name})`, async () => {
    await withApp(async ({ page, problems }) => {
      const fetched = [];
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (url.pathname.startsWith('/api/')) fetched.push([url.pathname, res.status()]);
      });
      await runProgram(page, PROGRAM);
      await page.waitForSelector('.output[data-ending="completed"]');
      await toEnd(page);
      const predicted = await printed(page);
      assert.match(await text(page, `${TIMELINE} [data-total="shown"]`), /700 ms/);

      await showPanel(page, 'timeline');
      await page.click(`${TIMELINE} [data-action="live-run"]`);
      await page.waitForSelector(`${TIMELINE} .live-bar[data-live="program"]`);
      assert.equal(await page.locator('.output[data-ending="running"]').count(), 1);
      await page.waitForSelector(`${TIMELINE} .accuracy`, { timeout: 30_000 });
      assert.equal(await printed(page), predicted, 'it prints what it printed on the virtual clock');
      assert.deepEqual(fetched, [['/api/users/1.json', 200]]);
      const error = Number(await page.getAttribute(`${TIMELINE} .accuracy`, 'data-error'));
      assert.ok(error > -5 && error < 400, `measured - predicted = ${error} ms`);
      const froze = Number(await page.getAttribute(`${TIMELINE} .heartbeat`, 'data-froze'));
      assert.ok(froze >= 280, `the page froze for ${froze} ms`);
      assert.match(await text(page, `${TIMELINE} .live-bar`), /Measured on this browser's event loop/);
      assert.match(await text(page, `${TIMELINE} .tl-summary`), /live on this browser's event loop/);
      await page.locator(TIMELINE).scrollIntoViewIfNeeded();
      await screenshot(page, `python-live-${name}`);

      await page.click(`${TIMELINE} [data-action="live-clear"]`);
      assert.equal(await page.locator(`${TIMELINE} .accuracy`).count(), 0);
      assert.match(await text(page, `${TIMELINE} [data-total="shown"]`), /700 ms/);
      assert.deepEqual(problems, []);
    }, { viewport });
  });
}

test('a program running live stops, keeping what it printed', async () => {
  await withApp(async ({ page, problems }) => {
    await runProgram(page, 'import asyncio\n\nasync def main():\n    for i in range(50):\n        print(i)\n        await asyncio.sleep(0.2)\n\nasyncio.run(main())\n');
    await page.waitForSelector('.output[data-ending="completed"]');
    await page.click(`${TIMELINE} [data-action="live-run"]`);
    await page.waitForFunction(() => [...document.querySelectorAll('.output__text')].some((l) => l.textContent === '3'));
    await page.click(`${TIMELINE} [data-action="live-stop"]`);
    await page.waitForSelector('.output[data-ending="stopped"]');
    const lines = await printed(page);
    assert.match(lines, /^0\n1\n2\n3\n/);
    assert.ok(!lines.includes('49'), 'it stopped before the end');
    assert.equal(await page.locator(`${TIMELINE} .accuracy`).count(), 0, 'a stopped run has no end to compare');
    await screenshot(page, 'python-live-stopped');
    assert.deepEqual(problems, []);
  });
});
