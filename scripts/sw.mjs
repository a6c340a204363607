// Writes DIR/sw.js, the service worker, from assets/sw.js: its version is a hash of every
// built file, and its shell lists what a participant's phone loads first (every file in DIR
// except the results page, results.html and the files it alone refers to, and the large home
// screen icon, which the browser fetches only to install the app).
//
//   node scripts/sw.mjs DIR      (scripts/build.sh runs it on dist/)

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
function files(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...files(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** The files of `dir` that `page` (an HTML file in it) refers to, as relative paths. */
function referenced(dir, page) {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const names = new Set();
  for (const m of html.matchAll(/(?:href|src)=["']?\.?\/?([^"' >]+)/g)) names.add(m[1]);
  for (const m of html.matchAll(/["']\.\/([^"']+\.(?:js|wasm|css))["']/g)) names.add(m[1]);
  return [...names].filter((n) => fs.existsSync(path.join(dir, n)));
}

export function writeServiceWorker(dir) {
  const all = files(dir).filter((f) => f !== 'sw.js');
  const participant = new Set(['index.html', ...referenced(dir, 'index.html')]);
  const resultsOnly = fs.existsSync(path.join(dir, 'results.html'))
    ? new Set(['results.html', ...referenced(dir, 'results.html').filter((f) => !participant.has(f))])
    : new Set();
  const onDemand = new Set(['assets/icons/icon-512.png']);
  const shell = all.filter((f) => !resultsOnly.has(f) && !onDemand.has(f));
  const template = fs.readFileSync(path.join(ROOT, 'assets', 'sw.js'), 'utf8');
  const hash = crypto.createHash('sha256');
  hash.update(template);
  hash.update(JSON.stringify(shell));
  for (const f of all) {
    hash.update(f);
    hash.update(fs.readFileSync(path.join(dir, f)));
  }
  const version = hash.digest('hex').slice(0, 16);
  const source = template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__SHELL__', JSON.stringify(shell.map((f) => `./${f}`)));
  fs.writeFileSync(path.join(dir, 'sw.js'), source);
  return { version, shell, resultsOnly: [...resultsOnly] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/sw.mjs DIR');
    process.exit(2);
  }
  const { version, shell, resultsOnly } = writeServiceWorker(dir);
  console.log(
    `wrote ${path.join(dir, 'sw.js')}: version ${version}, ${shell.length} files cached on install, ` +
      `${resultsOnly.length} results-page files cached when first opened`,
  );
}
