// End-to-end test of live mode in the built app: the default "three-fetches" example
// run on the browser's real event loop (real timers), the measured-vs-predicted report,
// the blocking example that freezes the heartbeat, and a stop midway. Saves
// target/screenshots/live*.png. (python_live.test.mjs runs a program with a real fetch.)
//
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test live.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, withApp, text } from './lib/browser.mjs';

const TIMELINE = 'section[data-panel="timeline"]';

async function runLive(page) {
  await page.click(`${TIMELINE} [data-action="live-run"]`);
  await page.waitForSelector(`${TIMELINE} [data-action="live-stop"]`);
  await page.waitForSelector(`${TIMELINE} .accuracy`, { timeout: 30_000 });
}

test('three fetches live: measured on the real loop, close to the 3.0 s prediction', async () => {
  await withApp(async ({ page, problems }) => {
    await runLive(page);
    const error = Number(await page.getAttribute(`${TIMELINE} .accuracy`, 'data-error'));
    // Real timers fire no sooner than due: the measured run is not shorter than predicted.
    assert.ok(error > -5, `measured - predicted = ${error} ms`);
    const total = await text(page, `${TIMELINE} .accuracy tfoot`);
    assert.match(total, /^Total\s*3000\.0 ms\s*3\d{3}\.\d ms\s*\+\d+\.\d ms$/);
    assert.equal(await page.locator(`${TIMELINE} .accuracy tbody tr`).count(), 4, 'main + 3 tasks');
    assert.match(await text(page, `${TIMELINE} .accuracy__why`), /later than predicted|on time/);
    assert.match(await text(page, `${TIMELINE} .live-bar`), /Measured on this browser's event loop/);
    await screenshot(page, 'live');
    await page.click(`${TIMELINE} [data-action="live-clear"]`);
    assert.equal(await page.locator(`${TIMELINE} .accuracy`).count(), 0);
    assert.deepEqual(problems, []);
  });
});

test('blocking the loop live: the heartbeat stops for the length of time.sleep', async () => {
  await withApp(async ({ page, problems }) => {
    await page.selectOption('.code__examples', 'blocking');
    await runLive(page);
    const froze = Number(await page.getAttribute(`${TIMELINE} .heartbeat`, 'data-froze'));
    assert.ok(froze >= 500, `the page froze for ${froze} ms`);
    await screenshot(page, 'live-blocking');
    assert.deepEqual(problems, []);
  });
});

test('stopping a live run midway ends it at once', async () => {
  await withApp(async ({ page, problems }) => {
    await page.click(`${TIMELINE} [data-action="live-run"]`);
    await page.waitForTimeout(1200);
    await page.click(`${TIMELINE} [data-action="live-stop"]`);
    await page.waitForSelector(`${TIMELINE} [data-action="live-run"]`);
    assert.match(await text(page, `${TIMELINE} [data-outcome]`), /Stopped/);
    const total = await text(page, `${TIMELINE} [data-total="shown"]`);
    assert.match(total, /Total\s*1\.\d s/);
    // Nothing keeps running: the shown run stays as it was.
    await page.waitForTimeout(2500);
    assert.equal(await text(page, `${TIMELINE} [data-total="shown"]`), total);
    assert.deepEqual(problems, []);
  });
});
