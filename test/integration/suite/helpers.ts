import * as vscode from 'vscode';

/** The fixture workspace folder the suite runs in (a temporary copy of test/fixtures/workspace). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration suite needs the fixture workspace open.');
  return folder.uri;
}

export function fixture(...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...path);
}

/** Polls `check` every 50 ms until it returns a truthy value or `ms` pass; then fails with `what`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The open document for `uri` once its language is `languageId`. */
export function documentWithLanguage(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return waitFor(
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
    `${uri.path} in language ${languageId}`,
  );
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
