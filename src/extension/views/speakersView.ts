import * as vscode from 'vscode';

import type { QuoteLeaf, SpeakerNode, SpeakerQuoteItem, SpeakerStat } from '../../core/corpus';
import { speakerTree } from '../../core/corpus';
import type { AnalysisCache } from '../analysisCache';
import { Disposable } from '../util/dispose';
import type { ActiveStatement } from './activeStatement';
import { baseName } from './activeStatement';
import { indexMessage } from './entitiesView';
import type { ScopeState } from './scope';
import type { WorkspaceIndexer } from './workspaceIndexer';

type Node =
  | { readonly kind: 'speaker'; readonly speaker: SpeakerNode }
  | { readonly kind: 'quote'; readonly quote: QuoteLeaf; readonly parent: Node }
  | { readonly kind: 'wsSpeaker'; readonly stat: SpeakerStat }
  | { readonly kind: 'wsQuote'; readonly item: SpeakerQuoteItem; readonly parent: Node };

/**
 * The Speakers & Quotes view: who speaks in the current statement, each with their quotes in order and the cue; or,
 * across the workspace, who said what, ordered by the documents' dates.
 */
export class SpeakersView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private roots: Node[] = [];

  constructor(
    private readonly active: ActiveStatement,
    private readonly analyses: AnalysisCache,
    private readonly scope: ScopeState,
    private readonly indexer: WorkspaceIndexer,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView('diplomat.speakers', { treeDataProvider: this, showCollapseAll: true }));
    for (const event of [active.onDidChange, analyses.onDidChange, scope.onDidChange, indexer.onDidChange]) this._register(event(() => this.refresh()));
    this.refresh();
  }

  refresh(): void {
    const document = this.active.document;
    if (this.scope.current === 'workspace') {
      void this.indexer.ensureStarted();
      this.roots = this.indexer.index.speakers().map((stat) => ({ kind: 'wsSpeaker', stat }));
      this.view.description = vscode.l10n.t('Workspace');
      this.view.message = indexMessage(this.indexer);
    } else {
      this.roots = document ? speakerTree(this.analyses.get(document), document.getText()).map((speaker) => ({ kind: 'speaker', speaker })) : [];
      this.view.description = document ? baseName(document.uri) : undefined;
      this.view.message = undefined;
    }
    const speakers = this.roots.filter((r) => !(r.kind === 'speaker' && r.speaker.type === null)).length;
    this.view.badge = speakers ? { value: speakers, tooltip: vscode.l10n.t('{0} speakers', speakers) } : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    if (node.kind === 'speaker') return node.speaker.quotes.map((quote) => ({ kind: 'quote', quote, parent: node }));
    if (node.kind === 'wsSpeaker') return node.stat.items.map((item) => ({ kind: 'wsQuote', item, parent: node }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'quote' || node.kind === 'wsQuote' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const document = this.active.document;
    switch (node.kind) {
      case 'speaker': {
        const item = new vscode.TreeItem(node.speaker.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `speaker:${node.speaker.id}`;
        item.description = vscode.l10n.t('{0} quotes', node.speaker.quotes.length);
        item.iconPath = new vscode.ThemeIcon(node.speaker.type === 'ORG' ? 'organization' : node.speaker.type === null ? 'question' : 'person');
        return item;
      }
      case 'quote': {
        const { quote } = node;
        const item = new vscode.TreeItem(quote.preview, vscode.TreeItemCollapsibleState.None);
        item.id = `quote:${quote.start}`;
        item.description = [quote.cue, vscode.l10n.t('line {0}', quote.line + 1)].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('quote');
        if (document) item.command = { command: 'diplomat.revealMention', title: vscode.l10n.t('Reveal'), arguments: [document.uri, quote.start, quote.end] };
        return item;
      }
      case 'wsSpeaker': {
        const { stat } = node;
        const item = new vscode.TreeItem(stat.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `ws-speaker:${stat.name}`;
        item.description = vscode.l10n.t('{0} quotes in {1} documents', stat.quotes, stat.documents);
        item.iconPath = new vscode.ThemeIcon(stat.type === 'ORG' ? 'organization' : 'person');
        return item;
      }
      case 'wsQuote': {
        const { item: quote } = node;
        const item = new vscode.TreeItem(quote.preview, vscode.TreeItemCollapsibleState.None);
        item.id = `ws-quote:${quote.path}:${quote.start}`;
        item.description = [quote.date ?? vscode.l10n.t('undated'), quote.cue, quote.path].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('quote');
        const uri = this.indexer.uriOf(quote.path);
        if (uri) item.command = { command: 'diplomat.revealMention', title: vscode.l10n.t('Reveal'), arguments: [uri, quote.start, quote.end] };
        return item;
      }
    }
  }
}
