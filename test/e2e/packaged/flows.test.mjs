// The three everyday flows, end to end, on the packaged extension as a user installs it (`npm run package`, then
// code-server --install-extension): no development payload, no test driver, notifications as toasts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { parse } from 'yaml';

import { waitFor } from '../../harness/vscodeOffline.mjs';
import { clickUntilVisible, languageMode, openWorkbench, runCommand, screenshot, stopOwnServer, tokenColour } from '../workbench.mjs';

after(stopOwnServer);

async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}

test('1. open a transcript from the explorer: Statement mode, speaker, quote and figure coloured, figure hover', async () => {
  const wb = await openWorkbench({ packaged: true });
  try {
    const { page } = wb;
    await openFromExplorer(page, 'press-briefing.transcript');
    assert.equal(await languageMode(page, 'Statement'), 'Statement');
    const plain = await tokenColour(page, 'Good afternoon, everyone.');
    const speaker = await tokenColour(page, 'MS. KARIMOVA');
    const quote = await tokenColour(page, 'our goal');
    const figure = await tokenColour(page, '45,000');
    assert.equal(new Set([plain, speaker, quote, figure]).size, 4, JSON.stringify({ plain, speaker, quote, figure }));
    await screenshot(page, 'e2e-1-transcript-open');
    // The hover shows after a delay, and only while the pointer rests on the token: rest on it, and retry.
    const hover = page.locator('.monaco-hover', { hasText: 'Figure' });
    await waitFor(async () => {
      await page.mouse.move(0, 0);
      await page.locator('.view-line span span', { hasText: '45,000' }).first().hover();
      return hover.waitFor({ timeout: 3000 }).then(() => true, () => false);
    }, 20_000, 'the hover on the figure');
    assert.match(await hover.innerText(), /45,000/);
    await screenshot(page, 'e2e-1-figure-hover');
  } finally {
    await wb.close();
  }
});

test('2. tag a passage from the palette: decoration and sidecar; still there after closing and reopening', async () => {
  const wb = await openWorkbench({ packaged: true });
  try {
    const { page } = wb;
    await openFromExplorer(page, 'press-briefing.transcript');
    await languageMode(page, 'Statement');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget textarea, .find-widget input').first().fill('a simple and predictable regime');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Diplomat: Tag Selection…', { opensPicker: true });
    await page.locator('.quick-input-widget input').fill('request');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'request' }).first().waitFor();
    await screenshot(page, 'e2e-2-tag-pick');
    await page.keyboard.press('Enter');
    const sidecarPath = join(wb.workspace, 'press-briefing.transcript.diplomat.yaml');
    const sidecar = await waitFor(async () => existsSync(sidecarPath) && parse(readFileSync(sidecarPath, 'utf8')), 15_000, 'the sidecar on disk');
    assert.deepEqual(sidecar.annotations[0].tags, ['request']);
    assert.equal(sidecar.annotations[0].target.exact, 'a simple and predictable regime');
    const colour = parse(readFileSync(join(wb.workspace, '.diplomat', 'tags.yaml'), 'utf8'));
    const tags = Array.isArray(colour) ? colour : colour.tags;
    const hex = tags.find((t) => t.name === 'request').color;
    const painted = () => page.evaluate((rgb) => [...document.querySelectorAll('.monaco-editor .view-overlays div')].some((el) => getComputedStyle(el).backgroundColor.startsWith(`rgba(${rgb}, `)),
      [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', '));
    await waitFor(painted, 15_000, 'the decoration');
    await screenshot(page, 'e2e-2-tagged');
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await openFromExplorer(page, 'press-briefing.transcript');
    await waitFor(painted, 15_000, 'the decoration after reopening').catch(async (error) => {
      const seen = await page.evaluate(() => [...new Set([...document.querySelectorAll('.monaco-editor .view-overlays div')].map((el) => getComputedStyle(el).backgroundColor))]);
      await screenshot(page, 'e2e-2-reopened-unpainted');
      throw new Error(`${error.message}; overlay backgrounds seen: ${JSON.stringify(seen)}`);
    });
  } finally {
    await wb.close();
  }
});

test('3. open the Diplomat sidebar, expand People, click a person: the editor jumps to the mention', async () => {
  const wb = await openWorkbench({ packaged: true });
  try {
    const { page } = wb;
    await openFromExplorer(page, 'visit.statement');
    await languageMode(page, 'Statement');
    await page.locator('.activitybar .action-item:has(> a.action-label[aria-label^="Diplomat"])').click();
    const people = page.locator('.sidebar .monaco-list-row', { hasText: /^People/ }).first();
    await people.waitFor({ timeout: 30_000 });
    if ((await people.getAttribute('aria-expanded')) !== 'true') await people.click();
    const person = page.locator('.sidebar .monaco-list-row', { hasText: 'Matthias Brandt' }).first();
    await person.waitFor();
    await clickUntilVisible(person, page.locator('#status\\.editor\\.selection', { hasText: '(15 selected)' }));
    await screenshot(page, 'e2e-3-sidebar-person');
  } finally {
    await wb.close();
  }
});
