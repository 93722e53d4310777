// The extensionTestsPath module of the web suite: @vscode/test-web loads it in the browser's web-worker extension
// host (no Node: no mocha, no node:assert) and awaits run(). A small runner prints each test and `N passed,
// N failed`, then one `DIPLOMAT-WEB-RESULTS {json}` line that test/harness/testWeb.mjs parses; run() throws when a
// test failed, so test-web exits non-zero.
import * as vscode from 'vscode';
import { parse } from 'yaml';

import type { DiplomatApi } from '../../src/extension/extension';

interface SidecarFile {
  source: string;
  annotations: { tags: string[]; target: { exact: string } }[];
}

const decoder = new TextDecoder();

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls `probe` every 50 ms until it returns a truthy value or `ms` pass; then fails with `what`. */
async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function fixture(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'the web suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

async function api(): Promise<DiplomatApi> {
  const extension = vscode.extensions.getExtension<DiplomatApi>('diplomat.diplomat');
  check(extension, 'the extension diplomat.diplomat is installed');
  return extension.activate();
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await waitFor(() => editor.document.languageId === 'statement', `${uri.path} in the statement language`);
  return editor;
}

const tests: Record<string, () => Promise<void>> = {
  'the extension activates in the browser web worker': async () => {
    check(vscode.env.uiKind === vscode.UIKind.Web, `uiKind is Web (got ${vscode.env.uiKind})`);
    check('navigator' in globalThis, 'navigator, a browser global, exists');
    const exports = await api();
    check(exports.annotations, 'annotations started');
    check(exports.sidebar, 'the sidebar started');
    check(vscode.extensions.getExtension('diplomat.diplomat')?.isActive, 'the extension is active');
  },

  'a .statement file opens in the statement language': async () => {
    const document = await vscode.workspace.openTextDocument(fixture('visit.statement'));
    check(document.languageId === 'statement', `languageId is statement (got ${document.languageId})`);
  },

  'Tag Selection writes the sidecar through workspace.fs': async () => {
    const uri = fixture('release.statement');
    const editor = await open(uri);
    const passage = 'road map';
    const at = editor.document.getText().indexOf(passage);
    check(at >= 0, `"${passage}" is in the fixture`);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + passage.length));
    const ids = await vscode.commands.executeCommand<string[] | undefined>('diplomat.tagSelection', { tags: ['praise'] });
    check(ids?.length === 1, `one annotation created (got ${JSON.stringify(ids)})`);
    const sidecarUri = fixture('release.statement.diplomat.yaml');
    const yaml = decoder.decode(await vscode.workspace.fs.readFile(sidecarUri));
    const sidecar = parse(yaml) as SidecarFile;
    check(sidecar.source === 'release.statement', `source is release.statement (got ${sidecar.source})`);
    const [annotation] = sidecar.annotations;
    check(annotation?.tags.includes('praise'), `the annotation holds the tag:\n${yaml}`);
    check(annotation.target.exact === passage, `the annotation holds the passage:\n${yaml}`);
    const left = (await vscode.workspace.fs.readDirectory(fixture())).filter(([name]) => name.endsWith('.tmp'));
    check(left.length === 0, `no temporary file left behind: ${left.map(([name]) => name).join(', ')}`);
    const tags = decoder.decode(await vscode.workspace.fs.readFile(fixture('.diplomat', 'tags.yaml')));
    check(/name: praise/.test(tags), 'the tag set was created beside it');
  },

  'hovering a figure shows its value': async () => {
    const editor = await open(fixture('visit.statement'));
    const at = editor.document.getText().indexOf('$ 6.2 billion') + 3;
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at));
      const joined = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
      return /\*\*Figure\*\*/.test(joined) && joined;
    }, 'a figure hover');
    check(/\*\*Figure\*\* \(money\) · 6\.2 billion USD/.test(text), `the hover holds the value:\n${text}`);
  },

  'the analyzer finds the people of a statement': async () => {
    await open(fixture('visit.statement'));
    const view = (await api()).sidebar?.entities;
    check(view, 'the sidebar started');
    const people = await waitFor(() => {
      const group = view.getChildren().find((n) => n.kind === 'group' && n.group.label === 'People');
      const labels = group ? view.getChildren(group).flatMap((n) => (n.kind === 'entry' ? [n.entry.label] : [])) : [];
      return labels.includes('Matthias Brandt') && labels;
    }, 'Matthias Brandt in the People group');
    check(people.includes('Kassym-Jomart Tokayev'), `Tokayev is a person: ${people.join(', ')}`);
  },
};

export async function run(): Promise<void> {
  console.log(`Web suite in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, uiKind ${vscode.env.uiKind})`);
  const failures: { title: string; error: string }[] = [];
  for (const [title, test] of Object.entries(tests)) {
    try {
      await test();
      console.log(`  ✓ ${title}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ title, error: message });
      console.log(`  ✗ ${title}: ${message}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }
  const passed = Object.keys(tests).length - failures.length;
  console.log(`${passed} passed, ${failures.length} failed`);
  console.log(`DIPLOMAT-WEB-RESULTS ${JSON.stringify({ vscodeVersion: vscode.version, passed, failed: failures.length, failures })}`);
  if (failures.length > 0) throw new Error(`${failures.length} web tests failed.`);
}
