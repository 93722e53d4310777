// Drives the real VS Code workbench (code-server in Chromium) for the UI tests. `npm test` starts one server
// with the smoke-test driver and passes its address in DIPLOMAT_VSCODE_URL/PORT; run alone, a test file starts its
// own. The extension is loaded from the working tree through the workbench's development payload.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, startCodeServer, waitFor, workbenchUrl } from '../harness/vscodeOffline.mjs';

export const root = process.env.DIPLOMAT_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = join(root, 'test-results', 'screenshots');

const ownServers = new Map();

/**
 * The server to test against. Development mode: the smoke-test driver is on and the extension is loaded from the
 * working tree through the workbench payload. Packaged mode: the .vsix (DIPLOMAT_VSIX, built by `npm run package`)
 * is installed as a user installs it, and the workbench runs as users see it (notifications as toasts).
 */
async function server(packaged) {
  const url = packaged ? process.env.DIPLOMAT_PACKAGED_URL : process.env.DIPLOMAT_VSCODE_URL;
  if (url) return { url, port: Number(new URL(url).port) };
  const key = packaged ? 'packaged' : 'development';
  if (!ownServers.has(key)) {
    const vsix = process.env.DIPLOMAT_VSIX ?? join(root, 'diplomat.vsix');
    if (packaged && !existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first, or set DIPLOMAT_VSIX.`);
    ownServers.set(key, await startCodeServer(packaged ? { vsix: [vsix] } : { testDriver: true }));
  }
  return ownServers.get(key);
}

/** Stops the servers a test file started for itself, if any. */
export async function stopOwnServer() {
  for (const s of ownServers.values()) await s.stop();
  ownServers.clear();
}

/**
 * Opens the workbench on a fresh copy of the fixture workspace with the extension loaded, and waits until the
 * explorer shows the files. `env` is passed to the extension host (development mode only); `settings` are added to
 * the workspace settings (e.g. `workbench.colorTheme`); `packaged` uses the installed .vsix instead of the working
 * tree. Resolves to `{ page, workspace, close() }`.
 */
export async function openWorkbench({ env, settings, packaged = false } = {}) {
  const s = await server(packaged);
  const workspace = mkdtempSync(join(tmpdir(), 'diplomat-ui-'));
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  if (settings) {
    const file = join(workspace, '.vscode', 'settings.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...settings }, null, 2));
  }
  const browser = await launchBrowser();
  const { page } = browser;
  await page.goto(workbenchUrl(s, workspace, packaged ? undefined : { developmentPath: root, env }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return {
    page,
    workspace,
    async close() {
      await browser.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-results/screenshots (kept as a test artifact). */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/**
 * Runs a command from the command palette (F1), waiting for its row so the right command is picked. A command
 * that opens a picker of its own (`opensPicker`) leaves the quick input open.
 */
export async function runCommand(page, title, { opensPicker = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Click the row whose label is the title: Enter would run the top row, which fuzzy matching may make another
  // command (`Open as Statement` vs `Open a Sample Statement`).
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await row.waitFor();
  await row.click();
  if (!opensPicker) await input.waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits until its tab is active. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** The language mode shown in the status bar, once it contains `expected` (polled; throws on time-out). */
export async function languageMode(page, expected, ms = 20_000) {
  const item = page.locator('#status\\.editor\\.mode');
  return waitFor(async () => {
    const text = (await item.innerText()).trim();
    return text.includes(expected) ? text : undefined;
  }, ms, `status bar language mode "${expected}"`);
}

/**
 * The rendered colour of the editor token whose text contains `needle`; tokenization is asynchronous, so this
 * polls until such a token exists. Monaco renders spaces as U+00A0, which is normalised before matching.
 */
export async function tokenColour(page, needle, ms = 20_000) {
  // Until tokenization has run, a line is one span in the default colour: wait for several colours first.
  await waitFor(
    () => page.evaluate(() => new Set([...document.querySelectorAll('.monaco-editor .view-line span span')].map((s) => getComputedStyle(s).color)).size >= 3),
    ms,
    'the editor to show coloured tokens',
  );
  return waitFor(
    () =>
      page.evaluate((n) => {
        for (const span of document.querySelectorAll('.monaco-editor .view-line span span')) {
          if (span.textContent.replace(/\u00a0/g, ' ').includes(n)) return getComputedStyle(span).color;
        }
        return undefined;
      }, needle),
    ms,
    `an editor token containing "${needle}"`,
  );
}

/**
 * The notifications in the notification centre whose text contains `text` (toasts are hidden by the test driver).
 * A notification posted while the centre is open may not show there, so the centre is reopened until it does.
 */
export async function notificationsContaining(page, text, ms = 30_000) {
  const items = page.locator('.notifications-center .notification-list-item', { hasText: text });
  await waitFor(async () => {
    await runCommand(page, 'Notifications: Show Notifications');
    const found = await items.first().waitFor({ timeout: 3000 }).then(() => true, () => false);
    if (!found) await page.keyboard.press('Escape');
    return found;
  }, ms, `a notification containing "${text}"`);
  return items;
}

/**
 * Clicks `target` until `done` is visible, within `ms`. A sidebar row can be drawn again between being found and
 * being clicked (the workspace index refreshes the tree), and the click then lands on a row that is gone; clicking
 * again is what a user does. Each wait is bounded and the whole is bounded by `ms`.
 */
export async function clickUntilVisible(target, done, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = () => Math.max(1, deadline - Date.now());
    await target.click({ timeout: left() });
    try {
      await done.waitFor({ timeout: Math.min(3_000, left()) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}
