// End-to-end test of live mode in the built app: the default "three-fetches" preset run
// on the browser's real event loop (real timers, real fetches of dist/api/*), the
// measured-vs-predicted report, a blocking preset that freezes the heartbeat, a live
// race of both modes, and a stop midway. Saves target/screenshots/live*.png.
//
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test live.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, withApp, text } from './lib/browser.mjs';

const TIMELINE = 'section[data-panel="timeline"]';
const COMPARE = 'section[data-panel="compare"]';

async function runLive(page) {
  await page.click(`${TIMELINE} [data-action="live-run"]`);
  await page.waitForSelector(`${TIMELINE} [data-action="live-stop"]`);
  await page.waitForSelector(`${TIMELINE} .accuracy`, { timeout: 30_000 });
}

test('three fetches live: measured on the real loop, close to the 3.0 s prediction', async () => {
  await withApp(async ({ page, problems }) => {
    const fetched = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/')) fetched.push([new URL(res.url()).pathname, res.status()]);
    });
    await runLive(page);
    const error = Number(await page.getAttribute(`${TIMELINE} .accuracy`, 'data-error'));
    // Real timers fire no sooner than due: the measured run is not shorter than predicted.
    assert.ok(error > -5, `measured - predicted = ${error} ms`);
    const total = await text(page, `${TIMELINE} .accuracy tfoot`);
    assert.match(total, /^Total\s*3000\.0 ms\s*3\d{3}\.\d ms\s*\+\d+\.\d ms$/);
    assert.equal(await page.locator(`${TIMELINE} .accuracy tbody tr`).count(), 4, 'main + 3 tasks');
    assert.match(await text(page, `${TIMELINE} .accuracy__why`), /3 requests took .* longer than predicted/);
    assert.deepEqual(
      fetched.sort(),
      [['/api/comments.json', 200], ['/api/posts.json', 200], ['/api/users/1.json', 200]],
    );
    assert.match(await text(page, `${TIMELINE} .live-bar`), /Measured on this browser's event loop/);
    await screenshot(page, 'live');
    await page.click(`${TIMELINE} [data-action="live-clear"]`);
    assert.equal(await page.locator(`${TIMELINE} .accuracy`).count(), 0);
    assert.deepEqual(problems, []);
  });
});

test('blocking the loop live: the heartbeat stops for the length of the compute', async () => {
  await withApp(async ({ page, problems }) => {
    await page.selectOption('#preset-picker', 'blocking-sleep');
    await runLive(page);
    const froze = Number(await page.getAttribute(`${TIMELINE} .heartbeat`, 'data-froze'));
    assert.ok(froze >= 900, `the page froze for ${froze} ms`);
    await screenshot(page, 'live-blocking');
    assert.deepEqual(problems, []);
  });
});

test('race live: both modes run on the real loop and the compare view shows them', async () => {
  await withApp(async ({ page, problems }) => {
    await page.click(`${TIMELINE} [data-action="live-race"]`);
    await page.waitForSelector(`${TIMELINE} .live-bar[data-live="sequential"]`);
    await page.waitForSelector(`${TIMELINE} .live-bar[data-live="concurrent"]`, { timeout: 30_000 });
    await page.waitForSelector(`${TIMELINE} .accuracy`, { timeout: 30_000 });
    const sequential = await text(page, `${COMPARE} [data-total="sequential"]`);
    const concurrent = await text(page, `${COMPARE} [data-total="concurrent"]`);
    assert.match(sequential, /Sequential\s*6\.\d s/);
    assert.match(concurrent, /Concurrent\s*3\.\d s/);
    const speedup = Number(await page.getAttribute(`${COMPARE} [data-speedup]`, 'data-speedup'));
    assert.ok(speedup > 1.5 && speedup <= 2.05, `live speed-up ${speedup}`);
    assert.match(await text(page, COMPARE), /Measured live/);
    await screenshot(page, 'live-race');
    assert.deepEqual(problems, []);
  });
});

test('stopping a live run midway ends it at once', async () => {
  await withApp(async ({ page, problems }) => {
    await page.click(`${TIMELINE} [data-action="live-run"]`);
    await page.waitForTimeout(1200);
    await page.click(`${TIMELINE} [data-action="live-stop"]`);
    await page.waitForSelector(`${TIMELINE} [data-action="live-run"]`);
    assert.match(await text(page, `${TIMELINE} [data-outcome]`), /Stopped by the user/);
    const total = await text(page, `${TIMELINE} [data-total="shown"]`);
    assert.match(total, /Total\s*1\.\d s/);
    // Nothing keeps running: the shown run stays as it was.
    await page.waitForTimeout(2500);
    assert.equal(await text(page, `${TIMELINE} [data-total="shown"]`), total);
    assert.deepEqual(problems, []);
  });
});
