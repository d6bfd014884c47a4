// Smoke test of the release build: the app in dist/ mounts in headless Chromium, shows its
// header and its panels, and logs no errors. Run by `./dev.sh test` after `trunk build`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PANELS, screenshot, withApp } from './lib/browser.mjs';

async function assertShell(page) {
  assert.match(await page.title(), /Looplab/);
  // index.html's loading screen gave way to the app: one header, the app's.
  assert.equal(await page.locator('#boot').count(), 0);
  assert.equal(await page.locator('.masthead').count(), 1);
  assert.equal((await page.textContent('header h1'))?.trim(), 'Looplab');
  assert.match(await page.textContent('header .pitch'), /await/);
  const slugs = await page.$$eval('section[data-panel]', (ss) => ss.map((s) => s.dataset.panel));
  assert.deepEqual(slugs, PANELS.map(([slug]) => slug));
  for (const [slug, title] of PANELS) {
    const section = page.locator(`section[data-panel="${slug}"]`);
    assert.equal((await section.locator('h2').textContent())?.trim(), title);
    assert.ok(await section.getAttribute('aria-label'), `${slug} has an aria-label`);
    assert.ok(await section.isVisible(), `${slug} is visible`);
  }
}

test('the built app mounts its header and its panels without errors', async () => {
  await withApp(async ({ page, problems }) => {
    await assertShell(page);
    console.log(`screenshot: ${await screenshot(page, 'shell')}`);
    assert.deepEqual(problems, []);
  });
});

test('the app renders in dark mode too', async () => {
  await withApp(
    async ({ page, problems }) => {
      await assertShell(page);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g).map(Number);
      assert.ok(r + g + b < 3 * 64, `dark background expected, got ${bg}`);
      console.log(`screenshot: ${await screenshot(page, 'shell-dark')}`);
      assert.deepEqual(problems, []);
    },
    { colorScheme: 'dark' },
  );
});

test('the page never scrolls sideways, wherever the playhead is', async () => {
  await withApp(async ({ page, problems }) => {
    for (const t of ['0', '1500', '3000']) {
      await page.evaluate((at) => window.looplabDispatch('seek', at), t);
      await page.waitForTimeout(200);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= width, `at ${t} ms the page is ${scroll} px wide in a ${width} px window`);
    }
    assert.deepEqual(problems, []);
  });
});

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['tablet', { width: 768, height: 1024 }]]) {
  test(`on a ${name} the page never scrolls sideways, in the playground or a lesson`, async () => {
    await withApp(async ({ page, problems, url }) => {
      for (const hash of ['', '#/lesson/gather']) {
        await page.goto(`${url}${hash}`);
        await page.waitForSelector('section[data-panel="timeline"] [data-lane]', { state: 'attached' });
        const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(scroll <= width, `${hash || 'playground'}: the page is ${scroll} px wide in a ${width} px window`);
      }
      assert.deepEqual(problems, []);
    }, { viewport });
  });
}
