// End-to-end test of the timeline and the compare view in the built app: the default
// "three-fetches" preset, played side by side; totals, speed-up, lanes, the scrubber and a
// tooltip. Saves target/screenshots/compare.png (and compare-dark.png).
//
//   (cd tests/e2e && node --test compare.test.mjs)                  # the repo's dist/
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test compare.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOT_DIR, screenshot, withApp, text } from './lib/browser.mjs';

const COMPARE = 'section[data-panel="compare"]';
const TIMELINE = 'section[data-panel="timeline"]';

async function checkCompare(page) {
  await page.waitForSelector(`${COMPARE} [data-total="sequential"]`);
  assert.match(await text(page, `${COMPARE} [data-total="sequential"]`), /Sequential\s*6\.0 s/);
  assert.match(await text(page, `${COMPARE} [data-total="concurrent"]`), /Concurrent\s*3\.0 s/);
  assert.match(await text(page, `${COMPARE} [data-speedup]`), /2\.0× faster/);
  // Two timelines on one shared 6 s axis.
  const timelines = page.locator(`${COMPARE} .tl`);
  assert.equal(await timelines.count(), 2);
  for (const i of [0, 1]) {
    const last = timelines.nth(i).locator('.tl-tick__label').last();
    assert.equal((await last.textContent()).trim(), '6 s');
  }
  assert.equal(await timelines.nth(0).locator('[data-lane]').count(), 2, 'loop + main');
  assert.equal(await timelines.nth(1).locator('[data-lane]').count(), 5, 'loop + main + 3 tasks');
}

test('three fetches: played side by side, 6.0 s in turn vs 3.0 s gathered, 2.0× faster', async () => {
  await withApp(async ({ page, problems }) => {
    await checkCompare(page);
    assert.equal(await page.locator(`${TIMELINE} [data-lane]`).count(), 5);

    // Play both runs on the shared axis until the playhead reaches the longer run's end.
    await page.click(`${COMPARE} [data-action="play-compare"]`);
    const scrubber = page.locator(`${COMPARE} .tl`).first().locator('[role="slider"]');
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('aria-valuenow') === '6000',
      `${COMPARE} .tl [role="slider"]`,
      { timeout: 20_000 },
    );
    await checkCompare(page);

    // Click the middle of the axis: the playhead seeks to 3 s in both timelines.
    await scrubber.scrollIntoViewIfNeeded();
    const box = await scrubber.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const now = Number(await scrubber.getAttribute('aria-valuenow'));
    assert.ok(Math.abs(now - 3000) <= 60, `seeked to ${now} ms`);
    const other = page.locator(`${COMPARE} .tl`).nth(1).locator('[role="slider"]');
    assert.equal(await other.getAttribute('aria-valuenow'), String(now), 'one playhead');

    // Hover get_user's fetch in the concurrent run: the tooltip gives its exact times.
    const fetch = page.locator(`${COMPARE} .tl`).nth(1).locator('.tl-seg--suspended', {
      hasText: '/api/users/1.json',
    });
    await fetch.hover();
    const tip = page.locator(`${COMPARE} .tl-tip`);
    await tip.waitFor();
    assert.match(await tip.textContent(), /1\.000 s/);
    assert.match(await tip.textContent(), /fetch/);

    await page.locator(COMPARE).scrollIntoViewIfNeeded();
    await page.locator(COMPARE).screenshot({ path: path.join(SCREENSHOT_DIR, 'compare-panel.png') });
    console.log(`screenshot: ${await screenshot(page, 'compare')}`);
    assert.deepEqual(problems, []);
  });
});

test('the compare view renders in dark mode too', async () => {
  await withApp(
    async ({ page, problems }) => {
      await checkCompare(page);
      console.log(`screenshot: ${await screenshot(page, 'compare-dark')}`);
      assert.deepEqual(problems, []);
    },
    { colorScheme: 'dark' },
  );
});
