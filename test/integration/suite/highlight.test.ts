import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { DiplomatApi } from '../../../src/extension/extension';
import type { HighlightPlan, PaintEvent } from '../../../src/extension/highlight/highlighter';
import { closeAllEditors, fixture } from './helpers';

async function api(): Promise<DiplomatApi> {
  const extension = vscode.extensions.getExtension<DiplomatApi>('diplomat.diplomat');
  assert.ok(extension);
  return extension.activate();
}

/** Opens `uri` and resolves to the first highlight plan painted for it. */
async function openAndWaitForPaint(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; plan: HighlightPlan }> {
  const { onDidHighlight } = await api();
  assert.ok(onDidHighlight, 'highlighting started');
  const painted = new Promise<PaintEvent>((resolve) => {
    const listener = onDidHighlight((event) => {
      if (event.editor.document.uri.toString() === uri.toString() && event.plan.entities.size > 0) {
        listener.dispose();
        resolve(event);
      }
    });
  });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return painted;
}

function texts(editor: vscode.TextEditor, ranges: readonly (readonly [number, number])[] | undefined): string[] {
  const document = editor.document;
  return (ranges ?? []).map(([s, e]) => document.getText(new vscode.Range(document.positionAt(s), document.positionAt(e))));
}

suite('Highlighting: analysis-driven decorations and hovers in a real VS Code', () => {
  teardown(closeAllEditors);

  test('people, countries and organisations are painted at their ranges, quotes tinted by speaker', async () => {
    const { editor, plan } = await openAndWaitForPaint(fixture('visit.statement'));
    const people = texts(editor, plan.entities.get('PERSON'));
    const countries = texts(editor, plan.entities.get('COUNTRY'));
    assert.ok(people.includes('Kassym-Jomart Tokayev'), people.join(' | '));
    assert.ok(people.includes('Matthias Brandt'), people.join(' | '));
    assert.ok(countries.includes('Kazakhstan') && countries.includes('Germany'), countries.join(' | '));
    assert.ok(texts(editor, plan.entities.get('ORG')).includes('European Union'));
    const tinted = plan.quotes.map((ranges) => texts(editor, ranges));
    const tokayev = tinted.findIndex((quotes) => quotes.some((q) => q.startsWith('Over the past ten years')));
    const brandt = tinted.findIndex((quotes) => quotes.some((q) => q.startsWith('We see Kazakhstan')));
    assert.ok(tokayev >= 0 && brandt >= 0, JSON.stringify(tinted));
    assert.notEqual(tokayev, brandt, 'two speakers, two tints');
    assert.ok(tinted[tokayev]?.some((q) => q.startsWith('We are ready')), 'the pronoun-attributed quote has its speaker’s tint');
  });

  test('switching a category off removes it from the next paint', async () => {
    const config = vscode.workspace.getConfiguration('diplomat.highlight');
    await config.update('countries', false, vscode.ConfigurationTarget.Workspace);
    try {
      const { plan } = await openAndWaitForPaint(fixture('visit.statement'));
      assert.equal(plan.entities.has('COUNTRY'), false);
      assert.ok(plan.entities.has('PERSON'));
    } finally {
      await config.update('countries', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('hovers name the entity, the figure value and the quote speaker', async () => {
    const { editor } = await openAndWaitForPaint(fixture('visit.statement'));
    const hoverAt = async (needle: string, inside = 1) => {
      const at = editor.document.getText().indexOf(needle) + inside;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at));
      // appendText encodes spaces as &nbsp; so that Markdown keeps them; compare the text as rendered.
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
    };
    const person = await hoverAt('Matthias Brandt at');
    assert.match(person, /\*\*Person\*\* · Matthias Brandt/);
    assert.match(person, /mentions in this text/);
    const figure = await hoverAt('$ 6.2 billion', 3);
    assert.match(figure, /\*\*Figure\*\* \(money\) · 6\.2 billion USD/);
    assert.match(figure, /qualifier: more than/);
    assert.match(figure, /\*\*Quote\*\* \(quoted\) · Kassym-Jomart Tokayev · cue: “said”/);
  });
});
