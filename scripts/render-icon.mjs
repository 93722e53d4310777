#!/usr/bin/env node
// Renders media/icon.svg to the 128×128 media/icon.png the Marketplace needs, with the system Chromium.
// Run after editing the SVG: `node scripts/render-icon.mjs`.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser } from '../test/harness/vscodeOffline.mjs';

const media = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'media');
const svg = readFileSync(join(media, 'icon.svg'), 'utf8');
const browser = await launchBrowser({ width: 128, height: 128 });
try {
  await browser.page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await browser.page.locator('svg').screenshot({ path: join(media, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
