// The results page, end to end, as a national partner uses it after a session: 50 participant
// files and 6 table records picked at once, a Zoom chat transcript of 30 codes pasted (one
// damaged, one sent twice), the counts checked on screen and against `dialogue-kit tally` on the
// same inputs, a reload (nothing lost), the presenter on a 1280x720 shared screen with codes
// pasted live, and every download checked: the same bytes as the command line's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, phone, cli, shot, axe, accessible, DIST } from './lib.mjs';

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

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dk-results-'));
const files = path.join(tmp, 'files');
// 50 participants at 6 tables of up to 9, each table handing in its record.
cli('sample', '--as', 'files', '--out', files, '--participants', '50', '--events', '1', '--table-size', '9', '--seed', '11');
const fileList = fs.readdirSync(files).sort().map((f) => path.join(files, f));
// 29 other participants' codes in a chat; one is damaged, one is sent twice: 30 codes.
const chatFile = path.join(tmp, 'chat-raw.txt');
cli('sample', '--as', 'chat', '--out', chatFile, '--participants', '29', '--events', '1', '--seed', '12');
const codes = fs.readFileSync(chatFile, 'utf8').match(/DK1-[A-Za-z0-9_-]+/g);
const damaged = codes[3].slice(0, 30) + (codes[3][30] === 'A' ? 'B' : 'A') + codes[3].slice(31);
const chatCodes = [...codes.slice(0, 3), damaged, ...codes.slice(4), codes[7]];
const chat = chatCodes.map((c, i) => `10:${String(i).padStart(2, '0')}:12 From Participant ${i + 1} to Everyone:\n\t${c}\n`).join('');
fs.writeFileSync(path.join(tmp, 'chat.txt'), chat);
// Two more participants, pasted during the presentation.
const liveFile = path.join(tmp, 'live.txt');
cli('sample', '--as', 'chat', '--out', liveFile, '--participants', '2', '--events', '1', '--seed', '13');
const live = fs.readFileSync(liveFile, 'utf8');

// The command line on the same inputs: what the page must show and download.
const cliOut = path.join(tmp, 'cli');
cli('tally', ...fileList, path.join(tmp, 'chat.txt'), '--out', cliOut);
const cliResults = JSON.parse(fs.readFileSync(path.join(cliOut, 'results.json'), 'utf8'));

async function openResults(t, viewport) {
  const p = await phone(browser, srv.url, { t, viewport, contextOptions: viewport ? { isMobile: false, hasTouch: false } : {} });
  await p.page.goto(srv.url + 'results.html#/r');
  await p.page.locator('[data-screen=results] #import-files').waitFor({ state: 'attached' });
  return p;
}

const counts = (page) => page.getByTestId('counts').textContent();
const total = (page) => page.getByTestId('log-total').textContent();

