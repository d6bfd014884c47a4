// End-to-end tests of the embed view (`#/embed/…`): the share dialog offers an iframe
// snippet whose link opens the program alone (its code, timeline and controls; no
// header, side panels or footer), which plays to its end, and whose "Open in Looplab"
// link opens the whole app on the same program in a new tab; a damaged embed link says
// why inside the embed; and in an <iframe> of a local page, at 800×450 and at 390×600,
// nothing scrolls sideways. Saves target/screenshots/embed-share-dialog.png,
// embed-800x450.png and embed-390x600.png.
//
//   (cd tests/e2e && node --test embed.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PANELS, runProgram, screenshot, serveStatic, text, withApp } from './lib/browser.mjs';

/** Two tasks that print: 500 ms on the virtual clock, so playing it takes a moment. */
const PROGRAM = `import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")

async def main():
    await asyncio.gather(worker("a", 0.2), worker("b", 0.5))

asyncio.run(main())
`;

/** An embed link made here, as README.md documents a share link's payload. */
function embedLink(url, program) {
  const json = JSON.stringify({ program, speed: '1', playhead: '0' });
  return `${url}#/embed/s=2.${deflateSync(json).toString('base64url')}`;
}

/** The panels an embed leaves out, and the app's header and footer. */
const LEFT_OUT = [
  ...PANELS.filter(([slug]) => !['code', 'timeline'].includes(slug)).map(
    ([slug]) => `section[data-panel="${slug}"]`,
  ),
  '.masthead',
  '.colophon',
];

async function absent(page, selectors) {
  for (const selector of selectors) {
    assert.equal(await page.locator(selector).count(), 0, `no ${selector}`);
  }
}

test('the share dialog embeds the program alone: it plays, and opens in the whole app', async () => {
  await withApp(async ({ page, context, problems, url }) => {
    await runProgram(page, PROGRAM);
    await page.waitForSelector('[data-total="shown"] strong:text("500 ms")');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });

    // The dialog: the link, and the snippet embedding the same payload.
    await page.click('[data-action="share"]');
    await page.waitForSelector('#share-embed');
    const link = await page.inputValue('#share-link');
    const snippet = await page.inputValue('#share-embed');
    const src = link.replace('#s=2.', '#/embed/s=2.');
    assert.match(link, /#s=2\.[A-Za-z0-9_-]+$/);
    assert.equal(
      snippet,
      `<iframe src="${src}" width="800" height="450" title="Looplab: a Python asyncio program" ` +
        `loading="lazy" style="border:0"></iframe>`,
    );
    await page.click('button[aria-label="Copy the embed snippet"]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('.share').textContent));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    console.log(`screenshot: ${await screenshot(page, 'embed-share-dialog')}`);

    // The embed, loaded afresh: the program, its timeline and Play; nothing else.
    await page.goto('about:blank');
    await page.goto(src);
    await page.waitForSelector('.app--embed section[data-panel="timeline"] [data-lane]');
    assert.equal(await page.inputValue('.editor__input'), PROGRAM);
    assert.equal(await page.locator('.ctl--play[aria-label="Play"]').count(), 1);
    assert.ok((await page.locator('.app--embed [data-lane]').count()) >= 3, 'main and two workers');
    await absent(page, LEFT_OUT);

    // Played to its end: the console has both lines, and Play offers a replay.
    await page.click('.ctl--play');
    await page.waitForSelector('.ctl--play[aria-label="Replay"]', { timeout: 15_000 });
    assert.equal(await text(page, '.output__status'), 'completed');
    assert.deepEqual(await page.locator('.output__text').allTextContents(), ['a done', 'b done']);

    // "Open in Looplab": a new tab with the whole app on the same program.
    const open = page.locator('a.embed__open');
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.match(await open.getAttribute('rel'), /\bnoopener\b/);
    assert.ok((await open.getAttribute('href')).startsWith(`${url}#s=2.`));
    const [tab] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await tab.waitForSelector('section[data-panel="lesson"]');
    await tab.waitForSelector('.masthead');
    assert.equal(await tab.inputValue('section[data-panel="code"] .editor__input'), PROGRAM);
    assert.deepEqual(problems, []);
  }, { viewport: { width: 1440, height: 900 } });
});

test('an embedded lesson shows its program; a damaged embed link says why, in the embed', async () => {
  await withApp(async ({ page, problems, url }) => {
    await page.goto(`${url}#/embed/lesson/gather`);
    await page.waitForSelector('.app--embed [data-lane]');
    assert.match(await text(page, '.embed__title'), /Looplab\s*Sequential vs concurrent with gather/);
    await absent(page, LEFT_OUT);

    const cut = embedLink(url, PROGRAM).slice(0, -12);
    for (const [hash, why] of [
      ['#/embed/s=2.garbage', /^This link/],
      [cut.slice(url.length), /^This link is cut off/],
      ['#/embed/lesson/nope', /“nope”/],
    ]) {
      await page.goto('about:blank');
      await page.goto(`${url}${hash}`);
      await page.waitForSelector('[data-embed-broken]');
      assert.match(await text(page, '[data-embed-broken]'), why, hash);
      await absent(page, [...LEFT_OUT, 'section[data-panel]', '.editor']);
      assert.equal(await page.getAttribute('a.embed__open', 'href'), url);
    }
    assert.deepEqual(problems, []);
  });
});

for (const [width, height] of [[800, 450], [390, 600]]) {
  test(`in an iframe of ${width}×${height} the embed never scrolls sideways`, async () => {
    await withApp(async ({ page, problems, url }) => {
      // A course page served from another origin, holding the snippet's iframe.
      const dir = await mkdtemp(path.join(tmpdir(), 'looplab-course-'));
      await writeFile(
        path.join(dir, 'index.html'),
        `<!doctype html><html lang="en"><title>A course page</title>` +
          `<body style="margin:0"><iframe src="${embedLink(url, PROGRAM)}" width="${width}" ` +
          `height="${height}" title="Looplab: two workers" style="border:0;display:block"></iframe>`,
      );
      const course = await serveStatic(dir);
      try {
        // The app's harness blocks other origins; this one is the course page.
        await page.route(`${course.url}**`, (route) => route.continue());
        await page.setViewportSize({ width, height });
        await page.goto(course.url);
        const frame = await (await page.waitForSelector('iframe')).contentFrame();
        await frame.waitForSelector('.app--embed [data-lane]');
        const sizes = await frame.evaluate(() => {
          const root = document.documentElement;
          const shortest = (selector) =>
            Math.min(...[...document.querySelectorAll(selector)].map((el) => el.getBoundingClientRect().height));
          return {
            scrollWidth: root.scrollWidth,
            clientWidth: root.clientWidth,
            scrollHeight: root.scrollHeight,
            clientHeight: root.clientHeight,
            controls: shortest('.controls .ctl, .controls__speed select, .scrubber'),
          };
        });
        const said = JSON.stringify(sizes);
        assert.ok(sizes.scrollWidth <= sizes.clientWidth, `no sideways scroll: ${said}`);
        if (width >= 800) {
          assert.ok(sizes.scrollHeight <= sizes.clientHeight, `the frame fits, no scroll: ${said}`);
        } else {
          assert.ok(sizes.controls >= 44, `controls a finger can hit: ${said}`);
        }
        console.log(`screenshot: ${await screenshot(page, `embed-${width}x${height}`)}`);
        assert.deepEqual(problems, []);
      } finally {
        await course.close();
      }
    });
  });
}
