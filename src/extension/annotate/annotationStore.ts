import * as vscode from 'vscode';

import type { Annotation, Sidecar, TextChange } from '../../core/annotations';
import {
  SIDECAR_SUFFIX, SidecarError, applyChanges, emptySidecar, mergeSidecars, parseSidecar, reanchorAnnotations,
  serializeSidecar, sidecarName,
} from '../../core/annotations';
import type { Log } from '../log';
import type { Platform } from '../platform';
import { Disposable } from '../util/dispose';
import { Signal } from '../util/signal';
import { fileSize, readTextFile, sha256Hex, writeTextFileAtomic } from '../util/fileSystem';

/** Sidecars above this size are refused unread (a hostile or broken file); the core checks again after reading. */
const MAX_SIDECAR_BYTES = 5 * 1024 * 1024;

/** The annotations of one open text, as they stand against the document's current text (UTF-16 offsets). */
export interface AnnotatedText {
  readonly textUri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** Current state; offsets follow the document as it is edited. */
  sidecar: Sidecar;
  /** The sidecar as last read from or written to disk: the base of three-way merges. */
  base: Sidecar | undefined;
  /** The YAML last read or written: rewritten in place so that comments survive, and recognises our own writes. */
  diskYaml: string | undefined;
  /** Set when the sidecar cannot be used: its annotations are then read-only and the file is never written. */
  problem: SidecarError | undefined;
  /** In-memory changes not yet on disk (they are written on the next save of the text). */
  dirty: boolean;
}

/** Thrown by `update` on a text whose sidecar is read-only because it could not be read. */
export class ReadOnlySidecarError extends Error {}

/**
 * Owns the annotations of open texts: loads each sidecar when its text is first needed, re-anchors it against the
 * current text, follows edits live, writes the sidecar on each annotation command and on each save of the text,
 * and reloads (merging by id) when the sidecar changes on disk.
 */
export class AnnotationStore extends Disposable {
  private readonly entries = new Map<string, Promise<AnnotatedText>>();
  readonly changed = this._register(new Signal<AnnotatedText>());
  readonly onDidChange = this.changed.event;
  private readonly problemShown = new Set<string>();

  constructor(
    private readonly log: Log,
    private readonly platform: Platform,
  ) {
    super();
    this._register(vscode.workspace.onDidChangeTextDocument((event) => void this.followEdit(event)));
    this._register(vscode.workspace.onDidSaveTextDocument((document) => void this.saveIfDirty(document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => {
      // A late close of a text already opened again must not drop the entry the new document is using.
      const key = document.uri.toString();
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.entries.delete(key);
    }));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    this._register(watcher.onDidChange((uri) => void this.sidecarChangedOnDisk(uri)));
    this._register(watcher.onDidCreate((uri) => void this.sidecarChangedOnDisk(uri)));
  }

  /** The sidecar beside a text: `NAME.EXT.diplomat.yaml` for `NAME.EXT`. */
  static sidecarUriFor(textUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(textUri, '..', sidecarName(baseName(textUri)));
  }

  /** Loaded entries (for decorations and diagnostics). */
  async loaded(): Promise<AnnotatedText[]> {
    return Promise.all(this.entries.values());
  }

  /** The annotations of `document`, loading and re-anchoring its sidecar the first time. */
  get(document: vscode.TextDocument): Promise<AnnotatedText> {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.load(document);
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }

  /**
   * Changes the annotations of `document` with `change` (given the current sidecar and text) and writes the sidecar
   * at once. Throws `ReadOnlySidecarError` when the sidecar could not be read: it is then never overwritten.
   */
  async update(document: vscode.TextDocument, change: (sidecar: Sidecar, text: string) => Sidecar): Promise<AnnotatedText> {
    const entry = await this.get(document);
    if (entry.problem) {
      throw new ReadOnlySidecarError(
        vscode.l10n.t('The annotations of {0} are read-only: {1}', baseName(document.uri), entry.problem.message),
      );
    }
    entry.sidecar = change(entry.sidecar, document.getText());
    entry.dirty = true;
    await this.write(entry, document);
    this.changed.fire(entry);
    return entry;
  }

  private async load(document: vscode.TextDocument): Promise<AnnotatedText> {
    const sidecarUri = AnnotationStore.sidecarUriFor(document.uri);
    const text = document.getText();
    const entry: AnnotatedText = {
      textUri: document.uri,
      sidecarUri,
      sidecar: emptySidecar(baseName(document.uri), '', text.length),
      base: undefined,
      diskYaml: undefined,
      problem: undefined,
      dirty: false,
    };
    try {
      const size = await fileSize(sidecarUri);
      if (size !== undefined && size > MAX_SIDECAR_BYTES) {
        throw new SidecarError('too-large', vscode.l10n.t('the sidecar is {0} MB, more than the {1} MB allowed', (size / 1e6).toFixed(1), MAX_SIDECAR_BYTES / 1024 / 1024));
      }
      const yaml = size === undefined ? undefined : await readTextFile(sidecarUri);
      if (yaml !== undefined) {
        const sidecar = parseSidecar(yaml);
        entry.diskYaml = yaml;
        entry.base = sidecar;
        entry.sidecar = sidecar.sha256 === (await sha256Hex(text)) ? sidecar : { ...sidecar, annotations: reanchorAnnotations(sidecar.annotations, text) };
        const orphans = entry.sidecar.annotations.filter((a) => a.state === 'orphaned').length;
        this.log.info(`Loaded ${sidecar.annotations.length} annotations of ${document.uri.toString(true)}${orphans ? ` (${orphans} orphaned)` : ''}`);
      }
    } catch (error) {
      entry.problem = error instanceof SidecarError ? error : new SidecarError('syntax', error instanceof Error ? error.message : String(error));
      this.reportProblem(entry);
    }
    return entry;
  }

  private reportProblem(entry: AnnotatedText): void {
    const key = entry.sidecarUri.toString();
    this.log.error(`Sidecar ${entry.sidecarUri.toString(true)} cannot be used (${entry.problem?.kind})`, entry.problem);
    if (this.problemShown.has(key)) return;
    this.problemShown.add(key);
    const open = vscode.l10n.t('Open Sidecar');
    const message = vscode.l10n.t(
      'The annotations of {0} cannot be read: {1}. They are shown read-only and the sidecar will not be overwritten.',
      baseName(entry.textUri),
      entry.problem?.message ?? '',
    );
    void vscode.window.showErrorMessage(message, open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(entry.sidecarUri);
    });
  }

