import * as vscode from 'vscode';

import type { Log } from '../log';
import { Disposable } from '../util/dispose';

/** The language id contributed in package.json. */
export const STATEMENT_LANGUAGE = 'statement';

const GLOB_SETTING = 'statementFiles';

/**
 * Lets plain-text transcripts be read as statements without renaming them: the command
 * `diplomat.openAsStatement` switches one document, and the `diplomat.statementFiles` glob patterns switch every
 * matching document when it opens.
 */
export class StatementLanguage extends Disposable {
  /**
   * Documents switched by the glob setting in this session. Changing a document's language closes and reopens it,
   * so without this a user who switches a matched file back to plain text would be overruled at once.
   */
  private readonly switchedByGlob = new Set<string>();

  constructor(
    private readonly log: Log,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this._register(vscode.commands.registerCommand('diplomat.openSample', () => this.openSample()));
    this._register(vscode.commands.registerCommand('diplomat.openAsStatement', (uri?: unknown) => this.openAsStatement(uri)));
    this._register(vscode.workspace.onDidOpenTextDocument((document) => void this.applyGlobs(document)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(`diplomat.${GLOB_SETTING}`)) return;
        this.switchedByGlob.clear();
        this.applyGlobsToOpenDocuments();
      }),
    );
    this.applyGlobsToOpenDocuments();
  }

  /**
   * Switches a document to the statement language: the one `target` names (a URI from the editor title menu), else
   * the active editor's. Resolves to the switched document, or undefined when there was none.
   */
  async openAsStatement(target?: unknown): Promise<vscode.TextDocument | undefined> {
    const document =
      target instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(target)
        : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a text file first, then run "Diplomat: Open as Statement" to read it as a statement.'),
      );
      return undefined;
    }
    if (document.languageId === STATEMENT_LANGUAGE) return document;
    const switched = await vscode.languages.setTextDocumentLanguage(document, STATEMENT_LANGUAGE);
    this.log.info(`Reading ${switched.uri.toString(true)} as a statement`);
    return switched;
  }

  /** Opens the sample press release shipped with the extension, as an untitled statement the user may edit freely. */
  async openSample(): Promise<vscode.TextEditor> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'samples', 'press-release.statement'));
    const document = await vscode.workspace.openTextDocument({ language: STATEMENT_LANGUAGE, content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document);
  }

  private applyGlobsToOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) void this.applyGlobs(document);
  }

  private async applyGlobs(document: vscode.TextDocument): Promise<void> {
    if (document.languageId === STATEMENT_LANGUAGE || !isUserFile(document.uri)) return;
    const key = document.uri.toString();
    if (this.switchedByGlob.has(key)) return;
    const patterns = vscode.workspace.getConfiguration('diplomat', document.uri).get<string[]>(GLOB_SETTING, []);
    // languages.match applies VS Code's own glob semantics, the same as files.associations.
    if (!patterns.some((pattern) => pattern && vscode.languages.match({ pattern }, document) > 0)) return;
    this.switchedByGlob.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, STATEMENT_LANGUAGE);
    } catch (error) {
      this.log.error(`Could not read ${document.uri.toString(true)} as a statement`, error);
    }
  }
}

/** Files a user opened, as opposed to output channels, git views and other virtual documents. */
function isUserFile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' || uri.scheme === 'vscode-remote' || uri.scheme === 'untitled' || uri.scheme === 'vscode-vfs';
}
