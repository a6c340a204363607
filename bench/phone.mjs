// "The weakest phone": how long a participant on a slow phone waits, from tapping the link to
// being able to answer the first question, and how much the phone downloads on the way; for
// dialogue-kit (the release build in dist/) and for SurveyJS rendering the same first session.
// Prints figures; asserts nothing beyond sanity (every run gets there, nothing is asked of
// another origin). Run it through bench/phone.sh, which installs SurveyJS first.
//
//   node bench/phone.mjs [--runs N]
//
// The phone is Lighthouse's mobile profile, applied through the Chrome DevTools Protocol:
// 150 ms round trips, 1,638.4 kbit/s down, 750 kbit/s up, a CPU 4 times slower, a 360x640 touch
// screen, and a cold cache on every run. Both sites are served gzipped by a server of our own,
// as a static host would.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { contentType } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS, DIST, launch } from '../tests/e2e/lib.mjs';
import { buildSurveySite } from './surveyjs.mjs';

const GOAL_MS = 1200;
const GOAL_BYTES = 120_000;
const RUN_TIMEOUT_MS = 60_000;

// Lighthouse's mobile numbers (its throttling constants: "mobileSlow4G" and a 4x CPU).
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

const runs = parseRuns(process.argv.slice(2));

// ---------------------------------------------------------------------------------------
// A static server that gzips, as a real host does. It serves a copy of `dir` held in memory,
// compressed before any run: compressing is never part of a timing, and a build that rewrites
// dist/ during the benchmark cannot mix two builds in one load.

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|manifest\+json)|image\/svg\+xml)/;

