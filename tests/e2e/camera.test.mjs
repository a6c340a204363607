// QR codes by camera, end to end: Chromium's fake camera plays a video of participants' QR
// codes held up one after another (made here from `dialogue-kit qr`), and the results page
// imports each code once, with a beep and a vibration for each.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, phone, shot, cli, axe, DIST } from './lib.mjs';

const W = 640;
const H = 480;

let srv;
let browser;
let tmp;
let codes;
before(async () => {
  assert.ok(fs.existsSync(`${DIST}/results.html`), 'build the app first (bash scripts/build.sh)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dialogue-kit-camera-'));
  const chat = path.join(tmp, 'chat.txt');
  cli('sample', '--as', 'chat', '--out', chat, '--participants', '4', '--events', '1', '--seed', '31');
  codes = [...fs.readFileSync(chat, 'utf8').matchAll(/DK1-[A-Za-z0-9_-]+/g)].map((m) => m[0]);
  assert.equal(codes.length, 4);
  const video = path.join(tmp, 'codes.y4m');
  await writeVideo(video, codes.map((c) => cli('qr', c)));
  srv = await serve(DIST);
  browser = await launch({
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
});
after(async () => {
  await browser?.close();
  await srv?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Writes a Y4M video (what Chromium's fake camera plays, in a loop): each QR code (SVG) held
 * in view for a second, a blank second between. The pictures are drawn by Chromium itself.
 */
async function writeVideo(file, svgs) {
  const b = await launch();
  const page = await b.newPage();
  const frames = [];
  const blank = Buffer.alloc(W * H, 235);
  for (const svg of svgs) {
    const luma = await page.evaluate(
      async ([src, w, h]) => {
        const img = new Image();
        img.src = 'data:image/svg+xml;base64,' + btoa(src);
        await img.decode();
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const ctx = c.getContext('2d');
        ctx.fillStyle = '#ebebeb';
        ctx.fillRect(0, 0, w, h);
        const side = 400;
        ctx.drawImage(img, (w - side) / 2, (h - side) / 2, side, side);
        const rgba = ctx.getImageData(0, 0, w, h).data;
        const y = new Array(w * h);
        for (let i = 0; i < w * h; i++) {
          y[i] = Math.round(0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]);
        }
        return y;
      },
      [svg, W, H],
    );
    const y = Buffer.from(luma);
    for (let i = 0; i < 10; i++) frames.push(y);
    for (let i = 0; i < 10; i++) frames.push(blank);
  }
  await b.close();
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const out = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const y of frames) out.push(Buffer.from('FRAME\n'), y, chroma, chroma);
  fs.writeFileSync(file, Buffer.concat(out));
}

for (const [name, viewport] of [
  ['phone', { width: 360, height: 640 }],
  ['laptop', { width: 1280, height: 720 }],
]) {
  test(`a facilitator scans four participants' codes one after another (${name})`, async (t) => {
    const ph = await phone(browser, srv.url, {
      t,
      viewport,
      contextOptions: name === 'laptop' ? { isMobile: false, hasTouch: false, deviceScaleFactor: 1 } : {},
    });
    const { page, context } = ph;
    await context.grantPermissions(['camera'], { origin: ph.origin });
    // Count the signals: each vibration, and each beep started.
    await page.addInitScript(() => {
      window.signals = { vibrations: 0, beeps: 0 };
      navigator.vibrate = () => {
        window.signals.vibrations += 1;
        return true;
      };
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args) {
        window.signals.beeps += 1;
        return start.apply(this, args);
      };
    });
    await page.goto(srv.url + 'results.html#/r');
    await page.getByRole('button', { name: 'Scan QR codes with the camera' }).click();
    await page.getByTestId('camera-status').filter({ hasText: 'Hold a participant' }).waitFor();
    // The video loops: every code comes round once in 8 s, and again later (counted once).
    await page.getByTestId('camera-status').filter({ hasText: '4 codes read' }).waitFor({ timeout: 40000 });
    await page.getByTestId('log-total').filter({ hasText: '4 accepted' }).waitFor();
    await shot(page, `camera-scan-${name}`, { fullPage: false });
    assert.deepEqual(await page.evaluate(() => window.signals), { vibrations: 4, beeps: 4 }, 'one signal per code');
    // Seeing the codes again adds nothing.
    await page.waitForTimeout(9000);
    assert.match(await page.getByTestId('camera-status').textContent(), /^4 codes read/);
    assert.deepEqual(await page.evaluate(() => window.signals), { vibrations: 4, beeps: 4 });
    if (name === 'phone') {
      const violations = await axe(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    }
    await page.getByRole('button', { name: 'Stop the camera' }).click();
    await page.getByRole('button', { name: 'Scan QR codes with the camera' }).waitFor();
    assert.equal(
      await page.evaluate(() => document.querySelector('video.camera-view').srcObject?.active ?? false),
      false,
      'the camera is released',
    );
  });
}

test('with the camera refused, the page says so and the file picker stays', async (t) => {
  const ph = await phone(browser, srv.url, { t, allowErrors: [/Permission denied|NotAllowedError/] });
  const { page } = ph;
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto(srv.url + 'results.html#/r');
  await page.getByRole('button', { name: 'Scan QR codes with the camera' }).click();
  await page.getByTestId('camera-status').filter({ hasText: 'not allowed' }).waitFor();
  assert.match(await page.getByTestId('camera-status').textContent(), /Choose files/);
  assert.ok(await page.locator('#import-files').count(), 'the file picker is still there');
});
