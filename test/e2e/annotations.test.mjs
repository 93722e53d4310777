// UI test of tagging as a user does it: keyboard selection, command palette, tag pick, decoration, sidecar on
// disk, and the annotation still there after the window reloads.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { parse } from 'yaml';

import { waitFor } from '../harness/vscodeOffline.mjs';
import { notificationsContaining, openWorkbench, quickOpen, runCommand, screenshot, stopOwnServer } from './workbench.mjs';

after(stopOwnServer);

/** Selects the first match of `text` in the active editor through the Find widget, as a keyboard user would. */
async function selectText(page, text) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor();
  await find.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Whether some element of the editor is painted with `hex` (#rrggbb) at any alpha: the tag's decoration. */
async function decorated(page, hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return page.evaluate((rgb) => [...document.querySelectorAll('.monaco-editor .view-overlays div, .monaco-editor .view-line span')]
    .some((el) => getComputedStyle(el).backgroundColor.startsWith(`rgba(${rgb}, `)), `${r}, ${g}, ${b}`);
}

test('tag a passage from the palette: decoration, sidecar on disk, still there after a reload', async () => {
  const wb = await openWorkbench();
  try {
    const { page } = wb;
    await quickOpen(page, 'release.statement');
    await selectText(page, 'a road map for the next two years');
    await runCommand(page, 'Diplomat: Tag Selection…', { opensPicker: true });
    const pick = page.locator('.quick-input-widget input');
    await pick.waitFor({ state: 'visible' });
    await pick.fill('agreement');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'agreement' }).first().waitFor();
    await page.keyboard.press('Enter');

    const sidecarPath = join(wb.workspace, 'release.statement.diplomat.yaml');
    const sidecar = await waitFor(async () => existsSync(sidecarPath) && parse(readFileSync(sidecarPath, 'utf8')), 15_000, 'the sidecar on disk');
    assert.equal(sidecar.annotations.length, 1);
    assert.deepEqual(sidecar.annotations[0].tags, ['agreement']);
    assert.equal(sidecar.annotations[0].target.exact, 'a road map for the next two years');

    const tags = parse(readFileSync(join(wb.workspace, '.diplomat', 'tags.yaml'), 'utf8'));
    const list = Array.isArray(tags) ? tags : (tags.tags ?? Object.entries(tags).map(([name, v]) => ({ name, ...v })));
    const colour = list.find((t) => t.name === 'agreement')?.color;
    assert.match(colour ?? '', /^#[0-9a-f]{6}$/i, 'the tag set gives agreement a colour');
    await page.keyboard.press('Control+Home');
    await waitFor(() => decorated(page, colour), 15_000, 'the agreement decoration in the editor');
    await screenshot(page, 'annotations-tagged');

    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'release.statement' }).waitFor({ timeout: 60_000 });
    await waitFor(() => decorated(page, colour), 30_000, 'the decoration after reloading the window');
    assert.equal(parse(readFileSync(sidecarPath, 'utf8')).annotations.length, 1);
    await screenshot(page, 'annotations-after-reload');
  } finally {
    await wb.close();
  }
});

test('a corrupt sidecar is reported with an Open Sidecar button and left untouched', async () => {
  const wb = await openWorkbench();
  try {
    const { page } = wb;
    const sidecarPath = join(wb.workspace, 'release.statement.diplomat.yaml');
    const corrupt = 'version: 1\nannotations: [ { id: a1, tags: [praise\n';
    writeFileSync(sidecarPath, corrupt);
    await quickOpen(page, 'release.statement');
    const items = await notificationsContaining(page, 'cannot be read');
    assert.match(await items.first().innerText(), /release\.statement.*read-only.*will not be overwritten/s);
    await items.first().locator('.monaco-button', { hasText: 'Open Sidecar' }).waitFor();
    await screenshot(page, 'annotations-corrupt-sidecar');
    assert.equal(readFileSync(sidecarPath, 'utf8'), corrupt);
  } finally {
    await wb.close();
  }
});
