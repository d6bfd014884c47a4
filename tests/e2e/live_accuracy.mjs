// Live-mode accuracy probe: runs every example program live in the built app and prints
// the measured total against the virtual-clock prediction with its error.
// Writes nothing; BENCHMARKS.md ("Live mode: measured vs predicted") records its output.
//
//   trunk build --release --dist /tmp/dist-release
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist-release node live_accuracy.mjs)

import { launchBrowser, openApp, serveStatic, DIST_DIR } from './lib/browser.mjs';

const TIMELINE = 'section[data-panel="timeline"]';

async function main() {
  const server = await serveStatic(process.env.LOOPLAB_DIST ?? DIST_DIR);
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser, server.url, { intercept: false });
    const examples = await page.$$eval('.code__examples option', (os) =>
      os.filter((o) => o.value).map((o) => [o.value, o.textContent]));
    console.log('| example | predicted | measured | error | target | within |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const [id, name] of examples) {
      await page.selectOption('.code__examples', id);
      await page.click(`${TIMELINE} [data-action="live-run"]`);
      await page.waitForSelector(`${TIMELINE} .accuracy`, { timeout: 60_000 });
      const cells = await page.$$eval(`${TIMELINE} .accuracy tfoot td`, (tds) => tds.map((td) => td.textContent));
      const error = Number(await page.getAttribute(`${TIMELINE} .accuracy`, 'data-error'));
      const predicted = parseFloat(cells[0]);
      const target = Math.max(10, predicted * 0.05);
      const within = Math.abs(error) <= target ? 'yes' : 'NO';
      console.log(`| ${name} | ${cells[0]} | ${cells[1]} | ${cells[2]} | ±${target.toFixed(0)} ms | ${within} |`);
      if (process.env.WHY) console.log(await page.textContent(`${TIMELINE} .accuracy__why`));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
