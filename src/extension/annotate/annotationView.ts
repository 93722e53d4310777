import * as vscode from 'vscode';

import type { Annotation, TagDefinition } from '../../core/annotations';
import { Disposable } from '../util/dispose';
import type { AnnotatedText, AnnotationStore } from './annotationStore';
import type { TagSet } from './tagSet';

/** Colour of annotations whose tags are all unknown to the tag set. */
const UNKNOWN_TAG_COLOR = '#888888';

/** `#rrggbb` with an alpha byte: translucent enough that the text stays readable in light and dark themes. */
function translucent(color: string, alpha: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color;
}

/** A small filled circle in the tag's colour for the gutter, as a data URI (no files to ship per colour). */
function gutterIcon(color: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="4" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
}

/**
 * Shows annotations: a decoration per tag (background, overview ruler, gutter) in every visible editor of an
 * annotated text, hovers with tags and note, and orphaned annotations in the Problems panel.
 */
export class AnnotationView extends Disposable {
  private types = new Map<string, vscode.TextEditorDecorationType>();
  readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('diplomat-annotations'));

  constructor(
    private readonly store: AnnotationStore,
    private readonly tags: TagSet,
  ) {
    super();
    this._register({ dispose: () => this.disposeTypes() });
    this._register(store.onDidChange((entry) => this.render(entry)));
    this._register(tags.onDidChange(() => void this.rebuildTypes()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => void this.renderVisible()));
    // A text closed and opened again, or given another language, can come back in an editor the visible-editors
    // event does not report; the highlighter paints on open for the same reason.
    this._register(vscode.workspace.onDidOpenTextDocument(() => void this.renderVisible()));
  }

  /** Loads the annotations of every visible editor and draws them; one editor's failure does not stop the others. */
  async renderVisible(): Promise<void> {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme !== 'output');
    await Promise.all(editors.map(async (editor) => this.render(await this.store.get(editor.document))));
  }

  private async rebuildTypes(): Promise<void> {
    this.disposeTypes();
    for (const tag of this.tags.allLoaded()) this.types.set(tag.name, this.createType(tag));
    // Disposing the old types cleared every editor: draw the loaded texts (diagnostics) and every visible editor,
    // including one whose text was reopened while the types were rebuilt.
    for (const entry of await this.store.loaded()) this.render(entry);
    await this.renderVisible();
  }

  private createType(tag: TagDefinition): vscode.TextEditorDecorationType {
    return vscode.window.createTextEditorDecorationType({
      backgroundColor: translucent(tag.color, '40'),
      borderRadius: '2px',
      overviewRulerColor: translucent(tag.color, 'c0'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      gutterIconPath: gutterIcon(tag.color),
      gutterIconSize: 'contain',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }

  private typeFor(tagName: string | undefined): vscode.TextEditorDecorationType {
    const name = tagName ?? '';
    let type = this.types.get(name);
    if (!type) {
      const known = this.tags.allLoaded().find((t) => t.name === name);
      type = this.createType(known ?? { name, color: UNKNOWN_TAG_COLOR, description: '' });
      this.types.set(name, type);
    }
    return type;
  }

  private disposeTypes(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }

  render(entry: AnnotatedText): void {
    const key = entry.textUri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    const byType = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    for (const type of this.types.values()) byType.set(type, []);
    const orphans: vscode.Diagnostic[] = [];
    const document = editors[0]?.document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return;
    for (const annotation of entry.sidecar.annotations) {
      const range = new vscode.Range(document.positionAt(annotation.target.start), document.positionAt(annotation.target.end));
      if (annotation.state === 'orphaned') {
        orphans.push(orphanDiagnostic(annotation, document.validateRange(new vscode.Range(range.start, range.start))));
        continue;
      }
      const type = this.typeFor(annotation.tags[0]);
      const list = byType.get(type) ?? [];
      list.push({ range, hoverMessage: hover(annotation, entry) });
      byType.set(type, list);
    }
    // Every type is set on every pass, empty where it has no range, so that stale decorations are cleared.
    for (const editor of editors) for (const [type, options] of byType) editor.setDecorations(type, options);
    this.diagnostics.set(entry.textUri, orphans);
  }
}

/** The Problems-panel entry for an orphan; its `code` is the annotation id, which the quick fixes read. */
function orphanDiagnostic(annotation: Annotation, range: vscode.Range): vscode.Diagnostic {
  const quote = annotation.target.exact.length > 60 ? `${annotation.target.exact.slice(0, 59)}…` : annotation.target.exact;
  const diagnostic = new vscode.Diagnostic(
    range,
    vscode.l10n.t('Orphaned annotation [{0}]: its text “{1}” is gone. Re-attach it to a selection or delete it.', annotation.tags.join(', '), quote),
    vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Diplomat';
  diagnostic.code = annotation.id;
  return diagnostic;
}

function hover(annotation: Annotation, entry: AnnotatedText): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${annotation.tags.map((t) => `\`${t}\``).join(' ')}**`);
  if (annotation.state === 'fuzzy') md.appendMarkdown(` · $(warning) ${vscode.l10n.t('re-found approximately')}`);
  if (entry.problem) md.appendMarkdown(` · $(lock) ${vscode.l10n.t('read-only')}`);
  if (annotation.note) md.appendMarkdown('\n\n').appendText(annotation.note);
  md.appendMarkdown(`\n\n_${annotation.author ?? ''} ${annotation.modified.slice(0, 10)}_`);
  return md;
}
