import * as vscode from 'vscode';

import { describeFigureValue } from '../../core/format';
import type { AnalysisCache } from '../analysisCache';

const TYPE_NAMES = { PERSON: 'Person', COUNTRY: 'Country', ORG: 'Organisation', PLACE: 'Place' } as const;

/** Hovers on what the analyzer found: an entity, a figure, a quote (several when they nest, e.g. a figure in a quote). */
export class AnalysisHovers implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.analyses.get(document);
    const offset = document.offsetAt(position);
    const at = <T extends { start: number; end: number }>(spans: readonly T[]) => spans.find((s) => s.start <= offset && offset < s.end);
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const cover = (span: { start: number; end: number }) => {
      const r = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
      range = range ? range.intersection(r) ?? r : r;
    };

    const entity = at(analysis.entities);
    if (entity) {
      const mentions = analysis.entities.filter((e) => e.canonical === entity.canonical && e.type === entity.type).length;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${vscode.l10n.t(TYPE_NAMES[entity.type])}** · `).appendText(entity.canonical);
      md.appendMarkdown(`\n\n${vscode.l10n.t('{0} mentions in this text', mentions)} · ${vscode.l10n.t('found by rule')} \`${entity.rule}\``);
      parts.push(md);
      cover(entity);
    }
    const figure = at(analysis.figures);
    if (figure) {
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${vscode.l10n.t('Figure')}** (${figure.kind}) · `).appendText(describeFigureValue(figure));
      const details = [
        figure.qualifier ? `${vscode.l10n.t('qualifier')}: ${figure.qualifier}` : undefined,
        figure.counted ? `${vscode.l10n.t('counted')}: ${figure.counted}` : undefined,
        `${vscode.l10n.t('rule')} \`${figure.rule}\``,
      ].filter(Boolean);
      md.appendMarkdown(`\n\n${details.join(' · ')}`);
      parts.push(md);
      cover(figure);
    }
    const quote = at(analysis.quotes);
    if (quote) {
      const speaker = analysis.speakers.find((s) => s.id === quote.speaker);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${vscode.l10n.t('Quote')}** (${quote.kind}) · `).appendText(speaker ? speaker.name : vscode.l10n.t('speaker unknown'));
      if (quote.cue) md.appendMarkdown(` · ${vscode.l10n.t('cue')}: `).appendText(`“${quote.cue.text}”`);
      parts.push(md);
      if (!range) cover(quote);
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}
