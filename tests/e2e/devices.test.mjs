// Phones and tablets, and the keyboard: at 390x844 a phone shows one panel at a time,
// chosen by tabs (Compare's charts drawn once its tab is picked); at 768x1024 a tablet
// shows them all. On both the page never scrolls sideways, every playback control is at
// least 44 px (a finger's size), the controls stay in view as the page scrolls, and the
// timeline's axis labels do not overlap. With the keyboard, Play is within the first
// five Tab stops of the playground and of a lesson.
//
//   (cd tests/e2e && node --test devices.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PANELS, screenshot, withApp } from './lib/browser.mjs';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** What a viewport shows: the page's width, visible panels, the smallest control. */
function measure(page) {
  return page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const controls = [...document.querySelectorAll('.playbar .ctl, .playbar .controls__speed select, .playbar .scrubber')].filter(visible);
    return {
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      panels: [...document.querySelectorAll('section[data-panel]')].filter(visible).map((s) => s.dataset.panel),
      tabs: visible(document.querySelector('.panel-tabs')),
      controls: controls.length,
      smallest: Math.min(...controls.map((c) => Math.min(c.getBoundingClientRect().width, c.getBoundingClientRect().height))),
    };
  });
}

/** The timeline's axis labels that overlap the next one, as "a|b". */
function overlappingLabels(page) {
  return page.$$eval('section[data-panel="timeline"] .tl-tick__label', (labels) => {
    const shown = labels.filter((l) => getComputedStyle(l).visibility !== 'hidden');
    const boxes = shown.map((l) => [l.textContent, l.getBoundingClientRect()]).filter(([, b]) => b.width > 0);
    boxes.sort((a, b) => a[1].left - b[1].left);
    return boxes.slice(1).flatMap(([t, b], i) => (b.left < boxes[i][1].right ? [`${boxes[i][0]}|${t}`] : []));
  });
}

for (const hash of ['', '#/lesson/gather']) {
  const where = hash ? 'a lesson' : 'the playground';

  test(`on a phone, ${where} shows one panel at a time, chosen by tabs`, async () => {
    await withApp(async ({ page, problems, url }) => {
      await page.goto(`${url}${hash}`);
      await page.waitForSelector('.panel-tabs [aria-selected="true"]');
      let m = await measure(page);
      assert.ok(m.tabs, 'the tabs show');
      assert.deepEqual(m.panels, [hash ? 'lesson' : 'code'], 'the lesson first, else the code');
      // The lesson's second version is raced in Compare, whose charts wait for its tab.
      const charts = () => page.locator('#panel-compare .tl').count();
      if (hash) {
        await page.waitForSelector('#panel-compare [data-total="second"]', { state: 'attached' });
        assert.equal(await charts(), 0, "Compare's charts are not drawn behind its tab");
      }
      for (const [slug] of PANELS) {
        await page.click(`#tab-${slug}`);
        if (hash && slug === 'compare') {
          await page.waitForFunction(() => document.querySelectorAll('#panel-compare .tl').length === 2);
        }
        m = await measure(page);
        assert.deepEqual(m.panels, [slug]);
        assert.equal(await page.getAttribute(`#tab-${slug}`, 'aria-selected'), 'true');
        assert.ok(m.scroll <= m.width, `${slug}: the page is ${m.scroll} px wide in ${m.width}`);
        assert.ok(m.controls >= 6 && m.smallest >= 44, `${slug}: ${m.controls} controls, the smallest ${m.smallest} px`);
      }
      // The arrow keys move between tabs (and do not step the run).
      await page.focus('#tab-compare');
      await page.keyboard.press('ArrowLeft');
      assert.deepEqual((await measure(page)).panels, ['frames']);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-frames');
      await page.keyboard.press('Home');
      assert.deepEqual((await measure(page)).panels, ['lesson']);
      // The timeline: labels apart, and Play in view once the page has scrolled down.
      await page.click('#tab-timeline');
      assert.deepEqual(await overlappingLabels(page), []);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const play = await page.locator('.ctl--play').boundingBox();
      assert.ok(play && play.y >= 0 && play.y + play.height <= PHONE.height, `Play at ${JSON.stringify(play)}`);
      // Play from the lesson's tab shows the run; from the code's, the code (its lines
      // light up as tasks run them).
      const from = hash ? 'lesson' : 'code';
      await page.click(`#tab-${from}`);
      await page.click('.ctl--play');
      await page.waitForFunction(() => document.querySelector('.controls')?.dataset.playing === 'false', null, { timeout: 20_000 });
      assert.match(await page.locator('.ctl--play').getAttribute('aria-label'), /Replay/);
      assert.deepEqual((await measure(page)).panels, [hash ? 'timeline' : 'code']);
      console.log(`screenshot: ${await screenshot(page, `phone${hash ? '-lesson' : ''}`)}`);
      assert.deepEqual(problems, []);
    }, { viewport: PHONE });
  });

  test(`on a tablet, ${where} shows every panel and controls a finger can hit`, async () => {
    await withApp(async ({ page, problems, url }) => {
      await page.goto(`${url}${hash}`);
      await page.waitForSelector('section[data-panel="timeline"] [data-lane]');
      const m = await measure(page);
      assert.ok(!m.tabs, 'no tabs: there is room for every panel');
      assert.deepEqual(m.panels, PANELS.map(([slug]) => slug));
      assert.ok(m.scroll <= m.width, `the page is ${m.scroll} px wide in ${m.width}`);
      assert.ok(m.controls >= 6 && m.smallest >= 44, `${m.controls} controls, the smallest ${m.smallest} px`);
      assert.deepEqual(await overlappingLabels(page), []);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const play = await page.locator('.ctl--play').boundingBox();
      assert.ok(play && play.y >= 0 && play.y + play.height <= TABLET.height, `Play at ${JSON.stringify(play)}`);
      console.log(`screenshot: ${await screenshot(page, `tablet${hash ? '-lesson' : ''}`)}`);
      assert.deepEqual(problems, []);
    }, { viewport: TABLET });
  });

  test(`with the keyboard, Play is within the first five Tab stops of ${where}`, async () => {
    await withApp(async ({ page, problems, url }) => {
      await page.goto(`${url}${hash}`);
      await page.waitForSelector('.playbar .ctl--play');
      const stops = [];
      for (let i = 0; i < 5 && !stops.includes('Play'); i++) {
        await page.keyboard.press('Tab');
        stops.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()));
      }
      assert.equal(stops.at(-1), 'Play', `the Tab stops: ${stops.join(', ')}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.controls')?.dataset.playing === 'true');
      assert.deepEqual(problems, []);
    }, { viewport: { width: 1440, height: 900 } });
  });
}
