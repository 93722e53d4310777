// UI tests of the foundation, through the rendered workbench as a user sees it.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import {
  clickUntilVisible, languageMode, notificationsContaining, openWorkbench, quickOpen, runCommand, screenshot,
  stopOwnServer, tokenColour,
} from './workbench.mjs';

after(stopOwnServer);

test('a .statement file opens in the Statement language with quote, figure and speaker coloured', async () => {
  const wb = await openWorkbench();
  try {
    await quickOpen(wb.page, 'release.statement');
    assert.equal(await languageMode(wb.page, 'Statement'), 'Statement');
    const plain = await tokenColour(wb.page, 'The ministers signed');
    const quote = await tokenColour(wb.page, 'We have agreed on a road map');
    const figure = await tokenColour(wb.page, '1.2 billion');
    const speaker = await tokenColour(wb.page, 'Elena Varga');
    await screenshot(wb.page, 'foundation-statement-open');
    assert.notEqual(quote, plain, 'a quote is coloured differently from plain text');
    assert.equal(new Set([plain, quote, figure, speaker]).size, 4, `plain ${plain}, quote ${quote}, figure ${figure}, speaker ${speaker}`);
  } finally {
    await wb.close();
  }
});

test('Diplomat: Open as Statement switches a plain-text file from the command palette', async () => {
  const wb = await openWorkbench();
  try {
    await quickOpen(wb.page, 'notes.txt');
    await languageMode(wb.page, 'Plain Text');
    await runCommand(wb.page, 'Diplomat: Open as Statement');
    assert.equal(await languageMode(wb.page, 'Statement'), 'Statement');
    await tokenColour(wb.page, 'MR.');
  } finally {
    await wb.close();
  }
});

test('the Diplomat container is in the activity bar and shows its welcome view', async () => {
  const wb = await openWorkbench();
  try {
    const icon = wb.page.locator('.activitybar .action-item:has(> a.action-label[aria-label^="Diplomat"])');
    await icon.waitFor({ timeout: 30_000 });
    await icon.click();
    await wb.page.locator('.sidebar .title-label', { hasText: /diplomat/i }).waitFor();
    await wb.page.locator('.sidebar .welcome-view-content', { hasText: 'Open a statement' }).first().waitFor();
    await screenshot(wb.page, 'foundation-diplomat-container');
  } finally {
    await wb.close();
  }
});

test('a failure during activation is shown once, with a clear message', async () => {
  const wb = await openWorkbench({ env: { DIPLOMAT_SIMULATE_ACTIVATION_FAILURE: '1' } });
  try {
    await quickOpen(wb.page, 'release.statement');
    await languageMode(wb.page, 'Statement');
    const items = await notificationsContaining(wb.page, 'Diplomat could not start');
    await screenshot(wb.page, 'foundation-activation-failure');
    assert.equal(await items.count(), 1, 'exactly one message');
    assert.match(await items.first().innerText(), /could not start the sidebar/);
  } finally {
    await wb.close();
  }
});

test('clicking a person in the Diplomat sidebar selects that mention in the editor', async () => {
  const wb = await openWorkbench();
  try {
    const { page } = wb;
    await quickOpen(page, 'visit.statement');
    await languageMode(page, 'Statement');
    await page.locator('.activitybar .action-item:has(> a.action-label[aria-label^="Diplomat"])').click();
    const person = page.locator('.sidebar .monaco-list-row', { hasText: 'Matthias Brandt' }).first();
    await person.waitFor({ timeout: 30_000 });
    // The status bar shows the selection: "Ln 4, Col 85 (15 selected)" for the 15 characters of the name.
    await clickUntilVisible(person, page.locator('#status\\.editor\\.selection', { hasText: '(15 selected)' }));
    const selected = await page.evaluate(() => document.querySelector('.monaco-editor .selected-text') !== null);
    assert.ok(selected, 'the editor shows a selection');
    await screenshot(page, 'sidebar-person-clicked');
  } finally {
    await wb.close();
  }
});
