// Offline, end to end in real Chromium: after one visit the participant's app opens and keeps
// answers with the phone offline; the results page works offline once opened; a new version
// is picked up on the next visit without losing answers; the manifest lets the app be added to
// the home screen.
//
// The test serves a copy of dist/, so that it can publish a "new version" of it midway.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, phone, shot, cli, DIST } from './lib.mjs';
import { writeServiceWorker } from '../../scripts/sw.mjs';

let srv;
let browser;
let dir;
before(async () => {
  assert.ok(fs.existsSync(`${DIST}/sw.js`), 'build the app first (bash scripts/build.sh)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialogue-kit-offline-'));
  fs.cpSync(DIST, dir, { recursive: true });
  srv = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const LINK = '#/p?event=e2e-offline&table=4';
const KEY = 'dialogue-kit/v1/participant/e2e-offline/4';

/** Waits until a service worker controls the page and has cached the shell. */
async function ready(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('dialogue-kit-'));
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
}

/** Waits until `check` (run in the page, may be async) comes true: 20 s at most. */
async function until(page, check) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate(check)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`still not true after 20 s: ${check}`);
}

/** The question or screen shown. */
async function screen(page) {
  const el = page.locator('section.question, [data-screen]:not([data-screen=loading])').first();
  await el.waitFor();
  return (await el.getAttribute('data-question')) ?? (await el.getAttribute('data-screen'));
}

/** The participant's saved answers, as the app keeps them. */
async function saved(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.record?.answers ?? null, KEY);
}

test('after one visit the app works offline, keeps answers, and updates on the next visit', async (t) => {
  const ph = await phone(browser, srv.url, { t, contextOptions: { serviceWorkers: 'allow' } });
  const { page, context } = ph;

  // First visit, online: the worker installs and caches what a participant needs first.
  await page.goto(srv.url + LINK);
  assert.equal(await screen(page), 'welcome');
  const first = await ready(page);
  assert.equal(first.names.length, 1);
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const shell = JSON.parse(sw.match(/const SHELL = (\[.*\]);/)[1]).map((p) => p.slice(1));
  for (const p of shell) assert.ok(first.urls.includes(p), `${p} is cached on install`);
  assert.ok(first.urls.includes('/assets/day.json'), "the day's questions are cached");
  assert.ok(!first.urls.some((u) => u.includes('results')), 'a participant never downloads the results page');

  // Offline: the app opens from the cache; answers are kept through a reload.
  await context.setOffline(true);
  await page.reload();
  assert.equal(await screen(page), 'welcome');
  await page.locator('label[for=consent]').tap();
  await page.locator('[data-action=consent]').tap();
  assert.equal(await screen(page), 'overview');
  await page.locator('li.session button').first().tap();
  let q = await screen(page);
  while (!(await page.locator('section.question input[type=radio]').count())) {
    await page.locator('[data-action=next], [data-action=skip]').first().tap();
    q = await screen(page);
  }
  await page.locator('section.question input[type=radio]').first().locator('xpath=..').tap();
  const answered = q;
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('"answers":{"'), KEY);
  await shot(page, 'offline-question-360');
  await page.reload();
  assert.equal(await screen(page), answered, 'offline, a reload comes back to the same question');
  assert.ok((await saved(page))[answered], 'the answer given offline is kept');

  // A new page opened offline at the app's folder works too.
  const other = await context.newPage();
  await other.goto(srv.url + '#/p?event=e2e-offline&table=4');
  assert.equal(await screen(other), answered);
  await other.close();

  // A new version is published while the phone is offline.
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<meta name=build content=v2><title>'));
  writeServiceWorker(dir);
  assert.equal(await page.locator('meta[name=build]').count(), 0);

  // Back online: this visit finds the new worker; the next one runs the new version.
  await context.setOffline(false);
  await page.reload();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  // The new worker has cached the new version, taken over, and deleted the old cache.
  await until(page, async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg?.active || reg.installing || reg.waiting || reg.active.state !== 'activated') return false;
    if (navigator.serviceWorker.controller?.state !== 'activated') return false;
    const names = (await caches.keys()).filter((n) => n.startsWith('dialogue-kit-'));
    if (names.length !== 1) return false;
    const index = await (await caches.open(names[0])).match('index.html');
    return Boolean(index) && (await index.text()).includes('content=v2');
  });
  await context.setOffline(true);
  await page.reload();
  assert.equal(await page.locator('meta[name=build]').getAttribute('content'), 'v2', 'the new version runs');
  assert.equal(await screen(page), answered, 'and the participant is where they were');
  assert.ok((await saved(page))[answered], 'with their answers');
  await context.setOffline(false);
});

test('the results page works offline once opened', async (t) => {
  const ph = await phone(browser, srv.url, {
    t,
    viewport: { width: 1280, height: 720 },
    contextOptions: { serviceWorkers: 'allow', isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  });
  const { page, context } = ph;
  await page.goto(srv.url + 'results.html#/r');
  await page.locator('#import-files').waitFor({ state: 'attached' });
  await ready(page);
  // Its files, loaded before the worker took over, are cached on the next load.
  await page.reload();
  await page.locator('#import-files').waitFor({ state: 'attached' });
  const cached = await ready(page);
  assert.ok(cached.urls.some((u) => /dialogue-kit-results-.*_bg\.wasm$/.test(u)), 'the results code is cached');
  await context.setOffline(true);
  await page.reload();
  await page.locator('#import-files').waitFor({ state: 'attached' });
  // Offline, a facilitator pastes the chat of the session: every code is read and counted.
  const chat = path.join(dir, 'chat.txt');
  cli('sample', '--as', 'chat', '--out', chat, '--participants', '4', '--events', '1', '--seed', '21');
  await page.locator('#import-text').fill(fs.readFileSync(chat, 'utf8'));
  await page.getByRole('button', { name: 'Add what I pasted' }).click();
  await page.getByTestId('log-total').filter({ hasText: '4 accepted' }).waitFor();
  await shot(page, 'offline-results-1280');
  await context.setOffline(false);
});

test('the manifest lets the app be added to the home screen', async () => {
  const res = await fetch(srv.url + 'manifest.webmanifest');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /manifest\+json/);
  const m = await res.json();
  assert.equal(m.display, 'standalone');
  assert.ok(m.name && m.short_name && m.start_url && m.theme_color && m.background_color);
  for (const size of [192, 512]) {
    const icon = m.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
    assert.ok(icon, `a ${size} px PNG icon`);
    const png = Buffer.from(await (await fetch(new URL(icon.src, srv.url))).arrayBuffer());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${icon.src} is ${size} px`);
  }
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.match(html, /rel="?manifest"?/);
});
