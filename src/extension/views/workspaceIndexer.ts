import * as vscode from 'vscode';

import { CorpusIndex } from '../../core/corpus';
import type { AnalysisCache } from '../analysisCache';
import type { Log } from '../log';
import { Disposable } from '../util/dispose';

/** Files of the statement language, besides those the user's `diplomat.statementFiles` globs add. */
const STATEMENT_GLOB = '**/*.{statement,transcript}';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** Watcher events arrive in bursts (a git checkout); the views are told once the burst has settled. */
const CHANGE_DEBOUNCE_MS = 300;

export type IndexState = 'idle' | 'indexing' | 'ready' | 'cancelled';

/**
 * Indexes every statement file of the workspace in the background — with a cancellable progress notification,
 * yielding between files so the extension host stays responsive — and keeps the index current with a file watcher.
 * Started the first time the workspace scope is shown.
 */
export class WorkspaceIndexer extends Disposable {
  readonly index = new CorpusIndex();
  private readonly uris = new Map<string, vscode.Uri>();
  private status: IndexState = 'idle';
  private run: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly analyses: AnalysisCache,
    private readonly log: Log,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register(analyses.onDidChange(() => {
      if (this.status !== 'idle') void this.reindex();
    }));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('diplomat.statementFiles') && this.status !== 'idle') void this.reindex();
    }));
  }

  get state(): IndexState {
    return this.status;
  }

  /** The file of an indexed path (as the index names it: relative to the workspace). */
  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  /** Indexes the workspace if that has not been done yet; resolves when it is done or cancelled. */
  ensureStarted(): Promise<void> {
    if (this.run) return this.run;
    // Set before indexing starts: the first progress event makes the views ask for the index again.
    let started!: () => void;
    this.run = new Promise<void>((resolve) => (started = resolve)).then(() => this.indexAll());
    this.watch();
    started();
    return this.run;
  }

  /** Drops the index and builds it again (after a registry or settings change, or from the Refresh button). */
  reindex(): Promise<void> {
    if (!this.run) return this.ensureStarted();
    for (const path of [...this.uris.keys()]) this.index.delete(path);
    this.uris.clear();
    this.run = this.run.then(() => this.indexAll());
    return this.run;
  }

  private watch(): void {
    const patterns = [STATEMENT_GLOB, ...vscode.workspace.getConfiguration('diplomat').get<string[]>('statementFiles', [])];
    for (const pattern of patterns) {
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(pattern));
      this._register(watcher.onDidCreate((uri) => void this.indexFile(uri).then(() => this.scheduleChange())));
      this._register(watcher.onDidChange((uri) => void this.indexFile(uri).then(() => this.scheduleChange())));
      this._register(watcher.onDidDelete((uri) => {
        const path = vscode.workspace.asRelativePath(uri);
        this.index.delete(path);
        this.uris.delete(path);
        this.scheduleChange();
      }));
    }
  }

  private async files(): Promise<vscode.Uri[]> {
    const globs = vscode.workspace.getConfiguration('diplomat').get<string[]>('statementFiles', []);
    const found = await Promise.all([STATEMENT_GLOB, ...globs].map((g) => vscode.workspace.findFiles(g, EXCLUDE)));
    const unique = new Map(found.flat().map((u) => [u.toString(), u]));
    return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  private async indexAll(): Promise<void> {
    this.status = 'indexing';
    this.changed.fire();
    const started = Date.now();
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Diplomat: indexing statements'), cancellable: true },
      async (progress, token) => {
        const files = await this.files();
        const step = files.length ? 100 / files.length : 100;
        for (const [i, uri] of files.entries()) {
          if (token.isCancellationRequested || this.isDisposed) return true;
          progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: step });
          await this.indexFile(uri);
          // Give other work in the extension host (hovers, commands) a turn between files.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return false;
      },
    );
    this.status = cancelled ? 'cancelled' : 'ready';
    this.log.info(`Workspace index ${this.status}: ${this.index.documents().length} statements in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  private async indexFile(uri: vscode.Uri): Promise<void> {
    try {
      const [bytes, stat] = await Promise.all([vscode.workspace.fs.readFile(uri), vscode.workspace.fs.stat(uri)]);
      const text = new TextDecoder('utf-8').decode(bytes);
      if (text.includes('\0')) return;
      const path = vscode.workspace.asRelativePath(uri);
      this.uris.set(path, uri);
      this.index.set(path, text, this.analyses.analyzeText(text), new Date(stat.mtime).toISOString().slice(0, 10));
    } catch (error) {
      this.log.error(`Could not index ${uri.toString(true)}`, error);
    }
  }

  private scheduleChange(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), CHANGE_DEBOUNCE_MS);
  }
}
