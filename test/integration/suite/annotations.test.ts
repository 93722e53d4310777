import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';
import { parse, parseDocument } from 'yaml';

import type { DiplomatApi } from '../../../src/extension/extension';
import { closeAllEditors, fixture, waitFor } from './helpers';

interface SidecarFile {
  version: number;
  source: string;
  sha256: string;
  length: number;
  annotations: { id: string; tags: string[]; note: string; state: string; target: { exact: string; start: number; end: number } }[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function api(): Promise<NonNullable<DiplomatApi['annotations']>> {
  const extension = vscode.extensions.getExtension<DiplomatApi>('diplomat.diplomat');
  assert.ok(extension);
  const exports = await extension.activate();
  assert.ok(exports.annotations, 'annotations started');
  return exports.annotations;
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

async function readSidecar(textUri: vscode.Uri): Promise<SidecarFile> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(textUri, '..', `${textUri.path.split('/').pop()}.diplomat.yaml`));
  return parse(decoder.decode(bytes)) as SidecarFile;
}

/** Opens `uri` in an editor and selects the first occurrence of `passage`. */
async function select(uri: vscode.Uri, passage: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const at = editor.document.getText().indexOf(passage);
  assert.ok(at >= 0, `"${passage}" is in ${uri.path}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + passage.length));
  return editor;
}

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const TEXT = [
  'Joint statement on the Danube corridor',
  '6 May 2026',
  '',
  '“We have agreed on a road map for the next two years,” said Minister Elena Varga.',
  '',
  'The ministers signed 4 agreements worth $ 1.2 billion.',
  '',
].join('\n');

suite('Annotations: tagging, sidecars and anchoring in a real VS Code', () => {
  teardown(closeAllEditors);

  test('Tag Selection writes the expected sidecar beside the text, and creates the tag set', async () => {
    const uri = fixture('tagging', 'corridor.statement');
    await write(uri, TEXT);
    const editor = await select(uri, 'a road map for the next two years');
    const ids = (await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['agreement'] })) as string[];
    assert.equal(ids.length, 1);
    const sidecar = await readSidecar(uri);
    assert.equal(sidecar.version, 1);
    assert.equal(sidecar.source, 'corridor.statement');
    assert.equal(sidecar.sha256, await sha256(editor.document.getText()));
    assert.equal(sidecar.length, TEXT.length);
    assert.equal(sidecar.annotations.length, 1);
    const [annotation] = sidecar.annotations;
    assert.equal(annotation?.id, ids[0]);
    assert.deepEqual(annotation?.tags, ['agreement']);
    assert.equal(annotation?.target.exact, 'a road map for the next two years');
    assert.equal(annotation?.target.start, TEXT.indexOf('a road map'));
    assert.equal(annotation?.state, 'anchored');
    const tagSet = decoder.decode(await vscode.workspace.fs.readFile(fixture('.diplomat', 'tags.yaml')));
    for (const tag of ['commitment', 'agreement', 'sanctions', 'warning']) assert.match(tagSet, new RegExp(`\\b${tag}\\b`));
  });

  test('typing above and inside a tagged passage moves it; the sidecar holds the new place after save', async () => {
    const uri = fixture('tagging', 'typing.statement');
    await write(uri, TEXT);
    const editor = await select(uri, 'a road map for the next two years');
    await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['commitment'] });
    const above = 'UPDATED: ';
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), above));
    const inside = editor.document.getText().indexOf('road map') + 'road '.length;
    await editor.edit((edit) => edit.insert(editor.document.positionAt(inside), 'detailed '));
    assert.ok(await editor.document.save());
    const sidecar = await waitFor(async () => {
      const s = await readSidecar(uri);
      return s.annotations[0]?.target.exact === 'a road detailed map for the next two years' ? s : undefined;
    }, 'the sidecar to hold the edited passage');
    const [annotation] = sidecar.annotations;
    const text = editor.document.getText();
    assert.equal(annotation?.target.start, text.indexOf('a road detailed map'));
    assert.equal(text.slice(annotation?.target.start, annotation?.target.end), annotation?.target.exact);
    assert.equal(sidecar.sha256, await sha256(text));
  });

  test('a text rewritten outside the editor is re-anchored when it is read again', async () => {
    const uri = fixture('tagging', 'outside.statement');
    await write(uri, TEXT);
    await select(uri, 'worth $ 1.2 billion');
    await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['investment'] });
    await closeAllEditors();
    const rewritten = TEXT.replace('6 May 2026\n', '6 May 2026\nUpdated on 7 May 2026 with the list of agreements.\n');
    await write(uri, rewritten);
    const annotations = await api();
    const state = await waitFor(async () => {
      const s = (await annotations.get(uri)).sidecar.annotations[0];
      return s && s.target.start === rewritten.indexOf('worth $ 1.2 billion') ? s : undefined;
    }, 'the annotation to be found at its new place');
    assert.equal(state.target.exact, 'worth $ 1.2 billion');
    assert.ok(['moved', 'anchored'].includes(state.state), state.state);
  });

  test('deleting a tagged passage orphans it: listed in Problems, with quick fixes that work', async () => {
    const uri = fixture('tagging', 'orphan.statement');
    await write(uri, TEXT);
    const editor = await select(uri, 'worth $ 1.2 billion');
    await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['economy'] });
    const start = editor.document.getText().indexOf('worth $ 1.2 billion');
    await editor.edit((edit) => edit.delete(new vscode.Range(editor.document.positionAt(start - 1), editor.document.positionAt(start + 'worth $ 1.2 billion'.length))));
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Diplomat'), 'an orphan in the Problems panel');
    assert.match(diagnostic.message, /Orphaned annotation \[economy\]/);
    assert.equal((await (await api()).get(uri)).sidecar.annotations[0]?.state, 'orphaned', 'kept, as orphaned');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)).filter((a) => a.diagnostics?.includes(diagnostic) || a.command?.command.startsWith('diplomat.'));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Re-attach to selection') && titles.includes('Delete annotation'), titles.join(', '));
    const remove = actions.find((a) => a.title === 'Delete annotation');
    assert.ok(remove?.command);
    await vscode.commands.executeCommand(remove.command.command, ...(remove.command.arguments ?? []));
    await waitFor(() => vscode.languages.getDiagnostics(uri).every((d) => d.source !== 'Diplomat'), 'the orphan to leave the Problems panel');
    assert.equal((await readSidecar(uri)).annotations.length, 0);
  });

  test('Next and Previous Annotation select the passages in turn', async () => {
    const uri = fixture('tagging', 'navigate.statement');
    await write(uri, TEXT);
    for (const passage of ['road map', '4 agreements']) {
      await select(uri, passage);
      await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['agreement'] });
    }
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('diplomat.nextAnnotation');
    assert.equal(editor.document.getText(editor.selection), 'road map');
    await vscode.commands.executeCommand('diplomat.nextAnnotation');
    assert.equal(editor.document.getText(editor.selection), '4 agreements');
    await vscode.commands.executeCommand('diplomat.previousAnnotation');
    assert.equal(editor.document.getText(editor.selection), 'road map');
  });

  test('a sidecar changed on disk (git pull) is merged by id with unsaved local changes', async () => {
    const uri = fixture('tagging', 'pulled.statement');
    await write(uri, TEXT);
    const editor = await select(uri, 'a road map for the next two years');
    const [id] = (await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['commitment'] })) as string[];
    // Local and unsaved: a line typed above the passage moves it in memory only.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'DRAFT\n'));
    const sidecarUri = fixture('tagging', 'pulled.statement.diplomat.yaml');
    // On disk, as a colleague's commit would bring it: a note on the same annotation, and a comment on the file.
    const yaml = parseDocument(decoder.decode(await vscode.workspace.fs.readFile(sidecarUri)));
    yaml.setIn(['annotations', 0, 'note'], 'Checked against the Russian version.');
    yaml.setIn(['annotations', 0, 'modified'], new Date(Date.now() + 60_000).toISOString());
    yaml.commentBefore = ' Reviewed by the desk.';
    await write(sidecarUri, yaml.toString());
    const annotations = await api();
    const merged = await waitFor(async () => {
      const a = (await annotations.get(uri)).sidecar.annotations.find((x) => x.id === id);
      return a?.note === 'Checked against the Russian version.' ? a : undefined;
    }, 'the note from disk to be merged');
    assert.equal(merged.target.start, editor.document.getText().indexOf('a road map'), 'the local move is kept');
    assert.ok(await editor.document.save());
    const saved = await waitFor(async () => {
      const text = decoder.decode(await vscode.workspace.fs.readFile(sidecarUri));
      return text.includes('DRAFT') || (parse(text) as SidecarFile).annotations[0]?.target.start === merged.target.start ? text : undefined;
    }, 'the merged sidecar to be written on save');
    assert.match(saved, /Reviewed by the desk/, 'the comment from disk survives the rewrite');
    assert.match(saved, /Checked against the Russian version/);
  });

  test('a corrupt sidecar is reported, its annotations are read-only, and the file is never overwritten', async () => {
    const uri = fixture('tagging', 'corrupt.statement');
    await write(uri, TEXT);
    const sidecarUri = fixture('tagging', 'corrupt.statement.diplomat.yaml');
    const corrupt = 'version: 1\nannotations: [ { id: a1, tags: [praise\n';
    await write(sidecarUri, corrupt);
    await select(uri, 'road map');
    await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['praise'] });
    const state = await (await api()).get(uri);
    assert.equal(state.problem?.kind, 'syntax');
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(sidecarUri)), corrupt, 'byte for byte as it was');
  });

  test('a sidecar from a newer Diplomat is left alone', async () => {
    const uri = fixture('tagging', 'newer.statement');
    await write(uri, TEXT);
    const sidecarUri = fixture('tagging', 'newer.statement.diplomat.yaml');
    const newer = 'version: 2\nsource: newer.statement\nannotations: []\n';
    await write(sidecarUri, newer);
    await select(uri, 'road map');
    await vscode.commands.executeCommand('diplomat.tagSelection', { tags: ['praise'] });
    assert.equal((await (await api()).get(uri)).problem?.kind, 'newer-version');
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(sidecarUri)), newer);
  });
});
