import * as vscode from 'vscode';

import type { Platform } from '../platform';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Reads a UTF-8 file through `workspace.fs` (works for local, remote and virtual workspaces); undefined if absent. */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/** The file's size in bytes, or undefined if absent: lets callers refuse oversized files before reading them. */
export async function fileSize(uri: vscode.Uri): Promise<number | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).size;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * Writes a UTF-8 file atomically: the bytes go to a temporary file beside it, which is then renamed over the
 * target, so a crash or a full disk never leaves a half-written file and a reader never sees it missing. Local files
 * use the platform's own write-and-rename where it has one (the Node extension host), which replaces the target in
 * one step; `workspace.fs.rename` deletes the target first, so it serves only the rest: virtual and remote file
 * systems, and every file in the browser.
 */
export async function writeTextFileAtomic(uri: vscode.Uri, text: string, platform: Pick<Platform, 'writeLocalFileAtomic'>): Promise<void> {
  if (uri.scheme === 'file' && platform.writeLocalFileAtomic) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await platform.writeLocalFileAtomic(uri.fsPath, text);
    return;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(uri, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/** Hex SHA-256 of the UTF-8 bytes of `text`, with the Web Crypto API (Node 20 extension hosts and browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