async function serveGzipped(dir) {
  const files = new Map(); // '/path' -> { type, body, gzipped }
  for (const rel of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    if (!fs.statSync(file).isFile()) continue;
    const type = contentType(file);
    const body = fs.readFileSync(file);
    const gzipped = COMPRESSIBLE.test(type) ? zlib.gzipSync(body, { level: 9 }) : null;
    files.set('/' + rel.split(path.sep).join('/'), { type, body, gzipped });
  }
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const found = files.get(rel);
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found\n');
    }
    const gzip = found.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const sent = gzip ? found.gzipped : found.body;
    res.writeHead(200, {
      'content-type': found.type,
      'content-length': sent.length,
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : sent);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

// ---------------------------------------------------------------------------------------
// One cold load on the throttled phone.

/**
 * Runs in the page before its own scripts: notes when `selector` (the first answer's label) is
 * shown and its input can be used, in ms since navigation start (window.__answerable).
 */
function watchFirstAnswer(selector) {
  const answerable = () => {
    const label = document.querySelector(selector);
    const input = label?.control;
    if (!input || input.disabled) return false;
    const box = label.getBoundingClientRect();
    const shown = label.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    return shown && box.width > 0 && box.height > 0;
  };
  const observer = new MutationObserver(() => {
    if (!answerable()) return;
    observer.disconnect();
    // After the frame that shows it is painted: being in the DOM is not yet being on screen.
    requestAnimationFrame(() => setTimeout(() => (window.__answerable = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Loads `url` once in a fresh context; returns { ms, bytes, files: [{ path, bytes }], foreign, errors }. */
async function coldLoad(browser, url, selector) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    const foreign = [];
    const errors = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (/^(https?|wss?):$/.test(u.protocol) && u.origin !== origin) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
    await context.addInitScript(watchFirstAnswer, selector);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // Bytes as DevTools counts them "transferred": headers and compressed body.
    const pending = new Map(); // requestId -> path
    const files = [];
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      if (!/^https?:/.test(request.url)) return;
      pending.set(requestId, new URL(request.url).pathname);
      lastActivity = Date.now();
    });
    const done = (requestId, bytes) => {
      if (!pending.has(requestId)) return;
      files.push({ path: pending.get(requestId), bytes });
      pending.delete(requestId);
      lastActivity = Date.now();
    };
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      if (response.status >= 400) errors.push(`HTTP ${response.status}: ${pending.get(requestId)}`);
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => done(requestId, encodedDataLength));
    cdp.on('Network.loadingFailed', ({ requestId, errorText }) => {
      errors.push(`failed (${errorText}): ${pending.get(requestId)}`);
      done(requestId, 0);
    });

    await page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
    const mark = await page
      .waitForFunction(() => window.__answerable, null, { timeout: RUN_TIMEOUT_MS, polling: 50 })
      .catch(() => {
        const seen = [...errors, ...foreign.map((u) => `foreign: ${u}`)].join('; ') || 'no error seen';
        throw new Error(`${url}: nothing answerable after ${RUN_TIMEOUT_MS / 1000} s (${seen})`);
      });
    const ms = await mark.jsonValue();
    // Count all of the first load, not only what came before the mark: wait until the page
    // has loaded and nothing has been asked for a while.
    await page.waitForLoadState('load', { timeout: RUN_TIMEOUT_MS });
    const until = Date.now() + RUN_TIMEOUT_MS;
    while ((pending.size > 0 || Date.now() - lastActivity < 1500) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { ms, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files, foreign, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------

function parseRuns(args) {
  if (args.length === 0) return 5;
  const n = Number(args[1]);
  if (args[0] !== '--runs' || args.length !== 2 || !Number.isInteger(n) || n < 1) {
    console.error('phone.mjs: usage: node bench/phone.mjs [--runs N]');
    process.exit(2);
  }
  return n;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const kb = (bytes) => (bytes / 1000).toFixed(1);

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error('phone.mjs: dist/index.html not found: build first with `bash scripts/build.sh`');
  process.exit(1);
}
const survey = buildSurveySite();
const surveyName = `SurveyJS ${survey.versions['survey-js-ui']}`;
const ours = await serveGzipped(DIST);
const theirs = await serveGzipped(survey.dir);
const apps = [
  { name: 'dialogue-kit', url: ours.url + '#/p?event=bench&table=1', selector: 'label[for=consent]', runs: [] },
  { name: surveyName, url: theirs.url, selector: '[data-name=consent] label', runs: [] },
];

// Nothing may leave this machine: no proxy listens on that port, and Chromium goes around
// proxies for loopback addresses only, so any other request fails at once (and is reported).
const browser = await launch({ args: [...CHROMIUM_ARGS, '--proxy-server=http://127.0.0.1:9'] });
let failed = false;
try {
  console.log(`Chromium ${browser.version()}; ${runs} cold loads of each, taking turns, after one not counted`);
  // Turns, so that whatever else the machine is doing weighs on both alike; the uncounted
  // first load of each pays for starting the browser's processes.
  for (let i = 0; i <= runs; i++) {
    for (const app of apps) {
      const r = await coldLoad(browser, app.url, app.selector);
      const label = i === 0 ? 'warm-up' : `run ${i}`;
      console.log(
        `  ${label.padEnd(7)}  ${app.name.padEnd(16)} ${String(Math.round(r.ms)).padStart(6)} ms ` +
          `${kb(r.bytes).padStart(8)} KB ${String(r.files.length).padStart(3)} requests`,
      );
      for (const u of r.foreign) console.log(`    FOREIGN REQUEST (blocked): ${u}`);
      for (const e of r.errors) console.log(`    ${e}`);
      if (r.foreign.length) failed = true;
      if (i > 0) app.runs.push(r);
    }
  }
} finally {
  await browser.close();
  await ours.close();
  await theirs.close();
}

// ---------------------------------------------------------------------------------------
// The table.

const rows = apps.map((app) => ({
  name: app.name,
  ms: median(app.runs.map((r) => r.ms)),
  each: app.runs.map((r) => Math.round(r.ms)),
  bytes: median(app.runs.map((r) => r.bytes)),
  requests: median(app.runs.map((r) => r.files.length)),
  files: app.runs[0].files,
}));
const W = 34;
const line = (label, ...cells) =>
  console.log((label.padEnd(W) + cells.map((c) => String(c).padEnd(30)).join('')).trimEnd());

console.log('\nThe weakest phone: Lighthouse mobile (150 ms RTT, 1,638.4 kbit/s down, 750 kbit/s up, CPU 4x slower),');
console.log('360x640 touch screen, cold cache, gzipped from 127.0.0.1 (HTTP/1.1, no TLS). 1 KB = 1,000 bytes.\n');
line('', ...rows.map((r) => r.name));
line('first answerable question, median', ...rows.map((r) => `${(r.ms / 1000).toFixed(2)} s`));
line('  each run (ms)', ...rows.map((r) => r.each.join(' ')));
line('transferred, median', ...rows.map((r) => `${kb(r.bytes)} KB`));
line('requests, median', ...rows.map((r) => r.requests));

const [dk] = rows;
const verdict = (ok) => (ok ? 'met' : 'NOT met');
console.log('\nGoal for dialogue-kit:');
console.log(`  answerable in 1.2 s or less:  ${verdict(dk.ms <= GOAL_MS)} (${(dk.ms / 1000).toFixed(2)} s)`);
console.log(`  120 KB or less transferred:   ${verdict(dk.bytes <= GOAL_BYTES)} (${kb(dk.bytes)} KB)`);

const { 'survey-core': core, 'survey-js-ui': ui } = survey.versions;
console.log(`\nSurveyJS packages (npm): survey-core ${core}, survey-js-ui ${ui}`);
for (const row of rows) {
  console.log(`\nWhat ${row.name} downloads (first counted run):`);
  for (const f of row.files) console.log(`  ${kb(f.bytes).padStart(8)} KB  ${f.path}`);
}

if (failed) {
  console.error('\nphone.mjs: a page asked for another origin than 127.0.0.1 (see FOREIGN REQUEST above)');
  process.exit(1);
}
