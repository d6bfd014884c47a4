// Frame-rate probe of the timeline: loads a program with 1,000 gathered tasks into the
// built app, plays it, and measures frame times with requestAnimationFrame in the page.
// Prints median fps and p5 fps (the 5th percentile: 95 % of frames were at least that
// fast). Writes nothing; BENCHMARKS.md ("Timeline frame rate") records its output.
//
//   trunk build --release --dist /tmp/dist-release
//   (cd tests/e2e && LOOPLAB_DIST=/tmp/dist-release node fps_probe.mjs)
//
// Options (env): TASKS (default 1000), PROBE_SECONDS of measurement (default 5), SPEED
// (default 1), HIDE (a CSS selector of panels to hide, for finding where time goes).

import { launchBrowser, openApp, serveStatic, DIST_DIR } from './lib/browser.mjs';

const TASKS = Number(process.env.TASKS ?? 1000);
const SECONDS = Number(process.env.PROBE_SECONDS ?? 5);

/** Ten kinds of worker mixing waits and a little blocking work, gathered TASKS times;
 * the run lasts about 5.7 s of virtual time, longer than the measurement at 1×. */
export function bigProgram(tasks = TASKS) {
  return `import asyncio
import time


async def worker(k):
    await asyncio.sleep(0.8 + 0.3 * k)  # a request
    await asyncio.sleep(0.4 + 0.2 * (k % 4))
    if k % 5 == 0:
        time.sleep(0.002)  # a little blocking work
    await asyncio.sleep(1.2 + 0.4 * (k % 3))  # another request
    return f"item {k}"


async def main():
    await asyncio.gather(*(worker(i % 10) for i in range(${tasks})))


asyncio.run(main())
`;
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[i];
}

async function main() {
  const server = await serveStatic(process.env.LOOPLAB_DIST ?? DIST_DIR);
  const browser = await launchBrowser();
  try {
    const { page, problems } = await openApp(browser, server.url, {
      viewport: { width: 1440, height: 1000 },
    });
    await page.waitForFunction(() => typeof window.looplabDispatch === 'function');
    const program = bigProgram();
    const loadStart = Date.now();
    await page.evaluate((p) => window.looplabDispatch('open', p), program);
    await page.waitForSelector(`[data-timeline="timeline-main"][data-lanes="${TASKS + 1}"]`, {
      timeout: 120_000,
    });
    const loadMs = Date.now() - loadStart;
    if (process.env.HIDE) await page.addStyleTag({ content: `${process.env.HIDE} { display: none !important; }` });
    if (process.env.SPEED) await page.evaluate((s) => window.looplabDispatch('speed', s), process.env.SPEED);
    // Play and sample frame intervals in the page.
    const frames = await page.evaluate(async (seconds) => {
      window.looplabDispatch('seek', '0');
      window.looplabDispatch('play');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const times = [];
      let last = performance.now();
      const until = last + seconds * 1000;
      await new Promise((resolve) => {
        function tick(now) {
          times.push(now - last);
          last = now;
          if (now < until) requestAnimationFrame(tick);
          else resolve();
        }
        requestAnimationFrame(tick);
      });
      window.looplabDispatch('pause');
      return times;
    }, SECONDS);
    const runEnd = await page.getAttribute(
      '[data-timeline="timeline-main"] [role="slider"]',
      'aria-valuemax',
    );
    const playhead = await page.getAttribute(
      '[data-timeline="timeline-main"] [role="slider"]',
      'aria-valuenow',
    );
    const fps = frames.slice(1).map((ms) => 1000 / ms).sort((a, b) => a - b);
    const result = {
      tasks: TASKS,
      lanes: TASKS + 2,
      frames: fps.length,
      median_fps: Number(percentile(fps, 50).toFixed(1)),
      p5_fps: Number(percentile(fps, 5).toFixed(1)),
      mean_frame_ms: Number((frames.slice(1).reduce((a, b) => a + b, 0) / fps.length).toFixed(2)),
      playhead_ms_after: Number(playhead),
      still_playing_at_the_end: Number(playhead) < Number(runEnd),
      import_and_first_render_ms: loadMs,
      problems,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
