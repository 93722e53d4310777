import * as vscode from 'vscode';

import type { Analysis } from '../core';
import { analyze } from '../core';
import { applyRegistry } from '../core/corpus';
import { Disposable } from './util/dispose';
import { Signal } from './util/signal';
import type { RegistryService } from './views/registryService';

/**
 * Analyses documents on demand, with the entity registry's corrections applied, and keeps one result per open
 * document keyed by its version; evicted on close, cleared when the registry changes.
 */
export class AnalysisCache extends Disposable {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();
  readonly changed = this._register(new Signal<void>());
  /** Fires when every analysis may have changed (the registry was edited). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly registry?: RegistryService) {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())));
    if (registry) {
      this._register(registry.onDidChange(() => {
        this.entries.clear();
        this.changed.fire();
      }));
    }
  }

  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached?.version === document.version) return cached.analysis;
    const text = document.getText();
    const analysis = this.analyzeText(text);
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** Analyses a text that is not an open document (workspace indexing), with the registry applied. */
  analyzeText(text: string): Analysis {
    const analysis = analyze(text);
    return this.registry ? applyRegistry(text, analysis, this.registry.registry) : analysis;
  }
}
