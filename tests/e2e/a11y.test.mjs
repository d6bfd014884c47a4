// Accessibility of the built app, checked by axe-core (npm, run inside the page): no
// serious or critical violation on any page (the playground, a lesson, a challenge, the
// progress page), with every panel in a state that shows its parts (stepped into the
// run, the shortcuts list open, presenter mode, a deadlock's banner), in light and dark,
// wide and on a phone.
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

const PAGES = [
  ['the playground', ''],
  ['a lesson', '#/lesson/gather'],
  ['a challenge', '#/challenge/crawler'],
  ['the progress page', '#/progress'],
];

for (const colorScheme of ['light', 'dark']) {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    test(`no serious accessibility violation (${colorScheme}, ${viewport.width} px)`, async () => {
      await withApp(async ({ page, url, problems }) => {
        for (const [name, hash] of PAGES) {
          await page.goto(`${url}${hash}`);
          await page.waitForSelector('section[data-panel="timeline"] .controls');
          // Into the run, so the loop panel, frames and console show their parts.
          for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
          await page.keyboard.press('Shift+ArrowRight');
          assert.deepEqual(await violations(page), [], name);
        }
        // The shortcuts list, presenter mode, and a deadlock's banner.
        await page.keyboard.press('?');
        assert.deepEqual(await violations(page), [], 'the shortcuts list');
        await page.keyboard.press('Escape');
        await page.goto(`${url}#/lesson/deadlock`);
        await page.waitForSelector('section[data-panel="timeline"] .controls');
        await page.keyboard.press('End');
        await page.waitForSelector('[data-outcome="deadlock"]');
        assert.deepEqual(await violations(page), [], 'a deadlock');
        await page.click('text=Presenter');
        assert.deepEqual(await violations(page), [], 'presenter mode');
        assert.deepEqual(problems, []);
      }, { colorScheme, viewport });
    });
  }
}
