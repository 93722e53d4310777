// Benchmark module run inside VS Code's extension host (as an extensionTestsPath): opens a large statement and
// measures the time until it is shown and until Diplomat's analysis-driven decorations are applied.
import { writeFileSync } from 'node:fs';

import * as vscode from 'vscode';

import type { DiplomatApi } from '../../../src/extension/extension';

export async function run(): Promise<void> {
  const file = process.env.DIPLOMAT_BENCH_FILE;
  const out = process.env.DIPLOMAT_BENCH_RESULTS;
  if (!file || !out) throw new Error('DIPLOMAT_BENCH_FILE and DIPLOMAT_BENCH_RESULTS must be set');
  const api = await vscode.extensions.getExtension<DiplomatApi>('diplomat.diplomat')?.activate();
  if (!api?.onDidHighlight) throw new Error('Diplomat highlighting did not start');
  const uri = vscode.Uri.file(file).with({ scheme: vscode.workspace.workspaceFolders?.[0]?.uri.scheme ?? 'file', authority: vscode.workspace.workspaceFolders?.[0]?.uri.authority ?? '' });
  const t0 = Date.now();
  const painted = new Promise<number>((resolve) => {
    const listener = api.onDidHighlight?.((event) => {
      if (event.editor.document.uri.path === uri.path && event.plan.entities.size > 0) {
        listener?.dispose();
        resolve(Date.now());
      }
    });
  });
  const document = await vscode.workspace.openTextDocument(uri);
  const opened = Date.now();
  await vscode.window.showTextDocument(document);
  const shown = Date.now();
  const decorated = await Promise.race([painted, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 60_000))]);
  writeFileSync(out, JSON.stringify({
    vscodeVersion: vscode.version,
    characters: document.getText().length,
    languageId: document.languageId,
    openMs: opened - t0,
    shownMs: shown - t0,
    decoratedMs: decorated - t0,
  }));
}
