#!/usr/bin/env node
// Takes the README's screenshots (docs/images/) from the real workbench: code-server with the extension
// installed from this folder, on the samples/ folder. Run after `node esbuild.mjs`: `node scripts/screenshots.mjs`.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, startCodeServer, workbenchUrl } from '../test/harness/vscodeOffline.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'images');
mkdirSync(out, { recursive: true });
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const themes = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
for (const [name, theme] of Object.entries(themes)) {
  const server = await startCodeServer({
    extensions: { [`diplomat.diplomat-${version}`]: root },
    settings: { 'workbench.colorTheme': theme, 'editor.fontSize': 14, 'editor.minimap.enabled': false, 'editor.wordWrap': 'on' },
  });
  const browser = await launchBrowser({ width: 1280, height: 760 });
  try {
    const { page } = browser;
    await page.goto(workbenchUrl(server, join(root, 'samples')));
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    for (const [file, shot] of [['press-release.statement', 'press-release'], ['briefing.transcript', 'transcript']]) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
      await page.locator('#status\\.editor\\.mode', { hasText: 'Statement' }).waitFor({ timeout: 30_000 });
      await page.locator('.activitybar .action-item:has(> a.action-label[aria-label^="Diplomat"])').click();
      await page.locator('.sidebar .title-label', { hasText: /diplomat/i }).waitFor();
      // The view shows the analysis once the extension has activated.
      await page.locator('.sidebar .monaco-list-row').first().waitFor({ timeout: 30_000 });
      // Let tokenization and the view settle: wait until the editor shows coloured tokens.
      await page.waitForFunction(() => new Set([...document.querySelectorAll('.view-line span span')].map((s) => getComputedStyle(s).color)).size > 2);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(out, `${shot}-${name}.png`) });
      await page.locator('.activitybar a.action-label[aria-label^="Explorer"]').click();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
console.log(`screenshots written to ${out}`);
