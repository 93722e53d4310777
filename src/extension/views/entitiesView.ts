import * as vscode from 'vscode';

import type { EntityType } from '../../core';
import type { EntityEntry, EntityGroup, EntityStat, FigureTrend, Mention, TrendPoint } from '../../core/corpus';
import { ENTITY_GROUP_LABELS, entityTree } from '../../core/corpus';
import type { AnalysisCache } from '../analysisCache';
import { Disposable } from '../util/dispose';
import type { ActiveStatement } from './activeStatement';
import { baseName, revealRange } from './activeStatement';
import type { ScopeState } from './scope';
import type { WorkspaceIndexer } from './workspaceIndexer';

const GROUP_ICONS = { PERSON: 'person', COUNTRY: 'globe', ORG: 'organization', PLACE: 'location', FIGURE: 'symbol-number' } as const;
const TYPE_ORDER: readonly EntityType[] = ['PERSON', 'COUNTRY', 'ORG', 'PLACE'];

/** Nodes of the Entities view; `entry` and `wsEntity` nodes carry what the registry commands need. */
export type EntityNode =
  | { readonly kind: 'group'; readonly group: EntityGroup }
  | { readonly kind: 'entry'; readonly entry: EntityEntry; readonly parent: EntityNode }
  | { readonly kind: 'mention'; readonly mention: Mention; readonly parent: EntityNode & { kind: 'entry' } }
  | { readonly kind: 'wsGroup'; readonly type: EntityType; readonly stats: readonly EntityStat[] }
  | { readonly kind: 'wsEntity'; readonly stat: EntityStat }
  | { readonly kind: 'wsTrends'; readonly trends: readonly FigureTrend[] }
  | { readonly kind: 'trend'; readonly trend: FigureTrend }
  | { readonly kind: 'point'; readonly point: TrendPoint; readonly trend: FigureTrend };

/**
 * The Entities view: people, countries, organisations, places and figures of the current statement (each entity with
 * its mentions; clicking one selects it), or of the whole workspace (entities with document and mention counts, and
 * figures grouped by subject and unit so that changes over time stand out).
 */
export class EntitiesView extends Disposable implements vscode.TreeDataProvider<EntityNode> {
  private readonly changed = this._register(new vscode.EventEmitter<EntityNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<EntityNode>;
  private roots: EntityNode[] = [];

  constructor(
    private readonly active: ActiveStatement,
    private readonly analyses: AnalysisCache,
    private readonly scope: ScopeState,
    private readonly indexer: WorkspaceIndexer,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView('diplomat.entities', { treeDataProvider: this, showCollapseAll: true }));
    this._register(active.onDidChange(() => this.refresh()));
    this._register(analyses.onDidChange(() => this.refresh()));
    this._register(scope.onDidChange(() => this.refresh()));
    this._register(indexer.onDidChange(() => this.refresh()));
    this._register(vscode.commands.registerCommand('diplomat.revealMention', (uri: vscode.Uri, start: number, end: number) => revealRange(uri, start, end)));
    this.refresh();
  }

  /** Rebuilds the roots from the current scope, then tells the tree. */
  refresh(): void {
    this.roots = this.scope.current === 'workspace' ? this.workspaceRoots() : this.documentRoots();
    const count = this.roots.reduce((n, r) => n + (r.kind === 'group' ? r.group.entries.length : r.kind === 'wsGroup' ? r.stats.length : 0), 0);
    this.view.badge = count ? { value: count, tooltip: vscode.l10n.t('{0} entities', count) } : undefined;
    const document = this.active.document;
    this.view.description = this.scope.current === 'workspace' ? vscode.l10n.t('Workspace') : document ? baseName(document.uri) : undefined;
    this.view.message = this.scope.current === 'workspace' ? indexMessage(this.indexer) : undefined;
    this.changed.fire(undefined);
  }

  private documentRoots(): EntityNode[] {
    const document = this.active.document;
    if (!document) return [];
    return entityTree(this.analyses.get(document), document.getText()).map((group) => ({ kind: 'group', group }));
  }

