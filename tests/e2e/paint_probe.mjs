// Browser probe (not a test): how soon a first visit shows something. For each of N
// loads of the release build (a new browser context each: nothing cached, no service
// worker yet), at 1440x900: first contentful paint, largest contentful paint, and when
// the app's panels are on the page (its wasm loaded and run), all in ms from navigation.
// Figures: BENCHMARKS.md, "First paint".
//
//   trunk build --release && (cd tests/e2e && node paint_probe.mjs 5)

import { launchBrowser, serveStatic, DIST_DIR } from './lib/browser.mjs';

const loads = Number(process.argv[2] ?? 5);
const server = await serveStatic(DIST_DIR);
const browser = await launchBrowser();
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.lcp = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.lcp = Math.max(window.lcp, e.startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(server.url);
    await page.waitForSelector('section[data-panel="timeline"] [data-lane]');
    const panels = await page.evaluate(() => performance.now());
    await page.waitForTimeout(300);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    const lcp = await page.evaluate(() => window.lcp);
    console.log(`load ${i + 1}: first contentful paint ${Math.round(fcp)} ms, largest ${Math.round(lcp)} ms, panels by ${Math.round(panels)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
