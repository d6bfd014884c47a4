// Accessibility of the built app, checked by axe-core (npm, run inside the page): no
// serious or critical violation on any page (the playground, a lesson, a challenge, a
// lesson embedded for an iframe, the progress page), with every panel in a state that
// shows its parts (stepped into the run, the shortcuts list open, the share dialog,
// presenter mode, a deadlock's banner), in light and dark, wide and on a phone.
//
//   (cd tests/e2e && node --test a11y.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { withApp } from './lib/browser.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations on the page now, one line each. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE });
  }
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary}`));
}

/** The playback controls of the whole app (its play bar), or of the embed view. */
const APP = '.app:not(.app--embed) .playbar .controls';
const EMBED = '.app--embed section[data-panel="timeline"] .controls';

const PAGES = [
  ['the playground', '', APP],
  ['a lesson', '#/lesson/gather', APP],
  ['a challenge', '#/challenge/crawler', APP],
  ['an embedded lesson', '#/embed/lesson/gather', EMBED],
  ['the progress page', '#/progress', APP],
];

for (const colorScheme of ['light', 'dark']) {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    test(`no serious accessibility violation (${colorScheme}, ${viewport.width} px)`, async () => {
      await withApp(async ({ page, url, problems }) => {
        for (const [name, hash, ready] of PAGES) {
          await page.goto(`${url}${hash}`);
          await page.waitForSelector(ready);
          // Into the run, so the loop panel, frames and console show their parts.
          for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
          await page.keyboard.press('Shift+ArrowRight');
          assert.deepEqual(await violations(page), [], name);
          // A phone shows one panel at a time: check each (axe skips hidden ones).
          if (ready === APP && viewport.width < 720) {
            for (const tab of await page.$$eval('.panel-tabs [role="tab"]', (ts) => ts.map((t) => t.id))) {
              await page.click(`#${tab}`);
              assert.deepEqual(await violations(page), [], `${name}, ${tab}`);
            }
          }
        }
        // The shortcuts list, the share dialog, presenter mode, and a deadlock's banner.
        await page.keyboard.press('?');
        assert.deepEqual(await violations(page), [], 'the shortcuts list');
        await page.keyboard.press('Escape');
        await page.click('[data-action="share"]');
        await page.waitForSelector('#share-embed');
        assert.deepEqual(await violations(page), [], 'the share dialog');
        await page.goto(`${url}#/lesson/deadlock`);
        await page.waitForSelector(APP);
        await page.keyboard.press('End');
        if (viewport.width < 720) await page.click('#tab-event-loop');
        await page.waitForSelector('[data-outcome="deadlock"]');
        assert.deepEqual(await violations(page), [], 'a deadlock');
        // Presenter mode is for a projector: a phone has no button for it.
        if (viewport.width > 720) {
          await page.click('text=Presenter');
          assert.deepEqual(await violations(page), [], 'presenter mode');
        }
        assert.deepEqual(problems, []);
      }, { colorScheme, viewport });
    });
  }
}
