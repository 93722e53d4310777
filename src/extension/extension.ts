// The Node entry (`main`): desktop VS Code, remote hosts and code-server. The web-worker entry is `browser.ts`.
import type * as vscode from 'vscode';

import type { DiplomatApi } from './activate';
import { activateDiplomat } from './activate';
import { nodePlatform } from './node/platform';

export type { DiplomatApi } from './activate';

export function activate(context: vscode.ExtensionContext): DiplomatApi {
  return activateDiplomat(context, nodePlatform);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions, which VS Code disposes.
}
