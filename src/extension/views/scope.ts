import * as vscode from 'vscode';

import { Disposable } from '../util/dispose';

export type Scope = 'document' | 'workspace';

/**
 * Whether the sidebar shows the current document or the whole workspace. One scope for the three views, toggled
 * from their title bars; the context key `diplomat.scope` picks the title button to show.
 */
export class ScopeState extends Disposable {
  private value: Scope = 'document';
  private readonly changed = this._register(new vscode.EventEmitter<Scope>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.commands.registerCommand('diplomat.showWorkspaceScope', () => this.set('workspace')));
    this._register(vscode.commands.registerCommand('diplomat.showDocumentScope', () => this.set('document')));
    void vscode.commands.executeCommand('setContext', 'diplomat.scope', this.value);
  }

  get current(): Scope {
    return this.value;
  }

  async set(scope: Scope): Promise<void> {
    if (scope === this.value) return;
    this.value = scope;
    await vscode.commands.executeCommand('setContext', 'diplomat.scope', scope);
    this.changed.fire(scope);
  }
}