  private workspaceRoots(): EntityNode[] {
    void this.indexer.ensureStarted();
    const stats = this.indexer.index.entities();
    const roots: EntityNode[] = TYPE_ORDER.map((type) => ({ kind: 'wsGroup', type, stats: stats.filter((s) => s.type === type) }) as const).filter((g) => g.stats.length > 0);
    const trends = this.indexer.index.figureTrends();
    if (trends.length) roots.push({ kind: 'wsTrends', trends });
    return roots;
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'group':
        return node.group.entries.map((entry) => ({ kind: 'entry', entry, parent: node }));
      case 'entry':
        return node.entry.mentions.map((mention) => ({ kind: 'mention', mention, parent: node }));
      case 'wsGroup':
        return node.stats.map((stat) => ({ kind: 'wsEntity', stat }));
      case 'wsTrends':
        return node.trends.map((trend) => ({ kind: 'trend', trend }));
      case 'trend':
        return node.trend.points.map((point) => ({ kind: 'point', point, trend: node.trend }));
      default:
        return [];
    }
  }

  getParent(node: EntityNode): EntityNode | undefined {
    if (node.kind === 'entry' || node.kind === 'mention') return node.parent;
    if (node.kind === 'wsEntity') return this.roots.find((r) => r.kind === 'wsGroup' && r.type === node.stat.type);
    if (node.kind === 'trend') return this.roots.find((r) => r.kind === 'wsTrends');
    if (node.kind === 'point') return { kind: 'trend', trend: node.trend };
    return undefined;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    const document = this.active.document;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(vscode.l10n.t(node.group.label), node.group.kind === 'PERSON' ? vscode.TreeItemCollapsibleState.Expanded : Collapsed);
        item.id = `group:${node.group.kind}`;
        item.description = `${node.group.entries.length}`;
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group.kind]);
        return item;
      }
      case 'entry': {
        const { entry } = node;
        const item = new vscode.TreeItem(entry.label, Collapsed);
        item.id = `entry:${entry.type}:${entry.key}`;
        item.description = entry.type === 'FIGURE' ? entry.description : `${entry.count}${entry.description ? ` · ${entry.description}` : ''}`;
        item.tooltip = new vscode.MarkdownString().appendText(`${entry.label} — ${vscode.l10n.t('{0} mentions', entry.count)}`);
        item.contextValue = entry.type === 'FIGURE' ? 'diplomat.figure' : 'diplomat.entity';
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[entry.type]);
        const first = entry.mentions[0];
        if (document && first) item.command = { command: 'diplomat.revealMention', title: vscode.l10n.t('Reveal'), arguments: [document.uri, first.start, first.end] };
        return item;
      }
      case 'mention': {
        const { mention } = node;
        const item = new vscode.TreeItem(mention.preview, vscode.TreeItemCollapsibleState.None);
        item.id = `mention:${node.parent.entry.type}:${node.parent.entry.key}:${mention.start}`;
        item.description = vscode.l10n.t('line {0}', mention.line + 1) + (mention.kind === 'name' ? '' : ` · ${mention.kind}`);
        item.tooltip = mention.text;
        if (document) item.command = { command: 'diplomat.revealMention', title: vscode.l10n.t('Reveal'), arguments: [document.uri, mention.start, mention.end] };
        return item;
      }
      case 'wsGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t(ENTITY_GROUP_LABELS[node.type]), node.type === 'PERSON' ? vscode.TreeItemCollapsibleState.Expanded : Collapsed);
        item.id = `ws-group:${node.type}`;
        item.description = `${node.stats.length}`;
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.type]);
        return item;
      }
      case 'wsEntity': {
        const { stat } = node;
        const item = new vscode.TreeItem(stat.canonical, vscode.TreeItemCollapsibleState.None);
        item.id = `ws-entity:${stat.type}:${stat.canonical}`;
        item.description = vscode.l10n.t('{0} mentions in {1} documents', stat.mentions, stat.documents);
        item.contextValue = 'diplomat.workspaceEntity';
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[stat.type]);
        item.command = { command: 'diplomat.findAllMentions', title: vscode.l10n.t('Find All Mentions'), arguments: [stat.canonical, stat.type] };
        return item;
      }
      case 'wsTrends': {
        const item = new vscode.TreeItem(vscode.l10n.t('Figures over time'), Collapsed);
        item.id = 'ws-trends';
        item.description = `${node.trends.length}`;
        item.iconPath = new vscode.ThemeIcon('graph-line');
        return item;
      }
      case 'trend': {
        const { trend } = node;
        const item = new vscode.TreeItem(trend.subject, Collapsed);
        item.id = `trend:${trend.subject}:${trend.unit}`;
        item.description = `${trend.unit} · ${trend.points.map((p) => `${p.text} (${p.date?.slice(0, 4) ?? '?'})`).join(' → ')}`;
        item.tooltip = item.description;
        item.iconPath = new vscode.ThemeIcon('graph-line');
        return item;
      }
      case 'point': {
        const { point } = node;
        const item = new vscode.TreeItem(`${point.date ?? vscode.l10n.t('undated')} · ${point.text}`, vscode.TreeItemCollapsibleState.None);
        item.id = `point:${node.trend.subject}:${point.path}:${point.start}`;
        item.description = point.path;
        const uri = this.indexer.uriOf(point.path);
        if (uri) item.command = { command: 'diplomat.revealMention', title: vscode.l10n.t('Reveal'), arguments: [uri, point.start, point.end] };
        return item;
      }
    }
  }
}

/** The message a workspace-scoped view shows while the index is being built or was cancelled. */
export function indexMessage(indexer: WorkspaceIndexer): string | undefined {
  if (indexer.state === 'indexing') return vscode.l10n.t('Indexing the workspace… {0} statements so far.', indexer.index.documents().length);
  if (indexer.state === 'cancelled') return vscode.l10n.t('Indexing was cancelled: {0} statements indexed. Run "Diplomat: Refresh Workspace Index" to finish.', indexer.index.documents().length);
  if (indexer.state === 'ready' && indexer.index.documents().length === 0) return vscode.l10n.t('No statement files in this workspace (*.statement, *.transcript, or the diplomat.statementFiles patterns).');
  return undefined;
}