test('imports files and a chat, counts them right, keeps them over a reload, presents and exports', async (t) => {
  assert.equal(fileList.length, 56, 'the sample gives 50 participant files and 6 table records');
  assert.equal(cliResults.participants, 78);
  assert.equal(cliResults.tables, 6);

  const { page } = await openResults(t, { width: 1280, height: 720 });
  await page.locator('#import-files').setInputFiles(fileList);
  await page.getByTestId('log-total').filter({ hasText: '56 accepted' }).waitFor();
  assert.equal(await counts(page), '50 participants and 6 tables');

  await page.locator('#import-text').fill(chat);
  await page.getByRole('button', { name: 'Add what I pasted' }).click();
  await page.getByTestId('log-total').filter({ hasText: '84 accepted' }).waitFor();
  assert.equal(
    await total(page),
    '84 accepted, 1 duplicate (counted once), 0 conflicts (latest version kept), 1 refused.',
  );
  assert.match(await page.locator('.rejections').textContent(), /damaged|checksum/);
  assert.equal(await counts(page), '78 participants and 6 tables');
  assert.equal(await page.locator('figure.chart').count() > 40, true, 'a chart for each question');

  // Bad input changes nothing: an empty file, a photo that is no picture, non-UTF-8 text, a
  // truncated record.
  const bad = path.join(tmp, 'bad');
  fs.mkdirSync(bad);
  fs.writeFileSync(path.join(bad, 'empty.json'), '');
  fs.writeFileSync(path.join(bad, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]));
  fs.writeFileSync(path.join(bad, 'cut.json'), fs.readFileSync(fileList[0], 'utf8').slice(0, 100));
  fs.writeFileSync(path.join(bad, 'photo.png'), 'not a png');
  await page.locator('#import-files').setInputFiles(fs.readdirSync(bad).map((f) => path.join(bad, f)));
  await page.getByTestId('log-total').filter({ hasText: '5 refused' }).waitFor();
  const log = await page.locator('.import-log').textContent();
  assert.match(log, /empty/);
  assert.match(log, /not UTF-8/);
  assert.match(log, /not valid JSON|damaged/);
  assert.match(log, /picture/);
  assert.equal(await counts(page), '78 participants and 6 tables');
  await shot(page, 'results-1280', { fullPage: false });
  const problems = await accessible(page, 'results workspace');
  // Every chart's numbers, opened, and a breakdown.
  await page.locator('details summary', { hasText: 'Show the numbers' }).first().click();
  problems.push(...(await accessible(page, 'results with a table of numbers')));

  // Downloads: the same bytes as the command line's for the same inputs.
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return fs.readFileSync(await d.path());
  };
  const resultsJson = await download('results.json');
  assert.equal(resultsJson.toString(), fs.readFileSync(path.join(cliOut, 'results.json'), 'utf8'));
  const dataZip = await download('Data for spreadsheets (zip)');
  fs.writeFileSync(path.join(tmp, 'page-data.zip'), dataZip);
  assert.ok(dataZip.equals(fs.readFileSync(path.join(cliOut, 'data.zip'))), `data.zip is byte-identical (see ${tmp})`);
  const chartsZip = await download('Charts and tables (zip)');
  assert.equal(chartsZip.subarray(0, 2).toString(), 'PK');
  const bundle = await download('Result bundle');
  const bundleFile = path.join(tmp, 'from-page.json');
  fs.writeFileSync(bundleFile, bundle);
  const again = path.join(tmp, 'again');
  cli('tally', bundleFile, '--out', again);
  assert.equal(
    fs.readFileSync(path.join(again, 'results.json'), 'utf8'),
    resultsJson.toString(),
    'the bundle carries every record',
  );

  // A reload loses nothing.
  await page.reload();
  await page.getByTestId('counts').filter({ hasText: '78 participants' }).waitFor();
  assert.equal(await counts(page), '78 participants and 6 tables');

  // The presenter on a shared screen: one chart, keys move, pasted codes count at once.
  await page.goto(srv.url + 'results.html#/r/present');
  await page.locator('[data-screen=presenter] figure.present-chart').waitFor();
  const n = Number((await page.getByTestId('slide').textContent()).split('/ ')[1]);
  assert.ok(n > 40);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByTestId('slide').textContent(), `3 / ${n}`);
  await page.keyboard.press('End');
  assert.equal(await page.getByTestId('slide').textContent(), `${n} / ${n}`);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getByTestId('slide').textContent(), `1 / ${n}`);
  await page.keyboard.press('PageDown');
  const before = await page.locator('figure.present-chart svg').innerHTML();
  await page.evaluate((text) => navigator.clipboard.writeText(text), live);
  await page.keyboard.press('Control+V');
  await page.getByTestId('present-counts').filter({ hasText: '80 participants' }).waitFor();
  assert.equal(await page.getByTestId('slide').textContent(), `2 / ${n}`, 'the chart in view stays');
  assert.notEqual(await page.locator('figure.present-chart svg').innerHTML(), before, 'and shows the new answers');
  await shot(page, 'presenter-1280x720', { fullPage: false });
  const box = await page.locator('figure.present-chart svg').boundingBox();
  assert.ok(box.height <= 720 && box.width <= 1280, 'the chart fits the shared screen');
  // The presenter is read from afar: AAA contrast too.
  problems.push(...(await accessible(page, 'presenter', { aaa: true })));
  await page.keyboard.press('Escape');
  await page.locator('[data-screen=results]').waitFor();
  // The printable report.
  await page.goto(srv.url + 'results.html#/r/print');
  await page.locator('[data-screen=print]').waitFor();
  problems.push(...(await accessible(page, 'printable report')));
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the results page on a phone', async (t) => {
  const { page } = await openResults(t);
  await page.locator('#import-files').setInputFiles(fileList.slice(0, 10));
  await page.getByTestId('log-total').filter({ hasText: 'accepted' }).waitFor();
  await shot(page, 'results-360', { fullPage: false });
  await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
  await shot(page, 'results-360-chart', { fullPage: false });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling (${width}px)`);
  const problems = await accessible(page, 'results on a phone');
  assert.deepEqual(problems, [], problems.join('\n'));
});
