// Renders static/favicon.svg as the web app manifest's PNG icons (static/icons/icon-192.png,
// icon-512.png) in the system Chromium, on a transparent background. The PNGs are committed;
// run this again after changing the SVG:
//
//   (cd tests/e2e && node make_icons.mjs)

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, launchBrowser } from './lib/browser.mjs';

const svg = await readFile(path.join(REPO_ROOT, 'static/favicon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<body style="margin:0">${sized}</body>`);
    const file = path.join(REPO_ROOT, `static/icons/icon-${size}.png`);
    await page.locator('svg').screenshot({ path: file, omitBackground: true });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
