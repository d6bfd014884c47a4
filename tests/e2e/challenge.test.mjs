// End-to-end test of a challenge in the built app: "A polite crawler" opened by its URL
// fails a goal with the starter and says where (the seek moves the playhead), a hint is
// revealed, the reference solution typed into the editor passes every goal, and after a
// reload the challenge is marked solved with the learner's program back in the editor;
// the progress page counts it, and a course link made there opens its items in order.
// Saves target/screenshots/challenge-*.png.
//
//   (cd tests/e2e && node --test challenge.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runProgram, screenshot, text, withApp } from './lib/browser.mjs';

const LESSON = 'section[data-panel="lesson"]';
const solution = fs.readFileSync(
  path.join(REPO_ROOT, 'src/challenges/programs/crawler_solution.py'),
  'utf8',
);

test('a challenge is failed, then solved, and stays solved after a reload', async () => {
  await withApp(async ({ page, problems, url }) => {
    await page.goto(`${url}#/challenge/crawler`);
    await page.waitForSelector('[data-challenge-status]');
    assert.equal(await text(page, `${LESSON} .lesson__title`), 'A polite crawler');
    assert.equal(await page.getAttribute('[data-challenge-status]', 'data-challenge-status'), 'failed');
    const failed = page.locator('[data-goal-passed="false"]');
    assert.equal(await failed.count(), 1);
    assert.match(await failed.textContent(), /finishes within 2\.00 s.*finished at 4\.05 s/);
    // The failed goal points at its moment: the playhead moves there.
    assert.match(await text(page, '.controls__time'), /t = 0\.000 s/);
    await failed.getByRole('button', { name: 'Show on the timeline' }).click();
    assert.doesNotMatch(await text(page, '.controls__time'), /t = 0\.000 s/);
    await page.click('[data-action="hint"]');
    assert.equal(await page.locator('.challenge__hint-list li').count(), 1);
    await screenshot(page, 'challenge-failed');

    await runProgram(page, solution);
    await page.waitForSelector('[data-challenge-status="passed"]');
    assert.equal(await page.locator('[data-goal-passed="false"]').count(), 0);
    assert.equal(await page.locator('[data-solved]').count(), 1);

    await page.reload();
    await page.waitForSelector('[data-challenge-status="passed"]');
    assert.equal(await page.locator('[data-solved]').count(), 1, 'still solved after a reload');
    assert.equal(await page.inputValue(`section[data-panel="code"] .editor__input`), solution);
    await screenshot(page, 'challenge-solved');

    // The progress page counts it; a course of a lesson and the challenge opens in order.
    await page.selectOption('#lesson-picker', 'progress');
    await page.waitForSelector('[data-progress]');
    assert.equal(await page.getAttribute('[data-challenge="crawler"]', 'data-solved'), 'true');
    assert.match(await text(page, '[data-progress]'), /Challenges: 1 of 13 solved/);
    await page.getByLabel('Add 3. Sequential vs concurrent with gather to the course').check();
    await page.getByLabel('Add A polite crawler to the course').check();
    const link = await page.inputValue('[data-course-link]');
    assert.match(link, /#\/course\/lesson:gather,challenge:crawler\/1$/);
    await page.goto(link);
    await page.waitForSelector('[data-course-at="1"]');
    assert.equal(await text(page, `${LESSON} .lesson__title`), 'Sequential vs concurrent with gather');
    await page.click('[data-course-nav="next"]');
    await page.waitForSelector('[data-course-at="2"]');
    assert.equal(await text(page, `${LESSON} .lesson__title`), 'A polite crawler✓ solved');
    assert.deepEqual(problems, []);
  });
});
