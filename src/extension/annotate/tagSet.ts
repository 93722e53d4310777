import * as vscode from 'vscode';

import type { TagDefinition } from '../../core/annotations';
import { DEFAULT_TAGS, TAGS_FILE, addTagToYaml, defaultTagsYaml, parseTags } from '../../core/annotations';
import type { Log } from '../log';
import type { Platform } from '../platform';
import { Disposable } from '../util/dispose';
import { readTextFile, writeTextFileAtomic } from '../util/fileSystem';

const RECENT_KEY = 'diplomat.recentTags';
const RECENT_LIMIT = 20;

/**
 * The tag set of each workspace folder, from `.diplomat/tags.yaml` (created with the defaults on first use and
 * editable by hand; changes on disk apply at once). Documents outside any folder use the defaults.
 */
export class TagSet extends Disposable {
  private readonly byFolder = new Map<string, TagDefinition[]>();
  private readonly reported = new Set<string>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: Log,
    private readonly platform: Platform,
  ) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${TAGS_FILE}`));
    const reload = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) return;
      this.byFolder.delete(folder.uri.toString());
      this.reported.delete(folder.uri.toString());
      void this.load(folder).then(() => this.changed.fire());
    };
    this._register(watcher.onDidChange(reload));
    this._register(watcher.onDidCreate(reload));
    this._register(watcher.onDidDelete(reload));
  }

  /** Every tag known for `uri`'s folder: loaded once, then kept current by the watcher. */
  async tagsFor(uri: vscode.Uri): Promise<readonly TagDefinition[]> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return DEFAULT_TAGS;
    return this.byFolder.get(folder.uri.toString()) ?? (await this.load(folder));
  }

  /** All tags loaded so far, for decorations (names are unique per folder; the first colour of a name wins). */
  allLoaded(): TagDefinition[] {
    const seen = new Map<string, TagDefinition>(DEFAULT_TAGS.map((t) => [t.name, t]));
    for (const tags of this.byFolder.values()) for (const t of tags) if (!seen.has(t.name)) seen.set(t.name, t);
    return [...seen.values()];
  }

  /** Creates `.diplomat/tags.yaml` with the defaults if the folder has none; called when a user first tags. */
  async ensureFile(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const file = vscode.Uri.joinPath(folder.uri, TAGS_FILE);
    if ((await readTextFile(file)) !== undefined) return;
    await writeTextFileAtomic(file, defaultTagsYaml(), this.platform);
    this.log.info(`Created the tag set ${file.toString(true)}`);
  }

  /** Adds a tag to the folder's tag set (keeping the file's comments) and resolves to its definition. */
  async addTag(uri: vscode.Uri, name: string): Promise<TagDefinition> {
    const tags = await this.tagsFor(uri);
    const existing = tags.find((t) => t.name === name);
    if (existing) return existing;
    const palette = DEFAULT_TAGS.map((t) => t.color);
    const tag: TagDefinition = { name, color: palette[tags.length % palette.length] ?? '#888888', description: '' };
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) {
      await this.ensureFile(uri);
      const file = vscode.Uri.joinPath(folder.uri, TAGS_FILE);
      await writeTextFileAtomic(file, addTagToYaml((await readTextFile(file)) ?? defaultTagsYaml(), tag), this.platform);
      this.byFolder.set(folder.uri.toString(), [...tags, tag]);
      this.changed.fire();
    }
    return tag;
  }

  /** Tag names in the order the user last used them, most recent first. */
  recent(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  async noteUsed(names: readonly string[]): Promise<void> {
    const recent = [...names, ...this.recent().filter((n) => !names.includes(n))].slice(0, RECENT_LIMIT);
    await this.state.update(RECENT_KEY, recent);
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<TagDefinition[]> {
    const file = vscode.Uri.joinPath(folder.uri, TAGS_FILE);
    const key = folder.uri.toString();
    let tags: TagDefinition[] = [...DEFAULT_TAGS];
    try {
      const text = await readTextFile(file);
      if (text !== undefined) tags = parseTags(text);
    } catch (error) {
      this.log.error(`Could not read ${file.toString(true)}`, error);
      if (!this.reported.has(key)) {
        this.reported.add(key);
        const open = vscode.l10n.t('Open tags.yaml');
        const message = vscode.l10n.t('The tag set {0} could not be read ({1}); the default tags are used until it is fixed.', TAGS_FILE, error instanceof Error ? error.message : String(error));
        void vscode.window.showWarningMessage(message, open).then((choice) => {
          if (choice === open) void vscode.window.showTextDocument(file);
        });
      }
    }
    this.byFolder.set(key, tags);
    return tags;
  }
}
