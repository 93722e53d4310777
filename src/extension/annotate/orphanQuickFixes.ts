import * as vscode from 'vscode';

/** Quick fixes on the Problems-panel entries of orphaned annotations: re-attach to the selection, or delete. */
export class OrphanQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Diplomat' || typeof diagnostic.code !== 'string') continue;
      const reattach = new vscode.CodeAction(vscode.l10n.t('Re-attach to selection'), vscode.CodeActionKind.QuickFix);
      reattach.command = { command: 'diplomat.reattachAnnotation', title: reattach.title, arguments: [document.uri, diagnostic.code] };
      reattach.diagnostics = [diagnostic];
      const remove = new vscode.CodeAction(vscode.l10n.t('Delete annotation'), vscode.CodeActionKind.QuickFix);
      remove.command = { command: 'diplomat.removeAnnotation', title: remove.title, arguments: [document.uri, diagnostic.code] };
      remove.diagnostics = [diagnostic];
      actions.push(reattach, remove);
    }
    return actions;
  }
}
