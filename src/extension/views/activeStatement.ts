import * as vscode from 'vscode';

import { STATEMENT_LANGUAGE } from '../language/statementLanguage';
import { Disposable } from '../util/dispose';

/** Edits arrive per keystroke; the sidebar is refreshed once typing pauses. */
const EDIT_DEBOUNCE_MS = 300;

/**
 * The statement the sidebar's Current Document scope shows: the active editor's document when it is a statement,
 * else the last one that was (so that focusing the sidebar does not empty it). Sets `diplomat.statementOpen`.
 */
export class ActiveStatement extends Disposable {
  private current: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the document changes, or its text was edited (debounced). */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.track()));
    // A language switch (Open as Statement) reopens the document under the new language.
    this._register(vscode.workspace.onDidOpenTextDocument(() => this.track()));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => {
      if (document === this.current) this.set(undefined);
    }));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== this.current || event.contentChanges.length === 0) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), EDIT_DEBOUNCE_MS);
    }));
    this.track();
  }

  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  private track(): void {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === STATEMENT_LANGUAGE) this.set(active);
    else if (active && active.uri.scheme !== 'output' && this.current && active !== this.current && !vscode.window.visibleTextEditors.some((e) => e.document === this.current)) this.set(undefined);
  }

  private set(document: vscode.TextDocument | undefined): void {
    if (document === this.current) return;
    this.current = document;
    void vscode.commands.executeCommand('setContext', 'diplomat.statementOpen', document !== undefined);
    this.changed.fire();
  }
}

/** Opens `uri` and selects `[start, end)` (UTF-16 offsets), scrolling it into view. */
export async function revealRange(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** A file name for a view's description. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
