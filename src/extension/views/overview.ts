import * as vscode from 'vscode';

import type { Analysis, Span } from '../../core';
import type { AnalysisCache } from '../analysisCache';
import { STATEMENT_LANGUAGE } from '../language/statementLanguage';
import { Disposable } from '../util/dispose';

/** A node of the Statement view: a group (speakers, quotes, figures, entities) or one span of the text. */
export interface OverviewNode {
  readonly label: string;
  readonly description?: string;
  readonly icon: string;
  readonly span?: Span;
  readonly children?: readonly OverviewNode[];
}

const PREVIEW_LENGTH = 80;

/** One line of a span's text, shortened for a tree row. */
function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}

/** Builds the Statement view's groups from an analysis; pure, so the tree shows exactly what the analyzer found. */
export function overviewNodes(analysis: Analysis): OverviewNode[] {
  const speakerName = new Map(analysis.speakers.map((s) => [s.id, s.name]));
  const groups: OverviewNode[] = [
    {
      label: vscode.l10n.t('Speakers'),
      icon: 'person',
      children: analysis.speakers.map((s) => ({
        label: s.name,
        description: `${s.mentions.length}`,
        icon: s.type === 'ORG' ? 'organization' : 'person',
        ...(s.mentions[0] ? { span: s.mentions[0] } : {}),
      })),
    },
    {
      label: vscode.l10n.t('Quotes'),
      icon: 'quote',
      children: analysis.quotes.map((q) => ({
        label: preview(q.text),
        description: (q.speaker && speakerName.get(q.speaker)) ?? '',
        icon: 'quote',
        span: q,
      })),
    },
    {
      label: vscode.l10n.t('Figures'),
      icon: 'symbol-number',
      children: analysis.figures.map((f) => ({ label: preview(f.text), description: f.kind, icon: 'symbol-number', span: f })),
    },
    {
      label: vscode.l10n.t('Entities'),
      icon: 'symbol-class',
      children: analysis.entities.map((e) => ({ label: e.text, description: `${e.type} · ${e.canonical}`, icon: 'symbol-class', span: e })),
    },
  ];
  return groups.filter((g) => (g.children?.length ?? 0) > 0);
}

/**
 * The Statement view in the Diplomat container: what the analyzer found in the active statement. Clicking a row
 * selects its span in the editor. Shows the welcome content (package.json `viewsWelcome`) when no statement is active.
 */
export class OverviewView extends Disposable implements vscode.TreeDataProvider<OverviewNode> {
  private readonly changed = this._register(new vscode.EventEmitter<OverviewNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<OverviewNode>;
  private document: vscode.TextDocument | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly analyses: AnalysisCache) {
    super();
    this.view = this._register(vscode.window.createTreeView('diplomat.overview', { treeDataProvider: this, showCollapseAll: true }));
    this._register(vscode.commands.registerCommand('diplomat.revealSpan', (uri: vscode.Uri, span: Span) => revealSpan(uri, span)));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.track()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleRefresh();
      }),
    );
    // A language switch (Open as Statement) reopens the document under the new language.
    this._register(vscode.workspace.onDidOpenTextDocument(() => this.track()));
    this._register({ dispose: () => clearTimeout(this.refreshTimer) });
    this.track();
  }

  getTreeItem(node: OverviewNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.description = node.children ? `${node.children.length}` : node.description;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.span && this.document) {
      item.command = { command: 'diplomat.revealSpan', title: vscode.l10n.t('Reveal'), arguments: [this.document.uri, node.span] };
      item.tooltip = node.span.text;
    }
    return item;
  }

  getChildren(node?: OverviewNode): OverviewNode[] {
    if (node) return [...(node.children ?? [])];
    return this.document ? overviewNodes(this.analyses.get(this.document)) : [];
  }

  private track(): void {
    const active = vscode.window.activeTextEditor?.document;
    const document = active?.languageId === STATEMENT_LANGUAGE ? active : undefined;
    void vscode.commands.executeCommand('setContext', 'diplomat.statementOpen', document !== undefined);
    if (document === this.document) return;
    this.document = document;
    this.view.description = document ? document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1) : undefined;
    this.changed.fire(undefined);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    // Edits arrive per keystroke; re-analysing once typing pauses keeps the editor responsive.
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 250);
  }
}

/** Opens `uri` and selects `span` (UTF-16 offsets), scrolling it into view. */
export async function revealSpan(uri: vscode.Uri, span: Span): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
