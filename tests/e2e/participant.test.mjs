// The participant's day, end to end, in real Chromium on a 360x640 touch phone: answer every
// question kind of the default day by taps and keyboard, reload in the middle, finish, copy
// the code, download the file, and check that both decode (with the CLI) to the answers given.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, phone, cli, shot, axe, accessible, DIST } from './lib.mjs';

let srv;
let browser;
before(async () => {
  assert.ok(fs.existsSync(`${DIST}/index.html`), 'build the app first (trunk build --release)');
  srv = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const LINK = '#/p?event=e2e-2026&table=7';

/** Waits for the app to show a screen (a question, or a named screen). */
async function screen(page) {
  const el = page.locator('section.question, [data-screen]:not([data-screen=loading])').first();
  await el.waitFor();
  const q = await el.getAttribute('data-question');
  if (q) return { question: q, kind: await el.getAttribute('data-kind') };
  return { screen: await el.getAttribute('data-screen') };
}

async function tapAction(page, action) {
  await page.locator(`[data-action="${action}"]`).first().tap();
}

/**
 * Answers the question on screen, the way a person would, and returns the answer the app must
 * record (as `dialogue-kit decode` prints it), or null when the question is skipped.
 */
async function answer(page, q, n) {
  const sec = page.locator('section.question');
  switch (q.kind) {
    case 'single_choice':
    case 'scale': {
      const radios = sec.locator('input[type=radio]');
      const count = await radios.count();
      // Every fifth such question: "no clear opinion" where it is offered.
      const nco = sec.locator('input[value=no_clear_opinion]');
      const pick = n % 5 === 0 && (await nco.count()) ? nco : radios.nth(n % (count - ((await nco.count()) ? 1 : 0)));
      await pick.locator('xpath=..').tap();
      const v = await pick.getAttribute('value');
      return v === 'no_clear_opinion' ? 'no_clear_opinion' : { option: v };
    }
    case 'yes_no': {
      // By keyboard: focus the first radio and press Space (then arrow to "no" on odd turns).
      const first = sec.locator('input[type=radio]').first();
      await first.focus();
      await page.keyboard.press('Space');
      if (n % 2) await page.keyboard.press('ArrowDown');
      const checked = sec.locator('input[type=radio]:checked');
      await checked.waitFor();
      const v = await checked.getAttribute('value');
      return v === 'no_clear_opinion' ? 'no_clear_opinion' : { option: v };
    }
    case 'multiple_choice': {
      const boxes = sec.locator('input[type=checkbox]');
      const want = [1, 0]; // tap the second then the first: the record keeps definition order
      for (const i of want) await boxes.nth(i).locator('xpath=..').tap();
      const values = [];
      for (let i = 0; i < (await boxes.count()); i++) {
        if (await boxes.nth(i).isChecked()) values.push(await boxes.nth(i).getAttribute('value'));
      }
      assert.equal(values.length, 2);
      return { options: values };
    }
    case 'grid': {
      const items = sec.locator('fieldset.grid-item');
      const cells = {};
      const count = await items.count();
      for (let i = 0; i < count; i++) {
        if (i === 1) continue; // leave one item unanswered: missing, not "no clear opinion"
        const item = items.nth(i);
        const radios = item.locator('input[type=radio]');
        const pick = radios.nth((i + n) % (await radios.count()));
        await pick.locator('xpath=..').tap();
        const v = await pick.getAttribute('value');
        cells[await item.getAttribute('data-item')] = v === 'no_clear_opinion' ? 'no_clear_opinion' : { option: v };
      }
      return { grid: cells };
    }
    case 'numeric': {
      await sec.locator('label.number').nth(7).tap();
      return { number: 7 };
    }
    case 'text': {
      const text = 'Mais acesso público, <b>já</b> =1+1';
      await sec.locator('textarea').tap();
      await page.keyboard.type(text);
      return { text };
    }
    case 'ordering': {
      const adds = sec.locator('button.add');
      if (await adds.count()) {
        // Top k: add three, then move the last one up.
        for (let i = 0; i < 3; i++) await sec.locator('button.add:not([disabled])').nth(i === 0 ? 2 : 0).tap();
        await sec.locator('li.order-item').nth(2).locator('[data-move=up]').tap();
      } else {
        await sec.locator('li.order-item').nth(0).locator('[data-move=down]').tap();
        await sec.locator('li.order-item').nth(1).locator('[data-move=down]').tap();
      }
      const order = await sec.locator('li.order-item').evaluateAll((els) => els.map((e) => e.dataset.option));
      return { order };
    }
    case 'country': {
      await sec.locator('select').selectOption('PRT');
      return { country: 'PRT' };
    }
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
}

test('a participant answers the whole day on a phone, reloads midway, and hands over', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await page.goto(srv.url + LINK);

  assert.deepEqual(await screen(page), { screen: 'welcome' });
  await shot(page, 'participant-welcome-360');
  // Every kind of screen, the first time it shows: WCAG 2.2 AA (see accessible()).
  const problems = await accessible(page, 'welcome');
  const checked = new Set(['welcome']);
  assert.ok(await page.locator('[data-action=consent]').isDisabled(), 'consent comes first');
  await page.locator('label[for=consent]').tap();
  await tapAction(page, 'consent');
  assert.deepEqual(await screen(page), { screen: 'overview' });
  await shot(page, 'participant-overview-360');
  problems.push(...(await accessible(page, 'overview')));
  await page.locator('li.session button').first().tap();

  const expected = {};
  const kinds = new Set();
  let n = 0;
  let reloaded = false;
  for (let steps = 0; steps < 400; steps++) {
    const s = await screen(page);
    if (s.screen === 'handover') break;
    const what = s.screen ?? s.kind;
    if (!checked.has(what)) {
      checked.add(what);
      problems.push(...(await accessible(page, what)));
    }
    if (s.screen === 'session-start' || s.screen === 'session-end') {
      if (s.screen === 'session-end' && n < 12) await shot(page, 'participant-session-end-360');
      await tapAction(page, 'next');
      await page.waitForFunction((prev) => {
        const el = document.querySelector('section.question, [data-screen]');
        return el && (el.dataset.screen !== prev);
      }, s.screen);
      continue;
    }
    assert.ok(s.question, `unexpected screen ${JSON.stringify(s)}`);
    n += 1;
    kinds.add(s.kind);
    if (n % 9 === 4) {
      // Skip: recorded as missing.
      assert.equal(await page.locator('[data-action=skip]').count(), 1);
      await tapAction(page, 'skip');
    } else {
      const a = await answer(page, s, n);
      expected[s.question] = a;
      if (n === 3 || s.kind === 'ordering') await shot(page, `participant-${s.kind}-360`);
      if (!reloaded && n >= 20 && s.kind === 'grid') {
        // Reload in the middle of the day: everything is where it was left.
        reloaded = true;
        await page.reload();
        const again = await screen(page);
        assert.deepEqual(again, s, 'the same question is shown after a reload');
        const items = page.locator('fieldset.grid-item');
        assert.equal(
          await items.locator('input:checked').count(),
          Object.keys(a.grid).length,
          'the grid answers are still there',
        );
      }
      await tapAction(page, 'next');
    }
    await page.waitForFunction((prev) => {
      const el = document.querySelector('section.question, [data-screen]');
      return el && el.dataset.question !== prev;
    }, s.question);
  }
  for (const k of ['single_choice', 'multiple_choice', 'scale', 'grid', 'numeric', 'yes_no', 'text', 'ordering', 'country']) {
    assert.ok(kinds.has(k), `the day has a ${k} question and the test answered it`);
  }
  assert.ok(reloaded, 'the test reloaded in the middle');

  // Hand over: copy the code, download the file.
  assert.deepEqual(await screen(page), { screen: 'handover' });
  await tapAction(page, 'copy');
  await page.locator('.status', { hasText: 'Copied' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^DK1-[A-Za-z0-9_-]+$/);
  const shown = await page.locator('#answer-code').inputValue();
  assert.equal(code, shown);
  await shot(page, 'participant-handover-360');
  const [download] = await Promise.all([page.waitForEvent('download'), tapAction(page, 'download')]);
  assert.match(download.suggestedFilename(), /^dialogue-kit-e2e-2026-table7-[0-9a-f]{16}\.json$/);
  const file = await download.path();

  const fromCode = JSON.parse(cli('decode', code));
  const fromFile = JSON.parse(cli('decode', file));
  assert.deepEqual(fromCode, fromFile, 'the code and the file say the same');
  assert.equal(fromFile.event, 'e2e-2026');
  assert.equal(fromFile.table, 7);
  assert.deepEqual(fromFile.answers, expected, 'every answer given, and nothing else, was recorded');
  console.log(`share code: ${code.length} characters for ${Object.keys(expected).length} answers`);

  // Accessibility of every screen met, the handover screen last.
  problems.push(...(await accessible(page, 'handover')));
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('start over asks first and warns about answers never handed over', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await page.goto(srv.url + '#/p?event=e2e-restart&table=2');
  await page.locator('label[for=consent]').tap();
  await tapAction(page, 'consent');
  await page.locator('li.session button').first().tap();
  await tapAction(page, 'next');
  await page.locator('section.question input[type=radio]').first().locator('xpath=..').tap();
  await tapAction(page, 'start-over');
  await page.locator('[data-warning=unexported]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'start-over-title', 'the dialog takes the focus');
  await shot(page, 'participant-start-over-360');
  await tapAction(page, 'cancel');
  assert.equal(await page.locator('section.question input:checked').count(), 1, 'cancel keeps the answer');
  await tapAction(page, 'start-over');
  await tapAction(page, 'confirm-start-over');
  assert.deepEqual(await screen(page), { screen: 'welcome' });
  await page.reload();
  assert.deepEqual(await screen(page), { screen: 'welcome' }, 'the new start is saved too');
});

test('an incomplete link says what is missing and lets the participant fix it', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await page.goto(srv.url + '#/p?table=abc');
  assert.deepEqual(await screen(page), { screen: 'link-problem' });
  const text = await page.locator('[role=alert]').innerText();
  assert.match(text, /does not say which event/);
  assert.match(text, /table number .* not a number/);
  await shot(page, 'participant-bad-link-360');
  await page.locator('#event').fill('pt-2020-10');
  await page.locator('#table').fill('4');
  await page.locator('button[type=submit]').tap();
  assert.deepEqual(await screen(page), { screen: 'welcome' });
  assert.match(page.url(), /#\/p\?event=pt-2020-10&table=4$/);
});

test('when storage is blocked the participant is told at once and can download', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await page.goto(srv.url + '#/p?event=e2e-full&table=1');
  await page.locator('[data-banner=storage]').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-banner=storage] [data-action=download]').tap(),
  ]);
  assert.match(download.suggestedFilename(), /^dialogue-kit-e2e-full-table1-/);
});

test('a definition changed since the participant started keeps answers by id', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await page.goto(srv.url + '#/p?event=e2e-changed&table=3');
  await page.locator('label[for=consent]').tap();
  await tapAction(page, 'consent');
  // Pretend this participant answered an older definition: another hash, an answer to a question
  // that no longer exists, and one that still fits.
  await page.evaluate(() => {
    const key = 'dialogue-kit/v1/participant/e2e-changed/3';
    const p = JSON.parse(localStorage.getItem(key));
    p.record.questionnaire.hash = 'sha256:' + '0'.repeat(64);
    p.record.answers = { changed_mind: { option: 'yes' }, retired_question: { number: 3 } };
    localStorage.setItem(key, JSON.stringify(p));
  });
  await page.reload();
  const banner = page.locator('[data-banner=changed]');
  await banner.waitFor();
  assert.match(await banner.innerText(), /retired_question/);
  await page.locator('li.session').last().waitFor();
  const s8 = page.locator('li.session[data-session=s8-internet-governance] .session-state');
  assert.match(await s8.innerText(), /^1 of/);
});

test('the start page and the 1280x720 shared screen render', async (t) => {
  const ph = await phone(browser, srv.url, { t, viewport: { width: 1280, height: 720 } });
  const { page } = ph;
  await page.goto(srv.url + LINK);
  await page.locator('[data-screen=welcome]').waitFor();
  await shot(page, 'participant-welcome-1280', { fullPage: false });
  await page.locator('label[for=consent]').click();
  await page.locator('[data-action=consent]').click();
  await page.locator('li.session button').nth(2).click();
  await page.locator('[data-action=next]').click();
  await page.locator('section.question').waitFor();
  await shot(page, 'participant-question-1280', { fullPage: false });
  // Only the app's own files were asked for.
  const paths = srv.paths().filter((p) => p !== '/');
  for (const p of paths) {
    assert.match(p, /^\/(index\.html|[\w-]+\.(js|wasm|css)|assets\/day\.json|assets\/icons\/icon[\w-]*\.(svg|png)|manifest\.webmanifest|favicon\.ico)$/, p);
  }
});
