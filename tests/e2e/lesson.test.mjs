// End-to-end test of lesson 3 ("Sequential vs concurrent with gather") in the built app:
// open it by its URL, answer the prediction, play both runs side by side to the end, read
// the totals (3.7 s in turn, 1.5 s gathered, 2.5×) and the revealed answer; then the
// lesson links (next, back), a share link, and presenter mode's narration overlay.
// Saves target/screenshots/lesson-3.png and lesson-3-presenter.png.
//
//   (cd tests/e2e && node --test lesson.test.mjs)                     # the repo's dist/
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test lesson.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, withApp, text } from './lib/browser.mjs';

const LESSON = 'section[data-panel="lesson"]';
const COMPARE = 'section[data-panel="compare"]';
const TITLE = `${LESSON} .lesson__title`;

const revealed = (page) => page.getAttribute('.predict__answer', 'data-revealed');

test('lesson 3: predict, play side by side, 3.7 s in turn vs 1.5 s gathered, answer revealed', async () => {
  await withApp(async ({ page, problems, url }) => {
    // A lesson's own address opens it (here through hashchange, as a pasted link would).
    await page.goto(`${url}#/lesson/gather`);
    await page.waitForSelector(TITLE);
    assert.equal(await text(page, TITLE), 'Sequential vs concurrent with gather');
    assert.equal(await text(page, `${LESSON} .lesson__intro code`), 'asyncio.gather');

    // Predict: gather takes as long as the longest wait.
    assert.equal(await revealed(page), 'false');
    await page.getByLabel('1.5 s, the longest').check();
    assert.equal(await revealed(page), 'false', 'the answer waits for the run');
    // The answer is about the gathered run, which the single view does not show.
    assert.match(await text(page, '.predict__answer'), /Play side by side/);

    // Play both runs on one axis to the end.
    await page.click(`${COMPARE} [data-action="play-compare"]`);
    await page.waitForFunction(
      () => document.querySelector('.predict__answer')?.dataset.revealed === 'true',
      null,
      { timeout: 20_000 },
    );
    // The lesson is a program awaited in turn; its pair, gathered, is the second version.
    assert.match(await text(page, `${COMPARE} [data-total="first"]`), /Your program\s*3\.7 s/);
    assert.match(await text(page, `${COMPARE} [data-total="second"]`), /Second version\s*1\.5 s/);
    assert.match(await text(page, `${COMPARE} [data-speedup]`), /2\.5× faster/);
    assert.match(await text(page, '.predict__answer'), /Right: gather took 1\.5 s/);

    // The whole narration has been told; the last line is the one highlighted.
    const lines = page.locator(`${LESSON} .narration__line`);
    assert.equal(await lines.count(), 4);
    assert.match(await text(page, `${LESSON} .narration__line--now`), /sum of all three waits/);
    console.log(`screenshot: ${await screenshot(page, 'lesson-3')}`);

    // A narration line seeks to its moment.
    await lines.nth(1).locator('button').click();
    assert.equal(await lines.count(), 2, 'the playhead went back to the toast');

    // Next lesson gets its own address; back returns to lesson 3.
    await page.click(`${LESSON} [data-nav="next"]`);
    await page.waitForFunction(() => location.hash === '#/lesson/create-task');
    assert.match(await text(page, TITLE), /create_task/);
    await page.goBack();
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent.includes('gather'),
      TITLE,
    );

    // Share: the link restores the lesson, its program and the playhead.
    await page.evaluate(() => window.looplabDispatch('seek', '1500'));
    await page.click('[data-action="share"]');
    const link = await page.inputValue('#share-link');
    assert.ok(link.startsWith(url) && link.includes('#s=2.'), link);
    await page.goto(`${url}#/lesson/perf-counter`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('performance counter'), TITLE);
    await page.goto(link);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent.includes('gather'),
      TITLE,
    );
    const slider = 'section[data-panel="timeline"] [role="slider"]';
    assert.equal(await page.getAttribute(slider, 'aria-valuenow'), '1500');

    // Presenter mode: the narration is laid over the timeline.
    await page.click('.toggles .toggle[aria-pressed]');
    await page.waitForSelector('.app--presenter');
    await page.waitForSelector('.narration-overlay');
    assert.match(await text(page, '.narration-overlay'), /coffee is done/);
    // The caption follows the screen's bottom, but the timeline panel's end (its legend)
    // is never hidden under it: scrolled to the end, the caption sits below the legend.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const [legend, caption] = await Promise.all(
      ['section[data-panel="timeline"] .tl-legend', '.narration-overlay'].map((s) => page.locator(s).boundingBox()),
    );
    assert.ok(
      caption.y >= legend.y + legend.height,
      `the caption (top ${caption.y}) covers the legend (bottom ${legend.y + legend.height})`,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    console.log(`screenshot: ${await screenshot(page, 'lesson-3-presenter')}`);

    assert.deepEqual(problems, []);
  });
});

test('lesson 1 moves on the tick axis: played to the end, its narration told in order', async () => {
  await withApp(async ({ page, problems, url }) => {
    await page.goto(`${url}#/lesson/event-loop`);
    await page.waitForSelector(TITLE);
    await page.click('[data-option="ticks"]');
    await page.getByLabel(/Second: greet's sleep\(0\)/).check();
    await page.click('.ctl--play');
    // Sample the playhead and the narration while it plays: it moves, and lines appear
    // one after another, never all at once.
    const seen = [];
    for (let i = 0; i < 40; i++) {
      const state = await page.evaluate(() => ({
        readout: document.querySelector('.controls__time')?.textContent,
        lines: document.querySelectorAll('.narration__line').length,
        playing: document.querySelector('.controls')?.dataset.playing === 'true',
      }));
      seen.push(state);
      if (!state.playing && i > 0) break;
      await page.waitForTimeout(250);
    }
    const readouts = new Set(seen.map((s) => s.readout));
    assert.ok(readouts.size >= 4, `the playhead moved: ${[...readouts].join(' | ')}`);
    const counts = seen.map((s) => s.lines);
    assert.ok(counts.every((n, i) => i === 0 || n >= counts[i - 1]), `in order: ${counts}`);
    assert.ok(new Set(counts).size >= 3, `lines appear one by one: ${counts}`);
    await page.waitForFunction(() => document.querySelector('.predict__answer')?.dataset.revealed === 'true',
      null, { timeout: 20_000 });
    await screenshot(page, 'lesson-1-ticks');
    assert.deepEqual(problems, []);
  }, { viewport: { width: 1440, height: 900 } });
});
