import { execFile } from 'node:child_process';

import * as vscode from 'vscode';

let gitUserName: Promise<string | null> | undefined;

/** Who is annotating: the `diplomat.author` setting, else git's `user.name` (asked once), else null. */
export async function currentAuthor(): Promise<string | null> {
  const configured = vscode.workspace.getConfiguration('diplomat').get<string>('author', '').trim();
  if (configured) return configured;
  gitUserName ??= new Promise((resolve) => {
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined;
    // A missing git, or one waiting on a credential prompt, must not hold up tagging.
    execFile('git', ['config', 'user.name'], { cwd, timeout: 2000 }, (error, stdout) => resolve(error ? null : stdout.trim() || null));
  });
  return gitUserName;
}
