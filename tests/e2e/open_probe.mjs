// Browser probe (not a test): how long the page is frozen while it opens and plays a
// program of N gathered tasks. It pastes the program, runs it (Ctrl+Enter), plays for
// 2 s, and prints the long tasks (main-thread work over 50 ms) the browser reported.
// Figures and how they were won: BENCHMARKS.md, "Opening a big program".
//
//   trunk build --release && (cd tests/e2e && node open_probe.mjs 10000 100000)

import { runProgram, withApp } from './lib/browser.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const n of sizes.length ? sizes : [10000]) {
  const program = `import asyncio\n\nasync def worker(i):\n    await asyncio.sleep(0.001 * (i % 100))\n    return i\n\nasync def main():\n    results = await asyncio.gather(*(worker(i) for i in range(${n})))\n    print(len(results))\n\nasyncio.run(main())\n`;
  await withApp(async ({ page }) => {
    await page.waitForSelector('section[data-panel="timeline"] .controls');
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    await runProgram(page, program);
    await page.waitForFunction((n) => document.querySelector('[data-lanes]')?.dataset.lanes === String(n + 2), n, { timeout: 120_000 });
    await page.keyboard.press('Space');
    await page.waitForTimeout(2000);
    const long = await page.evaluate(() => window.longTasks);
    console.log(`${n} tasks: long tasks ${JSON.stringify(long)} ms, longest ${Math.max(0, ...long)} ms`);
  });
}
