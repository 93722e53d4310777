import * as vscode from 'vscode';

import type { AnnotationLeaf } from '../../core/corpus';
import { annotationTree } from '../../core/corpus';
import { SIDECAR_SUFFIX, parseSidecar, reanchorAnnotations } from '../../core/annotations';
import type { AnnotationStore } from '../annotate/annotationStore';
import type { Log } from '../log';
import { Disposable } from '../util/dispose';
import { readTextFile } from '../util/fileSystem';
import type { ActiveStatement } from './activeStatement';
import { baseName } from './activeStatement';
import type { ScopeState } from './scope';

/** An annotation row: what the reveal, re-attach and delete commands need. */
export interface AnnotationRow {
  readonly kind: 'leaf';
  readonly uri: vscode.Uri;
  readonly annotationId: string;
  readonly leaf: AnnotationLeaf;
  readonly parent: Node;
}

type Node =
  | { readonly kind: 'tag'; readonly tag: string; readonly rows: readonly AnnotationRow[] }
  | { readonly kind: 'orphaned'; readonly rows: readonly AnnotationRow[] }
  | AnnotationRow;

/** Whether a command argument is a row of this view (view/item/context menus pass the element). */
export function isAnnotationRow(value: unknown): value is AnnotationRow {
  return typeof value === 'object' && value !== null && (value as AnnotationRow).kind === 'leaf' && (value as AnnotationRow).uri instanceof vscode.Uri;
}

/**
 * The Annotations view: tag → annotations with a preview of their note, and an Orphaned group whose rows offer the
 * quick fixes (re-attach to the selection, delete); for the current statement, or for every sidecar of the workspace.
 */
export class AnnotationsView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private roots: Node[] = [];
  private generation = 0;

  constructor(
    private readonly active: ActiveStatement,
    private readonly store: AnnotationStore,
    private readonly scope: ScopeState,
    private readonly log: Log,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView('diplomat.annotations', { treeDataProvider: this, showCollapseAll: true }));
    for (const event of [active.onDidChange, store.onDidChange, scope.onDidChange]) this._register(event(() => void this.refresh()));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    for (const event of [watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete]) {
      this._register(event(() => {
        if (this.scope.current === 'workspace') void this.refresh();
      }));
    }
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const perText = this.scope.current === 'workspace' ? await this.workspaceTexts() : await this.documentText();
    // A newer refresh started while this one read files: its result wins.
    if (generation !== this.generation) return;
    const byTag = new Map<string, { node: Node; rows: AnnotationRow[] }>();
    const orphaned: AnnotationRow[] = [];
    const orphanNode: Node = { kind: 'orphaned', rows: orphaned };
    for (const { uri, tree } of perText) {
      for (const { tag, annotations } of tree.tags) {
        let group = byTag.get(tag);
        if (!group) {
          const rows: AnnotationRow[] = [];
          group = { node: { kind: 'tag', tag, rows }, rows };
          byTag.set(tag, group);
        }
        for (const leaf of annotations) group.rows.push({ kind: 'leaf', uri, annotationId: leaf.id, leaf, parent: group.node });
      }
      for (const leaf of tree.orphaned) orphaned.push({ kind: 'leaf', uri, annotationId: leaf.id, leaf, parent: orphanNode });
    }
    const tagNodes = [...byTag.keys()].sort((a, b) => a.localeCompare(b)).map((tag) => byTag.get(tag)?.node as Node);
    this.roots = orphaned.length ? [...tagNodes, orphanNode] : tagNodes;
    const document = this.active.document;
    this.view.description = this.scope.current === 'workspace' ? vscode.l10n.t('Workspace') : document ? baseName(document.uri) : undefined;
    this.view.badge = orphaned.length ? { value: orphaned.length, tooltip: vscode.l10n.t('{0} orphaned annotations', orphaned.length) } : undefined;
    this.changed.fire(undefined);
  }

  private async documentText(): Promise<{ uri: vscode.Uri; tree: ReturnType<typeof annotationTree> }[]> {
    const document = this.active.document;
    if (!document) return [];
    const entry = await this.store.get(document);
    return [{ uri: document.uri, tree: annotationTree(entry.sidecar, document.getText()) }];
  }

  private async workspaceTexts(): Promise<{ uri: vscode.Uri; tree: ReturnType<typeof annotationTree> }[]> {
    const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**');
    const out: { uri: vscode.Uri; tree: ReturnType<typeof annotationTree> }[] = [];
    for (const sidecarUri of sidecars.sort((a, b) => a.path.localeCompare(b.path))) {
      const uri = sidecarUri.with({ path: sidecarUri.path.slice(0, -SIDECAR_SUFFIX.length) });
      try {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          out.push({ uri, tree: annotationTree((await this.store.get(open)).sidecar, open.getText()) });
          continue;
        }
        const [yaml, text] = await Promise.all([readTextFile(sidecarUri), readTextFile(uri)]);
        if (yaml === undefined || text === undefined) continue;
        const sidecar = parseSidecar(yaml);
        out.push({ uri, tree: annotationTree({ ...sidecar, annotations: reanchorAnnotations(sidecar.annotations, text) }, text) });
      } catch (error) {
        this.log.error(`Skipped ${sidecarUri.toString(true)} in the Annotations view`, error);
      }
    }
    return out;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    return node.kind === 'leaf' ? [] : [...node.rows];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'leaf' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'tag' || node.kind === 'orphaned') {
      const orphans = node.kind === 'orphaned';
      const item = new vscode.TreeItem(orphans ? vscode.l10n.t('Orphaned') : node.tag, vscode.TreeItemCollapsibleState.Expanded);
      item.id = orphans ? 'orphaned' : `tag:${node.tag}`;
      item.description = `${node.rows.length}`;
      item.iconPath = new vscode.ThemeIcon(orphans ? 'warning' : 'tag');
      if (orphans) item.tooltip = vscode.l10n.t('Annotations whose text is gone: re-attach them to a selection or delete them.');
      return item;
    }
    const { leaf } = node;
    const item = new vscode.TreeItem(leaf.preview, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent.kind === 'tag' ? node.parent.tag : 'orphaned'}:${node.uri.toString()}:${leaf.id}`;
    const where = this.scope.current === 'workspace' ? baseName(node.uri) : vscode.l10n.t('line {0}', leaf.line + 1);
    item.description = [leaf.notePreview, where].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(`${leaf.tags.join(', ')}${leaf.note ? `\n\n${leaf.note}` : ''}`);
    item.iconPath = new vscode.ThemeIcon(leaf.state === 'orphaned' ? 'debug-disconnect' : leaf.note ? 'note' : 'circle-small-filled');
    item.contextValue = leaf.state === 'orphaned' ? 'diplomat.orphan' : 'diplomat.annotation';
    if (leaf.state !== 'orphaned') item.command = { command: 'diplomat.revealMention', title: vscode.l10n.t('Reveal'), arguments: [node.uri, leaf.start, leaf.end] };
    return item;
  }
}
