// End-to-end test of Looplab offline and installable: after one visit the service worker
// (static/sw.js) controls the page, and with the network off a reload still mounts the app,
// which runs a program, and runs one live that fetches a file of static/api/, logging no
// errors; the web app manifest is linked and parses, and Chromium finds the app
// installable. Saves target/screenshots/offline.png.
//
//   (cd tests/e2e && node --test offline.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  DIST_DIR,
  PANELS,
  printed,
  runProgram,
  screenshot,
  serveStatic,
  text,
  toEnd,
  withApp,
} from './lib/browser.mjs';

const TIMELINE = 'section[data-panel="timeline"]';
const EDITOR = 'section[data-panel="code"] .editor__input';

// A live run's request for a file of static/api/: answered offline from the cache.
const LIVE_FETCH = `import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("/api/users/1.json") as resp:
            print("user:", (await resp.json())["name"])

asyncio.run(main())
`;

test('once loaded, the app works offline: it mounts, runs programs, live too, without errors', async () => {
  await withApp(
    async ({ page, context, problems }) => {
      // The first visit is enough: the worker caches the page and the files it names on
      // install, and takes control of the page without a reload.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // Every file of static/api/ is cached, for live runs (sw.js lists them by hand).
      const apiFiles = (await readdir(path.join(DIST_DIR, 'api'), { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(DIST_DIR, path.join(entry.parentPath ?? entry.path, entry.name)))
        .map((file) => `/${file.split(path.sep).join('/')}`)
        .sort();
      const cached = await page.evaluate(async () => {
        const keys = await (await caches.open('looplab-v1')).keys();
        return keys.map((req) => new URL(req.url).pathname);
      });
      assert.ok(apiFiles.length > 0);
      assert.deepEqual(cached.filter((p) => p.startsWith('/api/')).sort(), apiFiles);

      await context.setOffline(true);
      const tried = [];
      context.on('requestfailed', (req) => tried.push(`${req.url()} ${req.failure()?.errorText}`));
      const response = await page.reload();
      assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
      // The worker asked the network first, and the network was off.
      assert.ok(tried.some((t) => t.endsWith('ERR_INTERNET_DISCONNECTED')), tried.join('\n'));

      await page.waitForSelector('section[data-panel]', { timeout: 30_000 });
      assert.equal(await text(page, 'header h1'), 'Looplab');
      const slugs = await page.$$eval('section[data-panel]', (ss) => ss.map((s) => s.dataset.panel));
      assert.deepEqual(slugs, PANELS.map(([slug]) => slug));
      assert.equal(await text(page, `${TIMELINE} [data-total="shown"]`), 'Total3.0 s');

      // The default program, each download half a second slower, runs offline.
      const program = (await page.inputValue(EDITOR))
        .replace('1.0)', '1.5)')
        .replace('2.0)', '2.5)')
        .replace('3.0)', '3.5)');
      assert.match(program, /fetch\("\/api\/comments\.json", 3\.5\)/);
      await runProgram(page, program);
      await page.waitForFunction(
        (sel) => document.querySelector(sel)?.textContent.includes('3.5 s'),
        `${TIMELINE} [data-total="shown"]`,
      );
      await page.click('.ctl--play');
      await page.waitForFunction(
        () => document.querySelector('.controls')?.dataset.playing === 'false'
          && document.querySelector('.loop')?.textContent.includes('Finished'),
        null,
        { timeout: 15_000 },
      );
      assert.match(await printed(page), /got \/api\/comments\.json\n3 responses in 3\.5 s/);
      console.log(`screenshot: ${await screenshot(page, 'offline')}`);

      // Live mode too: its real fetch of a static/api/ file is answered by the worker.
      const fetched = [];
      page.on('response', (res) => {
        const { pathname } = new URL(res.url());
        if (pathname.startsWith('/api/')) fetched.push([pathname, res.status(), res.fromServiceWorker()]);
      });
      await runProgram(page, LIVE_FETCH);
      await page.waitForSelector('.output[data-ending="completed"]');
      await toEnd(page);
      await page.click(`${TIMELINE} [data-action="live-run"]`);
      await page.waitForSelector(`${TIMELINE} .accuracy`, { timeout: 30_000 });
      assert.equal(await printed(page), 'user: Ada Lovelace\n');
      assert.deepEqual(fetched, [['/api/users/1.json', 200, true]]);
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 1440, height: 900 } },
  );
});

test('the web app manifest is linked and parses, and Chromium finds the app installable', async () => {
  // Installability is never reported in an incognito context (withApp's): use a profile.
  const server = await serveStatic(DIST_DIR);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'looplab-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    page.on('pageerror', (err) => problems.push(err.message));
    await page.goto(server.url);
    await page.waitForSelector('section[data-panel]', { timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);

    assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), 'manifest.webmanifest');
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.name, 'Looplab');
    assert.equal(parsed.display, 'standalone');
    assert.equal(parsed.start_url, '.');
    for (const icon of parsed.icons) {
      const res = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(res.status(), 200, icon.src);
      assert.equal(res.headers()['content-type'], icon.type, icon.src);
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
