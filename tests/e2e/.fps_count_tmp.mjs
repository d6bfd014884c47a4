import { launchBrowser, openApp, serveStatic } from './lib/browser.mjs';
import { bigScenario } from './fps_probe.mjs';
const server = await serveStatic(process.env.LOOPLAB_DIST);
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser, server.url, { viewport: { width: 1440, height: 1000 } });
  await page.waitForFunction(() => typeof window.looplabDispatch === 'function');
  await page.evaluate((j) => window.looplabDispatch('import', j), JSON.stringify(bigScenario(1000)));
  await page.waitForSelector('[data-timeline="timeline-main"][data-lanes="1002"]', { timeout: 120000 });
  console.log(await page.evaluate(() => {
    const out = {}; const L = document.querySelectorAll(".tl-lanes")[1]; out.kids = [...L.children].slice(0, 4).map(e => `${e.tagName}.${e.className} ${e.querySelectorAll("*").length}`); out.nk = L.children.length; out.tl = [...document.querySelectorAll(".tl")].map(e => e.className + " " + e.dataset.lanes + " " + e.dataset.timeline);
    out.all = document.querySelectorAll('*').length;
    for (const p of document.querySelectorAll('[data-panel]')) out[p.dataset.panel] = p.querySelectorAll('*').length;
    for (const s of ['table', '.tl-lanes', '.tl-axis', 'header', 'footer']) out[s] = [...document.querySelectorAll(s)].map(e => e.querySelectorAll('*').length).join(',');
    // biggest child subtrees of scenario
    const sc = document.querySelector('[data-panel="scenario"]');
    const big = [...sc.querySelectorAll('*')].filter(e => e.children.length > 50).map(e => `${e.tagName}.${e.className} ${e.children.length}`);
    out.scenarioBig = big.slice(0, 5);
    return JSON.stringify(out, null, 1);
  }));
} finally { await browser.close(); await server.close(); }
