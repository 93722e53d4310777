import * as vscode from 'vscode';

import type { Log } from '../log';
import type { Platform } from '../platform';
import { Disposable } from '../util/dispose';
import { AnnotationCommands } from './annotationCommands';
import type { AnnotatedText } from './annotationStore';
import { AnnotationStore } from './annotationStore';
import { AnnotationView } from './annotationView';
import { OrphanQuickFixes } from './orphanQuickFixes';
import { TagSet } from './tagSet';

/** What other extensions (and the integration tests) can read of a text's annotations. */
export interface AnnotationsApi {
  /** The annotations of the text at `uri` as they stand now (offsets into the current text, UTF-16). */
  get(uri: vscode.Uri): Promise<Pick<AnnotatedText, 'sidecar' | 'sidecarUri' | 'problem' | 'dirty'>>;
}

/** Tagging and notes on passages, kept in YAML sidecars beside the texts. */
export class Annotations extends Disposable implements AnnotationsApi {
  readonly store: AnnotationStore;

  constructor(context: vscode.ExtensionContext, log: Log, platform: Platform) {
    super();
    this.store = this._register(new AnnotationStore(log, platform));
    const tags = this._register(new TagSet(context.workspaceState, log, platform));
    const view = this._register(new AnnotationView(this.store, tags));
    this._register(new AnnotationCommands(this.store, tags, log, platform));
    this._register(vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new OrphanQuickFixes(), { providedCodeActionKinds: OrphanQuickFixes.kinds }));
    void view.renderVisible();
  }

  async get(uri: vscode.Uri): Promise<AnnotatedText> {
    return this.store.get(await vscode.workspace.openTextDocument(uri));
  }
}
