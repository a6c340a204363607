// Helpers for the end-to-end tests (run with `node --test tests/e2e/*.test.mjs`,
// or the whole suite with `bash scripts/test.sh`).
//
//   const srv = await serve(DIST);               // static server on 127.0.0.1, records requests
//   const browser = await launch();              // headless Debian Chromium via playwright-core
//   const ph = await phone(browser, srv.url, { t });   // 360x640 touch phone, offline to others
//   await ph.page.goto(srv.url + '#/p?event=demo&table=1');
//   await shot(ph.page, 'participant-start');    // test-results/participant-start.png
//   ph.assertClean();                            // no foreign request, no console/page error
//   const out = cli('validate', 'assets/day.json');  // target/debug/dialogue-kit
//
// The app must work with no network but its own folder: phone() aborts and records every
// request to another origin, and serve() records every path the app asked for.

import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
const TARGET = process.env.CARGO_TARGET_DIR
  ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR)
  : path.join(ROOT, 'target');
export const CLI = path.join(TARGET, 'debug', 'dialogue-kit');

// ---------------------------------------------------------------------------------------
// serve(dir): a tiny static file server.

export { contentType, serve } from '../../scripts/serve.mjs';

// ---------------------------------------------------------------------------------------
// launch(): headless Chromium from Debian, driven by playwright-core (which never downloads
// a browser of its own).

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return '/usr/bin/chromium';
}

export async function launch(options = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

// ---------------------------------------------------------------------------------------
// phone(browser, url): a small touch phone that may talk to the served origin only.

const records = new WeakMap(); // page -> { foreign, errors }

/** Requests the page (or its context) tried to make to another origin; all were aborted. */
export function foreignRequests(page) {
  return records.get(page)?.foreign ?? [];
}

/** Console errors and uncaught page errors seen so far, as strings. */
export function pageErrors(page) {
  return records.get(page)?.errors ?? [];
}

/**
 * Opens a new context + page emulating a 360x640 phone (touch, 2x pixels) with downloads
 * and clipboard allowed. Every request to an origin other than `url`'s is aborted and
 * recorded; console errors and page errors are collected.
 *
 * Returns { context, page, origin, foreign, errors, assertClean(), close() }.
 * Pass { t } (the node:test context) to close it and assertClean() after the test, so a
 * foreign request or an error fails the test even if the test forgot to check.
 * Other options: { viewport, allowErrors: [RegExp...], locale, contextOptions }.
 */
export async function phone(browser, url, opts = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
    locale: opts.locale ?? 'en-GB',
    serviceWorkers: 'block',
    ...(opts.contextOptions ?? {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

  const foreign = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const reqUrl = route.request().url();
    let reqOrigin = null;
    try {
      reqOrigin = new URL(reqUrl).origin;
    } catch {
      /* unparsable: treat as foreign */
    }
    if (reqOrigin === origin) return route.continue();
    foreign.push(reqUrl);
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  records.set(page, { foreign, errors });
  const allowed = opts.allowErrors ?? [];
  const note = (text) => {
    if (!allowed.some((re) => re.test(text))) errors.push(text);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') note(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => note(`page error: ${err?.stack ?? err}`));
  page.on('crash', () => note('page crashed'));

  let closed = false;
  const result = {
    context,
    page,
    origin,
    foreign,
    errors,
    /** Throws if the page asked for another origin or logged an error. */
    assertClean() {
      assert.deepEqual(foreign, [], `the page asked for other origins than ${origin}`);
      assert.deepEqual(errors, [], 'the page logged errors');
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
    },
  };
  if (opts.t) {
    opts.t.after(async () => {
      await result.close();
      result.assertClean();
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Accessibility: axe-core injected into the page.

const require = createRequire(import.meta.url);
let axeSource = null;

/**
 * Runs axe-core on the page (or on `selector`) and returns its violations, each as
 * { id, impact, help, nodes: [css selectors] }. Default: WCAG 2.x A + AA rules.
 */
export async function axe(page, { selector = null, tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } = {}) {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(
    async ([sel, runTags]) => {
      const res = await window.axe.run(sel ?? document, { runOnly: { type: 'tag', values: runTags } });
      return res.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    [selector, tags],
  );
  return violations;
}

/**
 * WCAG 2.2 AA checks of the screen shown, as a person would meet them:
 * - axe-core finds no violation (A and AA rules of WCAG 2.0 to 2.2; with `aaa`, also the AAA
 *   contrast rule, for the presenter);
 * - at 320 CSS px wide (a small phone, or 1280 px zoomed to 400 %), nothing scrolls sideways.
 * Returns the problems found, each prefixed with `label`; the viewport is restored.
 */
export async function accessible(page, label, { aaa = false } = {}) {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', ...(aaa ? ['wcag2aaa'] : [])];
  const problems = (await axe(page, { tags })).map(
    (v) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`,
  );
  const size = page.viewportSize();
  if (size) {
    await page.setViewportSize({ width: 320, height: size.height });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 320) problems.push(`${label}: at 320 px wide the page is ${wide} px wide and scrolls sideways`);
    await page.setViewportSize(size);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// The command-line program (build it first: cargo build --bin dialogue-kit).

function splitOptions(args) {
  const last = args[args.length - 1];
  if (last && typeof last === 'object' && !Array.isArray(last)) return [args.slice(0, -1), last];
  return [args, {}];
}

function ensureCli() {
  if (!fs.existsSync(CLI)) {
    throw new Error(`${CLI} not found: build it first with 'cargo build --bin dialogue-kit'`);
  }
}

/**
 * Runs target/debug/dialogue-kit with `args` from the repo root and returns its stdout.
 * Throws (with stderr in the message) if it exits non-zero. An options object may come
 * last: { input, cwd, env }.
 */
export function cli(...rawArgs) {
  const [args, opts] = splitOptions(rawArgs);
  ensureCli();
  try {
    return execFileSync(CLI, args.map(String), {
      cwd: opts.cwd ?? ROOT,
      input: opts.input,
      env: { ...process.env, ...(opts.env ?? {}) },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const detail = `dialogue-kit ${args.join(' ')} exited with ${err.status ?? err.signal}\n${err.stderr ?? ''}`;
    throw Object.assign(new Error(detail), { status: err.status, stdout: err.stdout, stderr: err.stderr });
  }
}

/** Like cli() but never throws: returns { status, stdout, stderr } (for expected failures). */
export function cliRun(...rawArgs) {
  const [args, opts] = splitOptions(rawArgs);
  ensureCli();
  const r = spawnSync(CLI, args.map(String), {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    env: { ...process.env, ...(opts.env ?? {}) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------
// Screenshots for people to look at: test-results/NAME.png.

export async function shot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
