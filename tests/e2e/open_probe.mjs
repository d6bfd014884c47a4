// Browser probe (not a test): how long the page is frozen while it opens and plays a
// program of N gathered tasks. It pastes the program, runs it (Ctrl+Enter), plays for
// 2 s, and prints the long tasks (main-thread work over 50 ms) the browser reported.
// Figures and how they were won: BENCHMARKS.md, "Opening a big program".
//
//   trunk build --release && (cd tests/e2e && node open_probe.mjs 10000 100000)
//   WORKER=print node open_probe.mjs 10000     (or WORKER=return)
//   node open_probe.mjs lesson:production-loops   (opening a lesson, then playing it)

import { runProgram, withApp } from './lib/browser.mjs';

/** Records the long tasks from now on, in `window.longTasks`. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

/** Plays for 2 s, then prints the long tasks seen since `watchLongTasks`. */
async function playAndReport(page, what) {
  await page.click('.ctl--play'); // (Space would type into the editor, which has the focus)
  await page.waitForTimeout(2000);
  const long = await page.evaluate(() => window.longTasks);
  console.log(`${what}: long tasks ${JSON.stringify(long)} ms, longest ${Math.max(0, ...long)} ms`);
}

const args = process.argv.slice(2);
for (const slug of args.filter((a) => a.startsWith('lesson:')).map((a) => a.slice('lesson:'.length))) {
  await withApp(async ({ page, url }) => {
    await watchLongTasks(page);
    await page.goto(`${url}#/lesson/${slug}`);
    await page.waitForSelector('section[data-panel="timeline"] [data-lane]', { state: 'attached' });
    await playAndReport(page, `lesson ${slug}`);
  });
}
const sizes = args.map(Number).filter((n) => n > 0);
for (const n of sizes.length || args.length ? sizes : [10000]) {
  // WORKER=sleep (the default): each task sleeps; =print: each prints a line; =return:
  // each returns at once, so the whole run is one instant.
  const body = { sleep: 'await asyncio.sleep(0.001 * (i % 100))', print: 'print(i)', return: 'pass' }[process.env.WORKER ?? 'sleep'];
  const program = `import asyncio\n\nasync def worker(i):\n    ${body}\n    return i\n\nasync def main():\n    results = await asyncio.gather(*(worker(i) for i in range(${n})))\n    print(len(results))\n\nasyncio.run(main())\n`;
  await withApp(async ({ page }) => {
    await page.waitForSelector('.playbar .controls');
    await watchLongTasks(page);
    await runProgram(page, program);
    // Drawn, or refused (more tasks than the app runs: ui::program::MAX_TASKS).
    await page.waitForFunction((n) => document.querySelector('[data-lanes]')?.dataset.lanes === String(n + 2)
      || document.querySelector('.output[data-ending="limit"]'), n, { timeout: 120_000 });
    const refused = await page.locator('.output[data-ending="limit"]').count();
    if (refused) console.log(`${n} tasks refused: ${await page.textContent('.tl-outcome')}`);
    await playAndReport(page, `${n} tasks`);
  });
}
