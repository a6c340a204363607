// The table app, end to end: a facilitator orders the 11 UNESCO policy actions by keyboard
// only (on a shared screen) and by touch (on a phone), reads 6 members' codes (with a repeat
// and one from another table), adopts the consensus, and hands the table's record over. The
// consensus is checked against `dialogue-kit rank` on the same ballots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, phone, cli, shot, axe, accessible, DIST, ROOT } from './lib.mjs';

let srv;
let browser;
before(async () => {
  srv = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const day = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/day.json'), 'utf8'));
const worksheet = day.sessions.flatMap((s) => s.worksheets ?? []).find((w) => w.id === 'unesco_actions_order');
const IDS = worksheet.options.map((o) => o.id);
const HASH = cli('validate', 'assets/day.json').match(/sha256:[0-9a-f]{64}/)[0];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dk-table-'));

/** A member's share code, made by the CLI from a response file. */
function memberCode(respondent, table, order, minute = 0) {
  const record = {
    format: 'dialogue-kit/record',
    format_version: 1,
    kind: 'participant',
    questionnaire: { id: day.id, version: day.version, hash: HASH },
    event: 'e2e-table',
    table,
    respondent,
    language: 'en',
    started_at: '2026-11-20T10:00:00Z',
    updated_at: `2026-11-20T11:${String(minute).padStart(2, '0')}:00Z`,
    answers: { unesco_actions_ballot: { order } },
  };
  const file = path.join(tmp, `${respondent}-${minute}.json`);
  fs.writeFileSync(file, JSON.stringify(record));
  return cli('encode', file).trim();
}

/** Opens the UNESCO worksheet of table 5. */
async function openWorksheet(page) {
  await page.goto(srv.url + '#/t?event=e2e-table&table=5');
  await page.locator('[data-screen=overview]').waitFor();
  await page.locator('li.session[data-session=s7-governing-ai] button').click();
  await page.locator('[data-action=next]').click();
  await page.locator('section.question[data-question=unesco_actions_order]').waitFor();
}

const domOrder = (page) =>
  page.locator('section.question ol.order > li').evaluateAll((els) => els.map((e) => e.dataset.option));

test('a table orders the 11 actions by keyboard only (and a mouse drags too)', async (t) => {
  const ph = await phone(browser, srv.url, { t, viewport: { width: 1280, height: 720 } });
  const { page } = ph;
  await openWorksheet(page);
  await shot(page, 'table-unesco-1280', { fullPage: false });
  // The heading has the focus; Tab reaches the first option, arrows move the focused one.
  const order = [...IDS];
  let focus = -1;
  const keys = ['Tab', 'ArrowDown', 'ArrowDown', 'Tab', 'End', 'Shift+Tab', 'Shift+Tab', 'Home', 'Tab', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'Tab', 'Tab', 'Tab', 'End'];
  for (const key of keys) {
    await page.keyboard.press(key);
    const move = (to) => {
      const [item] = order.splice(focus, 1);
      order.splice(to, 0, item);
      focus = to;
    };
    if (key === 'Tab') focus += 1;
    else if (key === 'Shift+Tab') focus -= 1;
    else if (key === 'ArrowDown' && focus < order.length - 1) move(focus + 1);
    else if (key === 'ArrowUp' && focus > 0) move(focus - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(order.length - 1);
    const focused = await page.evaluate(() => document.activeElement?.dataset?.option);
    assert.equal(focused, order[focus], `after ${key} the focus stays on the option that moved`);
  }
  assert.deepEqual(await domOrder(page), order);
  const said = await page.locator('[aria-live=assertive]').innerText();
  assert.match(said, /moved to number 11 of 11/);
  // Reload: the order is kept.
  await page.reload();
  await page.locator('section.question[data-question=unesco_actions_order]').waitFor();
  assert.deepEqual(await domOrder(page), order);
  assert.deepEqual(await axe(page), []);

  // With a mouse the grip follows at once.
  const items = page.locator('section.question ol.order > li');
  await items.nth(1).locator('.grip').scrollIntoViewIfNeeded();
  const g = await items.nth(1).locator('.grip').boundingBox();
  const target = await items.nth(4).boundingBox();
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2, target.y + target.height / 2 + 4, { steps: 8 });
  await page.mouse.up();
  const after = await domOrder(page);
  const landed = after.indexOf(order[1]);
  assert.ok(landed >= 3, `dropped at ${landed}`);
  assert.deepEqual(after.filter((id) => id !== order[1]), order.filter((id) => id !== order[1]));
});

test('a table drags an option by touch on a phone, and scrolling elsewhere still works', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await openWorksheet(page);
  const cdp = await page.context().newCDPSession(page);
  const centre = async (loc) => {
    await loc.scrollIntoViewIfNeeded();
    const b = await loc.boundingBox();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const items = page.locator('section.question ol.order > li');
  const from = await centre(items.nth(0).locator('.grip'));
  const box3 = await items.nth(3).boundingBox(); // no scrolling now: `from` must stay true
  const to = { x: from.x, y: box3.y + box3.height / 2 };
  const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
  await touch('touchStart', from);
  await page.waitForTimeout(350); // hold first
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', { x: from.x, y: from.y + ((to.y - from.y + 8) * i) / 10 });
    await page.waitForTimeout(20);
  }
  await touch('touchEnd');
  // The option followed the finger: it left the top, landed lower down, the others kept their
  // order, and the move was announced.
  await page.waitForFunction((first) => document.querySelector('section.question ol.order > li')?.dataset.option !== first, IDS[0]);
  const after = await domOrder(page);
  const landed = after.indexOf(IDS[0]);
  assert.ok(landed >= 2, `dropped at ${landed}`);
  assert.deepEqual(after.filter((id) => id !== IDS[0]), IDS.slice(1));
  assert.match(await page.locator('[aria-live=assertive]').innerText(), new RegExp(`dropped at number ${landed + 1} of 11`));
  await shot(page, 'table-after-drag-360');
  // A quick swipe on a grip (no hold) is not a drag.
  const before = await domOrder(page);
  const g = await centre(items.nth(5).locator('.grip'));
  await touch('touchStart', g);
  await touch('touchMove', { x: g.x, y: g.y + 120 });
  await touch('touchEnd');
  await page.waitForTimeout(100);
  assert.deepEqual(await domOrder(page), before);
  // A finger swiping on an option's text scrolls the page as usual.
  const y0 = await page.evaluate(() => window.scrollY);
  const label = await centre(items.nth(6).locator('.order-label'));
  await touch('touchStart', label);
  for (let i = 1; i <= 8; i++) {
    await touch('touchMove', { x: label.x, y: label.y - 25 * i });
    await page.waitForTimeout(16);
  }
  await touch('touchEnd');
  await page.waitForFunction((y) => window.scrollY > y + 50, y0);
  assert.deepEqual(await domOrder(page), before, 'scrolling moved nothing');
});

test("a table reads 6 members' codes, adopts their consensus and hands it over", async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  // Six members of table 5, one of whom sends a newer order later; a member of table 9.
  const rotate = (k) => [...IDS.slice(k), ...IDS.slice(0, k)];
  const swap = (o, i, j) => { const c = [...o]; [c[i], c[j]] = [c[j], c[i]]; return c; };
  const ballots = {
    '00000000000000a1': IDS,
    '00000000000000a2': swap(IDS, 0, 1),
    '00000000000000a3': rotate(1),
    '00000000000000a4': swap(IDS, 2, 5),
    '00000000000000a5': [...IDS].reverse(),
    '00000000000000a6': swap(swap(IDS, 0, 10), 3, 4),
  };
  const codes = Object.entries(ballots).map(([r, o]) => memberCode(r, 5, o));
  const first = memberCode('00000000000000a1', 5, rotate(3), 0);
  const stranger = memberCode('00000000000000f9', 9, rotate(5));
  const chat = [
    `10:01 From Ana to Everyone: ${first}`,
    ...codes.map((c, i) => `10:0${i + 2} From member ${i + 1} to Everyone: ${c}`),
    `10:09 From Ana to Everyone: ${codes[0]}`, // the same code again
    `10:10 From Zed (table 9): ${stranger}`,
  ].join('\n');

  await openWorksheet(page);
  await page.locator('[data-input=member-codes]').fill(chat);
  await page.locator('[data-action=import-ballots]').tap();
  const report = await page.locator('[data-report=ballots]').innerText();
  assert.match(report, /^6 added/);
  assert.match(report, /1 updated with a newer order/);
  assert.match(report, /1 already here/);
  assert.match(report, /1 from another table/);
  assert.equal(await page.locator('table.members tbody tr').count(), 7);
  assert.match(await page.locator('.consensus h4').innerText(), /6 members/);
  await shot(page, 'table-consensus-360');
  await page.locator('.ballots').screenshot({ path: path.join(ROOT, 'test-results', 'table-ballots-360.png') });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (page is ${width} px wide)`);

  // The same consensus as the ranking engine's Kemeny order on these six ballots.
  const soc = [
    `# NUMBER ALTERNATIVES: ${IDS.length}`,
    ...IDS.map((id, i) => `# ALTERNATIVE NAME ${i + 1}: ${id}`),
    ...Object.values(ballots).map((o) => `1: ${o.map((id) => IDS.indexOf(id) + 1).join(',')}`),
  ].join('\n');
  const socFile = path.join(tmp, 'members.soc');
  fs.writeFileSync(socFile, soc + '\n');
  const ranked = JSON.parse(cli('rank', socFile));
  const kemeny = ranked.kemeny.order.map((n) => IDS[n - 1]);
  const shown = await page.locator('.consensus ol li').evaluateAll((els) => els.map((e) => e.dataset.option));
  assert.deepEqual(shown, kemeny);

  // The facilitator decides about the member of another table: counted once included.
  const strangerBox = page.locator('tr[data-member="00000000000000f9"] input[type=checkbox]');
  assert.equal(await strangerBox.isChecked(), false);
  await strangerBox.tap();
  await page.locator('.consensus h4', { hasText: '7 members' }).waitFor();
  await strangerBox.tap();
  await page.locator('.consensus h4', { hasText: '6 members' }).waitFor();

  // Adopt it, then export the table's record and read it back with the CLI.
  await page.locator('[data-action=adopt]').tap();
  assert.deepEqual(await domOrder(page), kemeny);
  await page.locator('[data-action=next]').tap();
  await page.locator('[data-screen=session-end]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=download]').first().tap()]);
  assert.equal(download.suggestedFilename(), 'dialogue-kit-e2e-table-table5-group.json');
  const record = JSON.parse(cli('decode', await download.path()));
  assert.equal(record.kind, 'table');
  assert.deepEqual(record.answers.unesco_actions_order, { order: kemeny });
  // The table's code says the same.
  await page.locator('[data-action=copy]').tap();
  await page.locator('.status', { hasText: 'Copied' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.deepEqual(JSON.parse(cli('decode', code)), record);
});

