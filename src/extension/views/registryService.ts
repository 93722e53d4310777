import * as vscode from 'vscode';

import type { EntityRegistry } from '../../core/corpus';
import { REGISTRY_FILE, emptyRegistry, parseRegistry } from '../../core/corpus';
import type { Log } from '../log';
import type { Platform } from '../platform';
import { Disposable } from '../util/dispose';
import { Signal } from '../util/signal';
import { readTextFile, writeTextFileAtomic } from '../util/fileSystem';

/**
 * The entity registry `.diplomat/entities.yaml` of the first workspace folder: corrections (merges, renames,
 * aliases, ignored detections) that apply to every text. Reloaded when the file changes; a broken file is reported
 * once and ignored until fixed, never overwritten.
 */
export class RegistryService extends Disposable {
  private current: EntityRegistry = emptyRegistry();
  private problem: string | undefined;
  readonly changed = this._register(new Signal<void>());
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;

  constructor(
    private readonly log: Log,
    private readonly platform: Platform,
  ) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${REGISTRY_FILE}`));
    const reload = () => void this.load().then(() => this.changed.fire());
    this._register(watcher.onDidChange(reload));
    this._register(watcher.onDidCreate(reload));
    this._register(watcher.onDidDelete(reload));
    // Saving the registry in an editor is the usual way to change it; do not wait for the file watcher, whose
    // events can lag far behind on a busy machine.
    this._register(vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.toString() === this.file()?.toString()) reload();
    }));
    this.ready = this.load();
  }

  get registry(): EntityRegistry {
    return this.current;
  }

  private file(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, REGISTRY_FILE);
  }

  private async load(): Promise<void> {
    const file = this.file();
    if (!file) return;
    try {
      const text = await readTextFile(file);
      this.current = text === undefined ? emptyRegistry() : parseRegistry(text);
      this.problem = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`Could not read ${file.toString(true)}`, error);
      if (this.problem !== message) {
        this.problem = message;
        const open = vscode.l10n.t('Open entities.yaml');
        void vscode.window.showWarningMessage(vscode.l10n.t('The entity registry {0} could not be read: {1}. It is ignored until fixed.', REGISTRY_FILE, message), open).then((c) => {
          if (c === open) void vscode.window.showTextDocument(file);
        });
      }
    }
  }

  /** Applies an edit to the registry file (creating it when missing) and reloads it. */
  async edit(change: (yaml: string) => string): Promise<void> {
    const file = this.file();
    if (!file) throw new Error(vscode.l10n.t('Open a folder first: the entity registry lives in its {0}.', REGISTRY_FILE));
    if (this.problem) throw new Error(vscode.l10n.t('Fix {0} first: {1}', REGISTRY_FILE, this.problem));
    const before = (await readTextFile(file)) ?? '';
    await writeTextFileAtomic(file, change(before), this.platform);
    await this.load();
    this.changed.fire();
  }
}
