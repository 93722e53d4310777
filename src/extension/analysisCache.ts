import * as vscode from 'vscode';

import type { Analysis } from '../core';
import { analyze } from '../core';
import { Disposable } from './util/dispose';

/** Analyses documents on demand and keeps one result per open document, keyed by its version; evicted on close. */
export class AnalysisCache extends Disposable {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())));
  }

  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached?.version === document.version) return cached.analysis;
    const analysis = analyze(document.getText());
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }
}
