// Looplab's browser harness for end-to-end tests: serve a built dist/ on 127.0.0.1, drive
// the system Chromium headless through playwright-core, and collect everything that went
// wrong on the page (console errors, uncaught exceptions, failed or off-site requests).
//
// Never downloads a browser: it launches /usr/bin/chromium (or $CHROMIUM).
//
//   import { withApp, screenshot } from './lib/browser.mjs';
//   await withApp(async ({ page, problems }) => { ...; assert.deepEqual(problems, []); });

import { createServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST_DIR = process.env.LOOPLAB_DIST ?? path.join(REPO_ROOT, 'dist');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'target', 'screenshots');

/** The workspace panels as [data-panel slug, visible title], in reading order. */
export const PANELS = [
  ['lesson', 'Lesson'],
  ['code', 'Code'],
  ['timeline', 'Timeline'],
  ['event-loop', 'Event loop'],
  ['frames', 'Frames and variables'],
  ['compare', 'Compare'],
];

/** Flags for running Chromium as root in a container, quietly and offline. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the files under `root` on `host`, on a free port unless `port` is given.
 * Resolves to `{ url, close }` once listening. Only GET and HEAD; `/` is `index.html`;
 * paths outside `root` are refused.
 */
export async function serveStatic(root, { host = '127.0.0.1', port = 0 } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const { pathname } = new URL(req.url, 'http://localhost');
      let file = path.resolve(base, '.' + decodeURIComponent(pathname));
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(err?.code === 'ENOENT' ? 404 : 500).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address();
  return {
    url: `http://${host}:${bound}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Launches headless Chromium from the system (never a downloaded build). */
export function launchBrowser({ executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium' } = {}) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a new context and waits until the app has mounted. Returns
 * `{ page, context, problems, warnings }`: `problems` collects console errors, page
 * errors, failed requests, HTTP errors and any request that leaves `url`'s origin (those
 * are blocked: Looplab loads nothing from the network; `intercept: false` skips that).
 */
export async function openApp(browser, url, { viewport = { width: 1400, height: 900 }, colorScheme = 'light', ready = 'section[data-panel] >> visible=true', intercept = true } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const problems = [];
  const warnings = [];
  const origin = new URL(url).origin;
  // Intercepting requests routes each one through this Node process first, which adds
  // its own delay: timing probes of requests (live_accuracy.mjs) turn it off.
  if (intercept) {
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (new URL(requested).origin === origin || requested.startsWith('data:')) return route.continue();
      problems.push(`blocked off-site request: ${requested}`);
      return route.abort('blockedbyclient');
    });
  }
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    if (msg.type() === 'warning') warnings.push(`console warning: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_BLOCKED_BY_CLIENT') problems.push(`request failed: ${req.url()} (${reason})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return { page, context, problems, warnings };
}

/** The text of the first element matching `selector`, with whitespace collapsed. */
export async function text(page, selector) {
  return ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
}

/** Saves a full-page PNG as target/screenshots/NAME.png and returns its path. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Serves `dist` (default: the repository's dist/), opens the app in headless Chromium and
 * calls `fn({ page, context, problems, warnings, url })`; always shuts everything down.
 */
export async function withApp(fn, { dist = DIST_DIR, ...options } = {}) {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const { page, context, problems, warnings } = await openApp(browser, server.url, options);
    try {
      return await fn({ page, context, problems, warnings, url: server.url });
    } finally {
      for (const w of warnings) console.log(w);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** On a phone (tabs showing one panel at a time), shows the panel `slug`; else nothing. */
export async function showPanel(page, slug) {
  const tab = page.locator(`#tab-${slug}`);
  if (await tab.isVisible()) await tab.click();
}

/** Pastes `program` over the code editor's text and runs it (Ctrl+Enter). */
export async function runProgram(page, program) {
  const code = 'section[data-panel="code"]';
  const editor = page.locator(`${code} .editor__input`);
  await editor.fill(program);
  await editor.press('Control+Enter');
}

/** The console's printed lines as text: what has been printed by the playhead. */
export async function printed(page) {
  const lines = await page.locator('.output__text').allTextContents();
  return lines.map((l) => `${l}\n`).join('');
}

/** The scrubber to its end: the playhead at the end of the run. */
export async function toEnd(page) {
  await page.$eval('.scrubber', (el) => {
    el.value = el.max;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
