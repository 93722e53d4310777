import type { AnnotationStore } from '../annotate/annotationStore';
import type { AnalysisCache } from '../analysisCache';
import type { Log } from '../log';
import { Disposable } from '../util/dispose';
import { ActiveStatement } from './activeStatement';
import { AnnotationsView } from './annotationsView';
import { EntitiesView } from './entitiesView';
import { EntityCommands } from './entityCommands';
import type { RegistryService } from './registryService';
import { ScopeState } from './scope';
import { SpeakersView } from './speakersView';
import { WorkspaceIndexer } from './workspaceIndexer';
import * as vscode from 'vscode';

/** The Diplomat sidebar: the Entities, Speakers & Quotes and Annotations views, their scope, index and commands. */
export class Sidebar extends Disposable {
  readonly entities: EntitiesView;
  readonly speakers: SpeakersView;
  readonly annotations: AnnotationsView | undefined;
  readonly indexer: WorkspaceIndexer;

  constructor(analyses: AnalysisCache, registry: RegistryService, store: AnnotationStore | undefined, log: Log) {
    super();
    const active = this._register(new ActiveStatement());
    const scope = this._register(new ScopeState());
    this.indexer = this._register(new WorkspaceIndexer(analyses, log));
    this.entities = this._register(new EntitiesView(active, analyses, scope, this.indexer));
    this.speakers = this._register(new SpeakersView(active, analyses, scope, this.indexer));
    this.annotations = store && this._register(new AnnotationsView(active, store, scope, log));
    this._register(new EntityCommands(analyses, registry, this.indexer, log));
    this._register(vscode.commands.registerCommand('diplomat.refreshIndex', () => this.indexer.reindex()));
  }
}
