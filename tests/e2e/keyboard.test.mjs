// The participant's whole day with the keyboard alone (Tab, Shift+Tab, Space, Enter, arrows,
// typing), as someone who cannot use a pointer would: every step moves the focus to the new
// screen's heading (what a screen reader announces), and every kind of question can be
// answered; reduced motion is respected.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, phone, DIST } from './lib.mjs';

let srv;
let browser;
before(async () => {
  assert.ok(fs.existsSync(`${DIST}/index.html`), 'build the app first (bash scripts/build.sh)');
  srv = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const KEY = 'dialogue-kit/v1/participant/e2e-keys/2';

/** Presses Tab until the focused element matches `selector` (60 presses at most). */
async function tabTo(page, selector) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** What has the focus, briefly. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.closest('[data-screen], section.question') ? '' : ' (outside any screen)'}` : 'nothing';
  });

/** The screen shown: a question's kind, or the screen's name. */
async function shown(page) {
  const el = page.locator('section.question, [data-screen]:not([data-screen=loading])').first();
  await el.waitFor();
  return {
    question: await el.getAttribute('data-question'),
    what: (await el.getAttribute('data-kind')) ?? (await el.getAttribute('data-screen')),
  };
}

/** Moves on with Enter on the named button, and waits for the next screen. */
async function press(page, action) {
  const before = await page.evaluate(() => document.querySelector('section.question, [data-screen]')?.outerHTML.slice(0, 300));
  await tabTo(page, `[data-action=${action}]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (prev) => document.querySelector('section.question, [data-screen]')?.outerHTML.slice(0, 300) !== prev,
    before,
  );
}

/** Answers the question on screen by keyboard. */
async function answer(page, kind) {
  const q = 'section.question';
  switch (kind) {
    case 'single_choice':
    case 'scale':
    case 'yes_no':
    case 'numeric':
      await tabTo(page, `${q} input[type=radio]`);
      await page.keyboard.press('Space');
      break;
    case 'multiple_choice':
      await tabTo(page, `${q} input[type=checkbox]`);
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      break;
    case 'grid':
      // The first item, then the next item's group is one Tab away.
      await tabTo(page, `${q} fieldset.grid-item input[type=radio]`);
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      break;
    case 'text':
      await tabTo(page, `${q} textarea`);
      await page.keyboard.type('Typed with the keyboard only.');
      break;
    case 'country':
      await tabTo(page, `${q} select`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      break;
    case 'ordering':
      if (await page.locator(`${q} button.add`).count()) {
        await tabTo(page, `${q} button.add:not([disabled])`);
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, `${q} li.order-item`);
        await page.keyboard.press('ArrowDown');
      }
      break;
    default:
      assert.fail(`no keyboard way known for a ${kind} question`);
  }
}

test('a participant goes through the whole day with the keyboard alone', async (t) => {
  const ph = await phone(browser, srv.url, { t, viewport: { width: 1280, height: 720 }, contextOptions: { isMobile: false, hasTouch: false, deviceScaleFactor: 1 } });
  const { page } = ph;
  await page.goto(srv.url + '#/p?event=e2e-keys&table=2');
  assert.equal((await shown(page)).what, 'welcome');
  await tabTo(page, '#consent');
  await page.keyboard.press('Space');
  await press(page, 'consent');

  const kinds = new Set();
  const answered = [];
  const lostFocus = [];
  let sessionsStarted = 0;
  for (let steps = 0; steps < 400; steps++) {
    const s = await shown(page);
    // The focus is on the new screen's heading.
    const onHeading = await page.evaluate(() => /^H[12]$/.test(document.activeElement?.tagName ?? ''));
    if (!onHeading) lostFocus.push(`${s.question ?? s.what}: the focus is on ${await focused(page)}`);
    if (s.what === 'handover') break;
    if (s.what === 'overview') {
      // The next session not done yet.
      const next = page.locator('li.session:not(.done) button').first();
      await tabTo(page, `li.session[data-session="${await next.locator('xpath=..').getAttribute('data-session')}"] button`);
      const before = await page.evaluate(() => document.querySelector('[data-screen]')?.dataset.screen);
      await page.keyboard.press('Enter');
      await page.waitForFunction((prev) => document.querySelector('section.question, [data-screen]')?.dataset.screen !== prev, before);
      continue;
    }
    if (s.what === 'session-start') {
      sessionsStarted += 1;
      await press(page, 'next');
      continue;
    }
    if (s.what === 'session-end') {
      await press(page, 'next');
      continue;
    }
    assert.ok(s.question, `unexpected screen ${s.what}`);
    kinds.add(s.what);
    await answer(page, s.what);
    await page.locator('section.question [data-action=next]').waitFor();
    answered.push(s.question);
    await press(page, 'next');
  }
  assert.equal((await shown(page)).what, 'handover', 'the keyboard reaches the end of the day');
  assert.ok(sessionsStarted >= 8, `${sessionsStarted} sessions started`);
  for (const k of ['single_choice', 'multiple_choice', 'scale', 'grid', 'numeric', 'yes_no', 'text', 'ordering', 'country']) {
    assert.ok(kinds.has(k), `a ${k} question was answered by keyboard`);
  }
  const saved = await page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)).record.answers), KEY);
  for (const q of answered) assert.ok(saved.includes(q), `${q} is saved`);
  assert.deepEqual(lostFocus, [], lostFocus.join('\n'));
  // The code can be copied with the keyboard too.
  await tabTo(page, '[data-action=copy]');
  await page.keyboard.press('Enter');
  await page.locator('.status', { hasText: 'Copied' }).waitFor();
});

test('with reduced motion asked for, nothing moves', async (t) => {
  const ph = await phone(browser, srv.url, { t, contextOptions: { reducedMotion: 'reduce' } });
  const { page } = ph;
  await page.goto(srv.url + '#/p?event=e2e-keys-motion&table=1');
  await page.locator('[data-screen=welcome]').waitFor();
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((el) => getComputedStyle(el))
      .filter((st) => parseFloat(st.transitionDuration) > 0 || (st.animationName !== 'none' && parseFloat(st.animationDuration) > 0)).length,
  );
  assert.equal(moving, 0, 'no transition or animation runs');
});
