// Draws the app's PNG icons (192 and 512 px, for the web app manifest) from
// assets/icons/icon.svg in headless Chromium. Run after changing the SVG, then commit the PNGs:
//
//   node scripts/icons.mjs

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/lib.mjs';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const svg = fs.readFileSync(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await launch();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: path.join(DIR, `icon-${size}.png`), omitBackground: true });
    await page.close();
    console.log(`wrote assets/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