test('every screen of the table app meets WCAG 2.2 AA, on a phone', async (t) => {
  const ph = await phone(browser, srv.url, { t });
  const { page } = ph;
  await page.goto(srv.url + '#/t?event=e2e-table-a11y&table=2');
  await page.locator('[data-screen=overview]').waitFor();
  const problems = await accessible(page, 'table overview');
  const checked = new Set();
  await page.locator('li.session button').first().click();
  // Walk every session's worksheets (skipping each), checking the first screen of each kind.
  for (let steps = 0; steps < 200; steps++) {
    const el = page.locator('section.question, [data-screen]:not([data-screen=loading])').first();
    await el.waitFor();
    const what = (await el.getAttribute('data-kind')) ?? (await el.getAttribute('data-screen'));
    if (!checked.has(what)) {
      checked.add(what);
      problems.push(...(await accessible(page, `table ${what}`)));
    }
    if (what === 'handover') break;
    const before = await page.evaluate(() => document.querySelector('section.question, [data-screen]')?.outerHTML.slice(0, 200));
    const skip = page.locator('[data-action=skip]');
    await ((await skip.count()) ? skip : page.locator('[data-action=next]')).first().click();
    await page.waitForFunction(
      (prev) => document.querySelector('section.question, [data-screen]')?.outerHTML.slice(0, 200) !== prev,
      before,
    );
  }
  for (const k of ['ordering', 'list', 'grid', 'session-start']) assert.ok(checked.has(k), `a ${k} screen was checked`);
  assert.deepEqual(problems, [], problems.join('\n'));
});
