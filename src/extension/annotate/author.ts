import * as vscode from 'vscode';

import type { Platform } from '../platform';

let gitUserName: Promise<string | null> | undefined;

/**
 * Who is annotating: the `diplomat.author` setting, else git's `user.name` (asked once, where the platform has git),
 * else null.
 */
export async function currentAuthor(platform: Pick<Platform, 'gitUserName'>): Promise<string | null> {
  const configured = vscode.workspace.getConfiguration('diplomat').get<string>('author', '').trim();
  if (configured) return configured;
  if (!platform.gitUserName) return null;
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined;
  gitUserName ??= platform.gitUserName(cwd);
  return gitUserName;
}
