// Self-test of tests/e2e/lib.mjs: the server, the phone page and its network fence.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, phone, foreignRequests, pageErrors, shot, cliRun, CLI } from './lib.mjs';

// The smallest valid module exporting `answer() -> 42`.
const WASM = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type: () -> i32
  0x03, 0x02, 0x01, 0x00, // function 0 has type 0
  0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, // export "answer"
  0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b, // code: i32.const 42
]);

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>lib self-test</title>
<link rel="stylesheet" href="style.css"></head>
<body><h1 id="h">Hello</h1>
<script type="module">
  const { instance } = await WebAssembly.instantiateStreaming(fetch('app.wasm'));
  document.getElementById('h').textContent = 'answer ' + instance.exports.answer();
</script></body></html>`;

test('serve + phone: content types, request log, foreign requests blocked', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dk-lib-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'app.wasm'), WASM);
  fs.writeFileSync(path.join(dir, 'style.css'), 'h1 { color: #123; }');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'day.json'), '{"ok":true}');

  const srv = await serve(dir);
  t.after(() => srv.close());
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

  // Plain HTTP checks, outside the browser.
  const wasmRes = await fetch(srv.url + 'app.wasm');
  assert.equal(wasmRes.status, 200);
  assert.equal(wasmRes.headers.get('content-type'), 'application/wasm');
  assert.deepEqual(new Uint8Array(await wasmRes.arrayBuffer()), WASM);
  const jsonRes = await fetch(srv.url + 'assets/day.json');
  assert.match(jsonRes.headers.get('content-type'), /^application\/json/);
  assert.equal((await fetch(srv.url + 'missing.js')).status, 404);
  assert.equal((await fetch(srv.url + '..%2f..%2fetc%2fpasswd')).status, 403);
  srv.requests.length = 0; // keep only what the browser asks for below

  const browser = await launch();
  t.after(() => browser.close());
  const ph = await phone(browser, srv.url);
  t.after(() => ph.close());
  const { page } = ph;

  assert.deepEqual(page.viewportSize(), { width: 360, height: 640 });
  assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
  assert.equal(await page.evaluate(() => navigator.maxTouchPoints > 0), true);

  const res = await page.goto(srv.url);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /^text\/html/);
  // instantiateStreaming only accepts application/wasm, so this proves the type in a browser.
  await page.waitForFunction(() => document.getElementById('h').textContent === 'answer 42');
  const browserType = await page.evaluate(async () => (await fetch('app.wasm')).headers.get('content-type'));
  assert.equal(browserType, 'application/wasm');

  // The page is clean so far: nothing foreign, no errors.
  ph.assertClean();
  const seen = srv.paths();
  for (const p of ['/', '/style.css', '/app.wasm']) assert.ok(seen.includes(p), `server saw ${p}: ${seen}`);

  // A request to another origin is aborted and recorded.
  const outcome = await page.evaluate(() =>
    fetch('http://example.invalid/track.gif').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  assert.equal(outcome, 'blocked');
  assert.deepEqual(foreignRequests(page), ['http://example.invalid/track.gif']);
  assert.deepEqual(ph.foreign, ['http://example.invalid/track.gif']);
  assert.throws(() => ph.assertClean(), /other origins/);
  assert.ok(!srv.requests.some((r) => r.url.includes('track.gif')), 'never reached our server');

  // Page errors are collected too.
  await page.evaluate(() => setTimeout(() => { throw new Error('deliberate'); }, 0));
  await page.waitForTimeout(100);
  assert.ok(pageErrors(page).some((e) => e.includes('deliberate')), String(pageErrors(page)));

  // Clipboard permission is granted for the served origin.
  const clip = await page.evaluate(async () => {
    await navigator.clipboard.writeText('code-123');
    return navigator.clipboard.readText();
  });
  assert.equal(clip, 'code-123');

  const file = await shot(page, 'lib-self-test');
  const png = fs.readFileSync(file);
  assert.equal(png.readUInt32BE(16), 720, 'screenshot is 360 CSS px at 2x wide');
});

test('cliRun runs target/debug/dialogue-kit', { skip: !fs.existsSync(CLI) && 'CLI not built' }, () => {
  const r = cliRun('--help');
  assert.equal(typeof r.status, 'number');
  assert.match(r.stdout + r.stderr, /validate/);
});
