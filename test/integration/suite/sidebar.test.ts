import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { DiplomatApi } from '../../../src/extension/extension';
import type { EntityNode } from '../../../src/extension/views/entitiesView';
import { closeAllEditors, fixture, waitFor } from './helpers';

async function api(): Promise<DiplomatApi> {
  const extension = vscode.extensions.getExtension<DiplomatApi>('diplomat.diplomat');
  assert.ok(extension);
  return extension.activate();
}

async function entitiesView() {
  const view = (await api()).sidebar?.entities;
  assert.ok(view, 'the sidebar started');
  return view;
}

/** The entries of a group of the Entities view, as `label (count)`. */
function entries(view: Awaited<ReturnType<typeof entitiesView>>, group: string): string[] {
  const node = view.getChildren().find((n) => n.kind === 'group' && n.group.label === group);
  return node ? view.getChildren(node).map((n) => (n.kind === 'entry' ? `${n.entry.label} (${n.entry.count})` : '?')) : [];
}

suite('Sidebar: entities, speakers and annotations views in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the Entities tree of a statement has the expected groups and counts', async () => {
    const view = await entitiesView();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('visit.statement')));
    await waitFor(() => view.getChildren().length > 0, 'the Entities view to fill');
    const groups = view.getChildren().map((n) => (n.kind === 'group' ? n.group.label : n.kind));
    assert.deepEqual(groups.slice(0, 4), ['People', 'Countries', 'Organisations', 'Places']);
    assert.ok(groups.includes('Figures'));
    assert.deepEqual(entries(view, 'Countries'), ['Kazakhstan (4)', 'Germany (3)']);
    const people = entries(view, 'People');
    assert.ok(people.some((p) => /^Kassym-Jomart Tokayev \((\d+)\)$/.test(p) && Number(/\((\d+)\)/.exec(p)?.[1]) >= 3), `Tokayev with his role mentions: ${people.join(', ')}`);
    assert.ok(people.includes('Matthias Brandt (2)'), people.join(', '));
  });

  test('clicking a mention selects it in the editor', async () => {
    const view = await entitiesView();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('visit.statement')));
    const countries = await waitFor(() => view.getChildren().find((n) => n.kind === 'group' && n.group.kind === 'COUNTRY'), 'the Countries group');
    const germany = view.getChildren(countries).find((n) => n.kind === 'entry' && n.entry.label === 'Germany') as EntityNode;
    const mentions = view.getChildren(germany);
    const third = mentions[2];
    assert.ok(third?.kind === 'mention');
    const command = view.getTreeItem(third).command;
    assert.ok(command);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.getText(active.selection), 'Germany');
    assert.equal(active?.document.offsetAt(active.selection.start), third.mention.start);
  });

  test('Speakers & Quotes lists each speaker with their quotes and cues', async () => {
    const speakers = (await api()).sidebar?.speakers;
    assert.ok(speakers);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('visit.statement')));
    const roots = await waitFor(() => (speakers.getChildren().length ? speakers.getChildren() : undefined), 'speakers');
    const tokayev = roots.find((n) => n.kind === 'speaker' && n.speaker.name === 'Kassym-Jomart Tokayev');
    assert.ok(tokayev);
    const quotes = speakers.getChildren(tokayev).map((n) => speakers.getTreeItem(n));
    assert.equal(quotes.length, 2);
    assert.match(String(quotes[0]?.label), /^Over the past ten years/);
    assert.match(String(quotes[0]?.description), /^said/);
    assert.match(String(quotes[1]?.description), /^emphasized/);
  });

  test('merging two entities in the registry changes the tree', async () => {
    const view = await entitiesView();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('visit.statement')));
    await waitFor(() => entries(view, 'Countries').length === 2, 'two countries');
    const registryFile = fixture('.diplomat', 'entities.yaml');
    try {
      await vscode.commands.executeCommand('diplomat.mergeEntities', 'Germany', 'COUNTRY', 'Kazakhstan');
      const merged = await waitFor(() => (entries(view, 'Countries').length === 1 ? entries(view, 'Countries') : undefined), 'the tree to show the merge');
      assert.deepEqual(merged, ['Kazakhstan (7)']);
      const yaml = new TextDecoder().decode(await vscode.workspace.fs.readFile(registryFile));
      assert.match(yaml, /Germany/);
    } finally {
      // As a user would: empty the registry in the editor and save it.
      const registry = await vscode.workspace.openTextDocument(registryFile);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(registryFile, new vscode.Range(registry.positionAt(0), registry.positionAt(registry.getText().length)), '');
      await vscode.workspace.applyEdit(edit);
      await registry.save();
      await waitFor(() => entries(view, 'Countries').length === 2, 'the tree to drop the merge when the registry is emptied');
    }
  });

  test('the workspace scope indexes every statement of the folder', async () => {
    const { sidebar } = await api();
    assert.ok(sidebar);
    await vscode.commands.executeCommand('diplomat.showWorkspaceScope');
    try {
      await waitFor(() => sidebar.indexer.state === 'ready', 'the workspace index', 30_000);
      const paths = sidebar.indexer.index.documents().map((d) => d.path);
      assert.ok(paths.includes('visit.statement') && paths.includes('release.statement'), paths.join(', '));
      assert.ok(paths.includes('transcripts/briefing.txt'), 'the statementFiles glob adds .txt transcripts');
      const groups = sidebar.entities.getChildren().map((n) => n.kind);
      assert.ok(groups.includes('wsGroup'));
    } finally {
      await vscode.commands.executeCommand('diplomat.showDocumentScope');
    }
  });

  test('disposing the views leaves no listener behind', async () => {
    const diplomat = await api();
    const running = diplomat.listenerCounts();
    diplomat.stopSidebar();
    const without = diplomat.listenerCounts();
    assert.ok(without.analyses < running.analyses && without.annotations < running.annotations, JSON.stringify({ running, without }));
    diplomat.restartSidebar();
    assert.deepEqual(diplomat.listenerCounts(), running, 'a new sidebar listens as the first did');
    diplomat.stopSidebar();
    assert.deepEqual(diplomat.listenerCounts(), without, 'and leaves nothing behind');
    diplomat.restartSidebar();
  });
});
