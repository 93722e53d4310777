// The web-worker entry (`browser`): vscode.dev, github.dev and other browser-hosted VS Codes. No Node APIs reach this
// bundle (esbuild builds it for the browser and fails on any `node:` import); the Node entry is `extension.ts`.
import type * as vscode from 'vscode';

import type { DiplomatApi } from './activate';
import { activateDiplomat } from './activate';
import { browserPlatform } from './browser/platform';

export type { DiplomatApi } from './activate';

export function activate(context: vscode.ExtensionContext): DiplomatApi {
  return activateDiplomat(context, browserPlatform);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions, which VS Code disposes.
}
