import * as vscode from 'vscode';

import type { Analysis, EntityType } from '../../core';
import type { AnalysisCache } from '../analysisCache';
import { STATEMENT_LANGUAGE } from '../language/statementLanguage';
import { Disposable } from '../util/dispose';

/** Edits arrive per keystroke; analysing once typing pauses keeps the editor responsive. */
const EDIT_DEBOUNCE_MS = 250;
/** Quote tints cycle through this many theme colours (`diplomat.speaker1Background` …). */
export const SPEAKER_TINTS = 6;

const ENTITY_KINDS: readonly { type: EntityType; setting: string; color: string }[] = [
  { type: 'PERSON', setting: 'people', color: 'diplomat.personForeground' },
  { type: 'COUNTRY', setting: 'countries', color: 'diplomat.countryForeground' },
  { type: 'ORG', setting: 'organizations', color: 'diplomat.organizationForeground' },
  { type: 'PLACE', setting: 'places', color: 'diplomat.placeForeground' },
];

/** Ranges per decoration kind, in UTF-16 offsets: what one pass paints. Pure, so tests can check it. */
export interface HighlightPlan {
  readonly entities: ReadonlyMap<EntityType, readonly (readonly [number, number])[]>;
  /** Quote ranges by tint index (speaker order of first appearance, modulo SPEAKER_TINTS). */
  readonly quotes: readonly (readonly (readonly [number, number])[])[];
}

export interface PaintEvent {
  readonly editor: vscode.TextEditor;
  readonly plan: HighlightPlan;
}

export interface HighlightSettings {
  readonly people: boolean;
  readonly countries: boolean;
  readonly organizations: boolean;
  readonly places: boolean;
  readonly quotes: boolean;
}

/** Decides what to paint for an analysis, honouring the category switches. `offset` shifts every range. */
export function planHighlights(analysis: Analysis, settings: HighlightSettings, offset = 0): HighlightPlan {
  const entities = new Map<EntityType, [number, number][]>();
  for (const kind of ENTITY_KINDS) {
    if (!settings[kind.setting as keyof HighlightSettings]) continue;
    entities.set(kind.type, []);
  }
  for (const e of analysis.entities) entities.get(e.type)?.push([e.start + offset, e.end + offset]);
  const quotes: [number, number][][] = Array.from({ length: SPEAKER_TINTS }, () => []);
  if (settings.quotes) {
    const tintOf = new Map(analysis.speakers.map((s, i) => [s.id, i % SPEAKER_TINTS]));
    for (const q of analysis.quotes) {
      if (q.speaker === null) continue;
      quotes[tintOf.get(q.speaker) ?? 0]?.push([q.start + offset, q.end + offset]);
    }
  }
  return { entities, quotes };
}

/**
 * Paints what the grammar cannot know: people, countries, organisations and places the analyzer found, and each
 * quote tinted by its speaker. Colours come from `contributes.colors`, so themes and users can restyle them; each
 * category can be switched off. Above `diplomat.highlight.maxFileSize`, only the visible ranges are analysed.
 */
