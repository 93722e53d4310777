import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { closeAllEditors, documentWithLanguage, fixture, waitFor } from './helpers';

const EXTENSION_ID = 'diplomat.diplomat';

suite('Foundation: the statement language in a real VS Code', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
  });

  teardown(closeAllEditors);

  test('runs in a VS Code at least as new as engines.vscode', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { engines: { vscode: string } };
    const [minMajor = 0, minMinor = 0] = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    const [major = 0, minor = 0] = vscode.version.split('.').map(Number);
    console.log(`    vscode.version = ${vscode.version}`);
    assert.ok(major > minMajor || (major === minMajor && minor >= minMinor), `${vscode.version} >= ${manifest.engines.vscode}`);
  });

  test('registers the statement language', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('statement'));
  });

  test('opens a .statement file in the statement language', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('release.statement'));
    assert.equal(document.languageId, 'statement');
  });

  test('opens a .transcript file in the statement language', async () => {
    const uri = fixture('new-briefing.transcript');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('MS. KARIMOVA: Good afternoon.\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'statement');
  });

  test('Open as Statement switches the active plain-text document', async () => {
    const uri = fixture('notes.txt');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'plaintext');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('diplomat.openAsStatement');
    const switched = await documentWithLanguage(uri, 'statement');
    assert.equal(switched.getText(), document.getText(), 'the text is unchanged');
  });

  test('Open as Statement takes a file from the editor title menu', async () => {
    const uri = fixture('transcripts', 'briefing.txt');
    await vscode.workspace.fs.copy(uri, fixture('copy-of-briefing.txt'), { overwrite: true });
    const target = fixture('copy-of-briefing.txt');
    await vscode.commands.executeCommand('diplomat.openAsStatement', target);
    await documentWithLanguage(target, 'statement');
  });

  test('the statementFiles glob setting opens matching .txt files as statements', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('transcripts', 'briefing.txt'));
    await vscode.window.showTextDocument(document);
    await documentWithLanguage(document.uri, 'statement');
  });

  test('a new glob pattern applies to documents opened afterwards, and only to matching ones', async () => {
    const config = vscode.workspace.getConfiguration('diplomat');
    const before = config.get<string[]>('statementFiles', []);
    const matching = fixture('readouts', 'readout-may.txt');
    const other = fixture('readouts', 'todo.md');
    await vscode.workspace.fs.writeFile(matching, new TextEncoder().encode('“We agreed,” the Minister said.\n'));
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('# not a statement\n'));
    try {
      await config.update('statementFiles', [...before, '**/readouts/*.txt'], vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => vscode.workspace.getConfiguration('diplomat').get<string[]>('statementFiles', []).includes('**/readouts/*.txt'),
        'the setting to apply',
      );
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(matching));
      await documentWithLanguage(matching, 'statement');
      const markdown = await vscode.workspace.openTextDocument(other);
      assert.equal(markdown.languageId, 'markdown', 'a file outside the pattern keeps its language');
    } finally {
      await config.update('statementFiles', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('every contributed command is registered and in the Diplomat category', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string; category?: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of manifest.contributes.commands) {
      assert.equal(category, 'Diplomat', `${command} has category Diplomat`);
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  test('the Diplomat view container opens', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.diplomat');
    await vscode.commands.executeCommand('diplomat.entities.focus');
  });
});

suite('Foundation: the walkthrough', () => {
  test('Open a Sample Statement opens the shipped sample as an untitled statement', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('diplomat.openSample');
    assert.equal(editor.document.languageId, 'statement');
    assert.equal(editor.document.isUntitled, true);
    assert.match(editor.document.getText(), /Tokayev/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the walkthrough is contributed with its three steps', () => {
    const manifest = vscode.extensions.getExtension('diplomat.diplomat')?.packageJSON as { contributes: { walkthroughs: { steps: { id: string }[] }[] } };
    assert.deepEqual(manifest.contributes.walkthroughs[0]?.steps.map((s) => s.id), ['open', 'tag', 'sidebar']);
  });
});