  private async followEdit(event: vscode.TextDocumentChangeEvent): Promise<void> {
    const pending = this.entries.get(event.document.uri.toString());
    if (!pending || event.contentChanges.length === 0) return;
    const entry = await pending;
    const before = entry.sidecar.annotations;
    if (before.length === 0) return;
    const text = event.document.getText();
    const fromDisk = !event.document.isDirty && event.reason === undefined;
    let annotations: Annotation[];
    if (fromDisk) {
      // The text was reloaded after a change outside the editor (another program, git checkout): VS Code applies
      // it as a line diff, which would orphan every rewritten line; finding each passage again does better.
      annotations = reanchorAnnotations(before, text);
    } else {
      const changes: TextChange[] = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      annotations = applyChanges(before, changes, text);
    }
    entry.sidecar = { ...entry.sidecar, annotations };
    entry.dirty = !entry.problem;
    if (fromDisk) await this.saveIfDirty(event.document);
    this.changed.fire(entry);
  }

  private async saveIfDirty(document: vscode.TextDocument): Promise<void> {
    const pending = this.entries.get(document.uri.toString());
    if (!pending) return;
    const entry = await pending;
    if (entry.dirty && !entry.problem) await this.write(entry, document);
  }

  private async write(entry: AnnotatedText, document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    entry.sidecar = { ...entry.sidecar, source: baseName(document.uri), sha256: await sha256Hex(text), length: text.length };
    const yaml = serializeSidecar(entry.sidecar, entry.diskYaml);
    if (yaml !== entry.diskYaml) {
      await writeTextFileAtomic(entry.sidecarUri, yaml, this.platform);
      this.log.info(`Wrote ${entry.sidecar.annotations.length} annotations to ${entry.sidecarUri.toString(true)}`);
    }
    entry.diskYaml = yaml;
    entry.base = entry.sidecar;
    entry.dirty = false;
  }

  private async sidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    for (const [key, pending] of this.entries) {
      const entry = await pending;
      if (entry.sidecarUri.toString() !== sidecarUri.toString()) continue;
      const yaml = await readTextFile(sidecarUri);
      if (yaml === undefined || yaml === entry.diskYaml) return; // our own write, or gone
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (!document) return;
      try {
        const disk = parseSidecar(yaml);
        const text = document.getText();
        const merged = mergeSidecars(entry.base ?? emptySidecar(disk.source, '', 0), entry.sidecar, disk);
        entry.sidecar = { ...merged, annotations: reanchorAnnotations(merged.annotations, text) };
        entry.diskYaml = yaml;
        entry.base = disk;
        entry.problem = undefined;
        entry.dirty = entry.dirty || merged !== disk;
        this.log.info(`Reloaded ${sidecarUri.toString(true)} after a change on disk`);
      } catch (error) {
        entry.problem = error instanceof SidecarError ? error : new SidecarError('syntax', String(error));
        entry.diskYaml = yaml;
        this.problemShown.delete(sidecarUri.toString());
        this.reportProblem(entry);
      }
      this.changed.fire(entry);
      return;
    }
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
