// End-to-end test of a real Python program in the built app: pasted into the code
// editor, run by the interpreter; the timeline's total, the Output console, a syntax
// error at its line, and a loop that never yields stopped by the interpreter's limit.
// Saves target/screenshots/python-*.png at a desktop and a phone size.
//
//   (cd tests/e2e && node --test python.test.mjs)                  # the repo's dist/
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist node --test python.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOT_DIR, printed, runProgram, screenshot, showPanel, toEnd, withApp, text } from './lib/browser.mjs';

const PROGRAM = `import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name

async def main():
    results = await asyncio.gather(*(fetch(f"job{i}", 0.1 * i) for i in range(1, 4)))
    print(results)
    # A keyword argument to a built-in method, and a method taken from its class.
    print(" ".join(map(str.upper, results)).split(maxsplit=1))

asyncio.run(main())
`;

const CODE = 'section[data-panel="code"]';
const TIMELINE = 'section[data-panel="timeline"]';

for (const [name, viewport] of [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`a pasted program runs and prints (${name})`, async () => {
    await withApp(async ({ page, problems }) => {
      await runProgram(page, PROGRAM);
      await page.waitForSelector('[aria-label="Program output"]');
      assert.match(await text(page, `${TIMELINE} [data-total="shown"]`), /300 ms/);
      // Nothing is printed before the playhead moves; lines appear as it passes them.
      assert.equal(await printed(page), '');
      assert.equal(await page.locator(`${TIMELINE} [data-lane]`).count(), 5);
      // Play to the end.
      await page.click('.ctl--play');
      await page.waitForFunction(() => document.querySelector('.controls')?.dataset.playing === 'false'
        && document.querySelector('.loop')?.textContent.includes('Finished'), null, { timeout: 10_000 });
      assert.equal(
        await printed(page),
        "job1 done\njob2 done\njob3 done\n['job1', 'job2', 'job3']\n['JOB1', 'JOB2 JOB3']\n",
      );
      await page.locator(CODE).scrollIntoViewIfNeeded();
      await screenshot(page, `python-${name}`);

      // Half way: main waits at the gather (line 9), the last fetch at its sleep (line 4),
      // and the console shows only the first line.
      await page.locator('.scrubber').fill('150');
      await page.waitForSelector(`${CODE} .editor__line--waiting[data-line="9"]`);
      assert.equal(await page.locator(`${CODE} .editor__line--waiting[data-line="4"]`).count(), 1);
      assert.equal(await printed(page), 'job1 done\n');
      // The frames panel: the last fetch's task asleep in fetch(name='job3').
      const job3 = page.locator('[data-frames] [data-task="Task-4"]');
      assert.match(await job3.textContent(), /waits for asyncio\.sleep/);
      assert.match(await job3.locator('[data-var="name"]').textContent(), /'job3'/);
      for (const [slug, shot] of [['frames', 'section[data-panel="frames"]'], ['timeline', TIMELINE], ['code', CODE]]) {
        await showPanel(page, slug);
        await page.locator(shot).screenshot({ path: path.join(SCREENSHOT_DIR, `python-${slug}-${name}.png`) });
      }

      // Only a lesson's own program has a Rust version: the tab says so.
      await page.click(`${CODE} [role="tab"]:has-text("Rust")`);
      await page.waitForSelector(`${CODE} [data-no-rust]`);
      assert.equal(await page.locator('[aria-label="Program output"]').count(), 1, 'the console stays');
      await page.click(`${CODE} [role="tab"]:has-text("Python")`);

      // Text that is not Python: the error at its line, and the last run stays.
      await runProgram(page, PROGRAM.replace('async def main():', 'async def main()'));
      await page.waitForSelector('[data-editor-error]');
      assert.match(await text(page, '[data-editor-error]'), /^line 8, column \d+: expected ':'/);
      assert.match(await text(page, `${TIMELINE} [data-total="shown"]`), /300 ms/);
      await screenshot(page, `python-error-${name}`);

      // A loop that never yields: stopped by the limit, the page stays responsive.
      const started = Date.now();
      await runProgram(page, 'import asyncio\n\nasync def main():\n    while True:\n        pass\n\nasyncio.run(main())\n');
      await page.waitForSelector('.output[data-ending="limit"]', { timeout: 60_000 });
      console.log(`limit reached in ${Date.now() - started} ms (${name})`);
      await toEnd(page);
      assert.match(await text(page, '[data-output-error]'), /without an await/);
      await screenshot(page, `python-limit-${name}`);
      assert.deepEqual(problems, []);
    }, { viewport });
  });
}

test('two versions of a program race on one time axis', async () => {
  await withApp(async ({ page, problems }) => {
    const inTurn = 'import asyncio\n\nasync def job(s):\n    await asyncio.sleep(s)\n\nasync def main():\n    for s in (0.1, 0.2, 0.3):\n        await job(s)\n\nasyncio.run(main())\n';
    await runProgram(page, inTurn);
    await page.click('[data-action="compare-with"]');
    const second = page.locator('.cmp__editor .editor__input');
    await second.fill(inTurn.replace('    for s in (0.1, 0.2, 0.3):\n        await job(s)\n',
      '    await asyncio.gather(*(job(s) for s in (0.1, 0.2, 0.3)))\n'));
    await second.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('[data-speedup]')?.dataset.speedup === '2.00');
    assert.match(await text(page, '[data-total="first"]'), /600 ms/);
    assert.match(await text(page, '[data-total="second"]'), /300 ms/);
    await page.click('[data-action="play-compare"]');
    await page.waitForFunction(() => document.querySelector('.controls')?.dataset.playing === 'false', null, { timeout: 10_000 });
    const panel = page.locator('section[data-panel="compare"]');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'python-compare.png') });
    assert.deepEqual(problems, []);
  }, { viewport: { width: 1440, height: 900 } });
});

test('a click on a traceback line puts the editor caret on that line', async () => {
  await withApp(async ({ page, problems }) => {
    const failing = 'import asyncio\n\nasync def check(n):\n    await asyncio.sleep(0.1)\n    if n > 1:\n        raise ValueError(f"too big: {n}")\n\nasync def main():\n    await check(1)\n    await check(2)\n\nasyncio.run(main())\n';
    await runProgram(page, failing);
    await page.waitForSelector('.output[data-ending="exception"]');
    assert.equal(await page.locator('[data-output-error]').count(), 0, 'not before the end');
    await toEnd(page);
    const frame = page.locator('[data-traceback-line]', { hasText: 'in check' });
    assert.equal(await frame.getAttribute('data-traceback-line'), '6');
    await frame.click();
    const caret = await page.evaluate(() => {
      const area = document.querySelector('section[data-panel="code"] .editor__input');
      return { start: area.selectionStart, focused: document.activeElement === area };
    });
    const lineStart = failing.split('\n').slice(0, 5).reduce((n, l) => n + l.length + 1, 0);
    assert.deepEqual(caret, { start: lineStart, focused: true });
    await page.locator('section[data-panel="code"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'python-traceback.png') });
    assert.deepEqual(problems, []);
  }, { viewport: { width: 1440, height: 900 } });
});
