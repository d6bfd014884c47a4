// End-to-end test of the compare view in the built app: lesson 3's program (breakfast
// awaited in turn) against its pair (gathered), played side by side; totals, speed-up,
// lanes, the shared axis, the scrubber and a tooltip. Saves target/screenshots/compare.png
// (and compare-dark.png).
//
//   (cd tests/e2e && node --test compare.test.mjs)                  # the repo's dist/
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test compare.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOT_DIR, screenshot, withApp, text } from './lib/browser.mjs';

const COMPARE = 'section[data-panel="compare"]';

async function checkCompare(page) {
  await page.waitForSelector(`${COMPARE} [data-total="first"]`);
  assert.match(await text(page, `${COMPARE} [data-total="first"]`), /Your program\s*3\.7 s/);
  assert.match(await text(page, `${COMPARE} [data-total="second"]`), /Second version\s*1\.5 s/);
  assert.match(await text(page, `${COMPARE} [data-speedup]`), /2\.5× faster/);
  // Two timelines on one shared axis: both end at the same label. They are drawn once
  // the panel comes near the view (hooks/use_seen.rs), as it does when scrolled to.
  await page.locator(COMPARE).scrollIntoViewIfNeeded();
  const timelines = page.locator(`${COMPARE} .tl`);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, `${COMPARE} .tl`);
  const ends = [];
  for (const i of [0, 1]) {
    ends.push((await timelines.nth(i).locator('.tl-tick__label').last().textContent()).trim());
  }
  assert.equal(ends[0], ends[1], `one axis: ${ends}`);
  assert.equal(await timelines.nth(0).locator('[data-lane]').count(), 2, 'in turn: loop + main');
  assert.equal(await timelines.nth(1).locator('[data-lane]').count(), 5, 'gathered: loop + main + 3 tasks');
}

async function openLesson(page, url) {
  await page.goto(`${url}#/lesson/gather`);
  await page.waitForSelector(`${COMPARE} [data-total="first"]`);
}

test('breakfast in turn against gathered: played side by side, 3.7 s vs 1.5 s', async () => {
  await withApp(async ({ page, problems, url }) => {
    await openLesson(page, url);
    await checkCompare(page);

    // Play both runs on the shared axis until the playhead reaches the longer run's end.
    await page.click(`${COMPARE} [data-action="play-compare"]`);
    const scrubber = page.locator(`${COMPARE} .tl`).first().locator('[role="slider"]');
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('aria-valuenow') === '3700',
      `${COMPARE} .tl [role="slider"]`,
      { timeout: 20_000 },
    );
    await checkCompare(page);

    // Click the middle of the axis: the playhead seeks to the middle in both timelines.
    await scrubber.scrollIntoViewIfNeeded();
    const box = await scrubber.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const now = Number(await scrubber.getAttribute('aria-valuenow'));
    assert.ok(Math.abs(now - 1850) <= 60, `seeked to ${now} ms`);
    const other = page.locator(`${COMPARE} .tl`).nth(1).locator('[role="slider"]');
    assert.equal(await other.getAttribute('aria-valuenow'), String(now), 'one playhead');

    // Hover a wait in the gathered run: the tooltip gives its exact times and its line.
    const wait = page.locator(`${COMPARE} .tl`).nth(1).locator('.tl-seg--suspended', { hasText: 'await sleep' }).first();
    await wait.hover();
    const tip = page.locator(`${COMPARE} .tl-tip`);
    await tip.waitFor();
    assert.match(await tip.textContent(), /\d\.\d{3} s/);
    assert.match(await tip.textContent(), /asyncio\.sleep/);

    await page.locator(COMPARE).scrollIntoViewIfNeeded();
    await page.locator(COMPARE).screenshot({ path: path.join(SCREENSHOT_DIR, 'compare-panel.png') });
    console.log(`screenshot: ${await screenshot(page, 'compare')}`);
    assert.deepEqual(problems, []);
  });
});

test('the compare view renders in dark mode too', async () => {
  await withApp(
    async ({ page, problems, url }) => {
      await openLesson(page, url);
      await checkCompare(page);
      console.log(`screenshot: ${await screenshot(page, 'compare-dark')}`);
      assert.deepEqual(problems, []);
    },
    { colorScheme: 'dark' },
  );
});