export class Highlighter extends Disposable {
  private readonly entityTypes = new Map<EntityType, vscode.TextEditorDecorationType>();
  private readonly quoteTypes: vscode.TextEditorDecorationType[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly status = this._register(vscode.window.createStatusBarItem('diplomat.largeFile', vscode.StatusBarAlignment.Right, 100));
  private readonly painted = this._register(new vscode.EventEmitter<PaintEvent>());
  /** Fires after an editor's decorations were set, with what was painted (tests and the benchmark wait for it). */
  readonly onDidPaint = this.painted.event;

  constructor(private readonly analyses: AnalysisCache) {
    super();
    for (const kind of ENTITY_KINDS) {
      this.entityTypes.set(kind.type, this._register(vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(kind.color) })));
    }
    for (let i = 1; i <= SPEAKER_TINTS; i++) {
      this.quoteTypes.push(this._register(vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(`diplomat.speaker${i}Background`),
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      })));
    }
    this.status.name = vscode.l10n.t('Diplomat large file');
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.paintVisible()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (this.isLarge(e.textEditor.document)) this.schedule(e.textEditor.document);
    }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) this.schedule(e.document);
    }));
    this._register(vscode.workspace.onDidOpenTextDocument(() => this.paintVisible()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('diplomat.highlight')) this.paintVisible();
    }));
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.paintVisible();
  }

  private settings(document: vscode.TextDocument): HighlightSettings & { maxFileSize: number } {
    const c = vscode.workspace.getConfiguration('diplomat.highlight', document.uri);
    return {
      people: c.get('people', true),
      countries: c.get('countries', true),
      organizations: c.get('organizations', true),
      places: c.get('places', true),
      quotes: c.get('quotes', true),
      maxFileSize: c.get('maxFileSize', 2_000_000),
    };
  }

  private isLarge(document: vscode.TextDocument): boolean {
    return document.languageId === STATEMENT_LANGUAGE && textLength(document) > this.settings(document).maxFileSize;
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== STATEMENT_LANGUAGE) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.paint(editor);
    }, EDIT_DEBOUNCE_MS));
  }

  /** Paints every visible statement editor at once (opening a document is not debounced). */
  paintVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
    this.updateStatus();
  }

  private paint(editor: vscode.TextEditor): void {
    const document = editor.document;
    const settings = this.settings(document);
    let plan: HighlightPlan;
    if (document.languageId !== STATEMENT_LANGUAGE) {
      plan = { entities: new Map(), quotes: [] };
    } else if (textLength(document) > settings.maxFileSize) {
      plan = this.planVisible(editor, settings);
    } else {
      plan = planHighlights(this.analyses.get(document), settings);
    }
    const range = ([s, e]: readonly [number, number]) => new vscode.Range(document.positionAt(s), document.positionAt(e));
    // Every type is set on every pass, empty where nothing matches, so stale ranges are cleared.
    for (const [type, decoration] of this.entityTypes) editor.setDecorations(decoration, (plan.entities.get(type) ?? []).map(range));
    this.quoteTypes.forEach((decoration, i) => editor.setDecorations(decoration, (plan.quotes[i] ?? []).map(range)));
    this.painted.fire({ editor, plan });
  }

  /** Large files: analyses only the visible lines, widened to whole paragraphs so quotes are seen whole. */
  private planVisible(editor: vscode.TextEditor, settings: HighlightSettings): HighlightPlan {
    const document = editor.document;
    const entities = new Map<EntityType, (readonly [number, number])[]>();
    const quotes: (readonly [number, number])[][] = Array.from({ length: SPEAKER_TINTS }, () => []);
    for (const visible of editor.visibleRanges) {
      let first = visible.start.line;
      let last = visible.end.line;
      while (first > 0 && visible.start.line - first < 200 && !document.lineAt(first - 1).isEmptyOrWhitespace) first--;
      while (last < document.lineCount - 1 && last - visible.end.line < 200 && !document.lineAt(last + 1).isEmptyOrWhitespace) last++;
      const start = document.offsetAt(new vscode.Position(first, 0));
      const text = document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
      const plan = planHighlights(this.analyses.analyzeText(text), settings, start);
      for (const [type, ranges] of plan.entities) entities.set(type, [...(entities.get(type) ?? []), ...ranges]);
      plan.quotes.forEach((ranges, i) => quotes[i]?.push(...ranges));
    }
    return { entities, quotes };
  }

  private updateStatus(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (document && this.isLarge(document)) {
      this.status.text = `$(eye) ${vscode.l10n.t('Diplomat: visible part')}`;
      this.status.tooltip = vscode.l10n.t(
        'This statement is larger than diplomat.highlight.maxFileSize ({0} characters): people, countries and quotes are highlighted in the visible part only. The grammar colours the whole file.',
        this.settings(document).maxFileSize,
      );
      this.status.command = { command: 'workbench.action.openSettings', title: '', arguments: ['diplomat.highlight.maxFileSize'] };
      this.status.show();
    } else {
      this.status.hide();
    }
  }
}

/** A document's length in UTF-16 code units, without joining its text (it is asked on every scroll of a large file). */
function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
