import * as vscode from 'vscode';

import type { Annotation } from '../../core/annotations';
import { addAnnotation, annotationsAt, reattachAnnotation, removeAnnotation, updateAnnotation } from '../../core/annotations';
import type { Log } from '../log';
import type { Platform } from '../platform';
import { describeError } from '../log';
import { Disposable } from '../util/dispose';
import type { AnnotationStore } from './annotationStore';
import { ReadOnlySidecarError } from './annotationStore';
import { isAnnotationRow } from '../views/annotationsView';
import { currentAuthor } from './author';
import type { TagSet } from './tagSet';

/** Arguments a keybinding or another extension may pass to `diplomat.tagSelection` to skip the pick. */
interface TagArgs {
  readonly tags?: readonly string[];
  readonly note?: string;
}

const NEW_TAG = Symbol('new tag');

/** The palette commands that create, edit, remove and move between annotations. */
export class AnnotationCommands extends Disposable {
  constructor(
    private readonly store: AnnotationStore,
    private readonly tags: TagSet,
    private readonly log: Log,
    private readonly platform: Platform,
  ) {
    super();
    const register = (id: string, run: (...args: never[]) => Promise<unknown>) =>
      this._register(vscode.commands.registerCommand(id, (...args: never[]) => this.guard(id, () => run(...args))));
    register('diplomat.tagSelection', (args?: TagArgs) => this.tagSelection(args));
    register('diplomat.addNote', () => this.addNote());
    register('diplomat.editAnnotation', () => this.editAtCursor());
    // From the Problems quick fixes: (uri, id); from the Annotations view's menus: the row.
    register('diplomat.removeAnnotation', (uri?: unknown, id?: string) => (isAnnotationRow(uri) ? this.remove(uri.uri, uri.annotationId) : this.remove(uri as vscode.Uri | undefined, id)));
    register('diplomat.nextAnnotation', () => this.move(1));
    register('diplomat.previousAnnotation', () => this.move(-1));
    register('diplomat.tagAllOccurrences', (args?: TagArgs) => this.tagAllOccurrences(args));
    register('diplomat.showSidecar', () => this.showSidecar());
    register('diplomat.reattachAnnotation', (uri?: unknown, id?: string) => (isAnnotationRow(uri) ? this.reattach(uri.uri, uri.annotationId) : this.reattach(uri as vscode.Uri | undefined, id)));
  }

  /** Runs a command; shows one clear sentence on failure and logs the details. */
  private async guard(id: string, run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ReadOnlySidecarError) {
        void vscode.window.showErrorMessage(error.message);
        return undefined;
      }
      this.log.error(`${id} failed`, error);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(vscode.l10n.t('Diplomat: {0} failed: {1}', id, error instanceof Error ? error.message : describeError(error)), showLog).then((c) => {
        if (c === showLog) this.log.show();
      });
      return undefined;
    }
  }

  private editor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Open a statement and select a passage first.'));
    return editor;
  }

  private async tagSelection(args?: TagArgs): Promise<string[] | undefined> {
    const editor = this.editor();
    if (!editor) return undefined;
    const selections = editor.selections.filter((s) => !s.isEmpty);
    if (selections.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage to tag first.'));
      return undefined;
    }
    const tags = args?.tags ?? (await this.pickTags(editor.document.uri, []));
    if (!tags || tags.length === 0) return undefined;
    return this.annotate(editor, selections, tags, args?.note ?? '');
  }

  private async tagAllOccurrences(args?: TagArgs): Promise<string[] | undefined> {
    const editor = this.editor();
    if (!editor) return undefined;
    const phrase = editor.document.getText(editor.selection);
    if (!phrase.trim()) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the words to tag everywhere in this text first.'));
      return undefined;
    }
    const text = editor.document.getText();
    const ranges: vscode.Range[] = [];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      ranges.push(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + phrase.length)));
    }
    const tags = args?.tags ?? (await this.pickTags(editor.document.uri, [], vscode.l10n.t('Tag all {0} occurrences of “{1}”', ranges.length, phrase)));
    if (!tags || tags.length === 0) return undefined;
    return this.annotate(editor, ranges, tags, args?.note ?? '');
  }

  private async annotate(editor: vscode.TextEditor, ranges: readonly vscode.Range[], tags: readonly string[], note: string): Promise<string[]> {
    const document = editor.document;
    await this.tags.ensureFile(document.uri);
    const author = await currentAuthor(this.platform);
    const ids: string[] = [];
    await this.store.update(document, (sidecar, text) => {
      let current = sidecar;
      for (const range of ranges) {
        const added = addAnnotation(current, text, { start: document.offsetAt(range.start), end: document.offsetAt(range.end), tags, note, author });
        current = added.sidecar;
        ids.push(added.annotation.id);
      }
      return current;
    });
    await this.tags.noteUsed(tags);
    return ids;
  }

  /** Multi-select quick pick of the tag set, recently used first, with "New tag…" to add one inline. */
  private async pickTags(uri: vscode.Uri, selected: readonly string[], title?: string): Promise<string[] | undefined> {
    const defined = await this.tags.tagsFor(uri);
    const recent = this.tags.recent();
    const rank = (name: string) => {
      const i = recent.indexOf(name);
      return i < 0 ? recent.length : i;
    };
    const ordered = [...defined].sort((a, b) => rank(a.name) - rank(b.name));
    type Item = vscode.QuickPickItem & { tag?: string; action?: typeof NEW_TAG };
    const quickPick = vscode.window.createQuickPick<Item>();
    try {
      quickPick.title = title ?? vscode.l10n.t('Tag Selection');
      quickPick.placeholder = vscode.l10n.t('Pick tags (Space to check, Enter to apply); type a new name to create a tag');
      quickPick.canSelectMany = true;
      const items: Item[] = ordered.map((t) => ({ label: t.name, description: t.description, tag: t.name }));
      const newItem: Item = { label: `$(add) ${vscode.l10n.t('New tag…')}`, action: NEW_TAG, alwaysShow: true };
      quickPick.items = [...items, newItem];
      quickPick.selectedItems = items.filter((i) => i.tag && selected.includes(i.tag));
      const accepted = await new Promise<readonly Item[] | undefined>((resolve) => {
        quickPick.onDidAccept(() => {
          // Enter with nothing checked takes the highlighted row, else the first row the typed text matches, so
          // one tag needs no Space; typed text that matches no tag offers to create it.
          const typed = quickPick.value.trim().toLowerCase();
          const firstMatch = items.find((i) => typed && i.label.toLowerCase().includes(typed));
          const chosen = quickPick.selectedItems.length
            ? quickPick.selectedItems
            : quickPick.activeItems.length
              ? quickPick.activeItems
              : firstMatch ? [firstMatch] : typed ? [newItem] : [];
          resolve(chosen);
        });
        quickPick.onDidHide(() => resolve(undefined));
        quickPick.show();
      });
      if (!accepted) return undefined;
      const names = accepted.flatMap((i) => (i.tag ? [i.tag] : []));
      if (accepted.some((i) => i.action === NEW_TAG)) {
        const typed = quickPick.value.trim();
        quickPick.hide();
        const name = await vscode.window.showInputBox({
          title: vscode.l10n.t('New tag'),
          value: typed,
          prompt: vscode.l10n.t('A short name, e.g. “humanitarian”'),
          validateInput: (v) => (/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, spaces, - and _, at most 40 characters')),
        });
        if (!name) return names.length ? names : undefined;
        await this.tags.addTag(uri, name.trim());
        names.push(name.trim());
      }
      return names;
    } finally {
      quickPick.dispose();
    }
  }

  /** The annotation under the cursor (innermost); asks when several overlap there. */
  private async annotationAtCursor(editor: vscode.TextEditor): Promise<Annotation | undefined> {
    const entry = await this.store.get(editor.document);
    const found = annotationsAt(entry.sidecar, editor.document.offsetAt(editor.selection.active));
    if (found.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation at the cursor.'));
      return undefined;
    }
    if (found.length === 1) return found[0];
    const pick = await vscode.window.showQuickPick(
      found.map((a) => ({ label: a.tags.join(', '), description: a.target.exact.slice(0, 60), detail: a.note || undefined, annotation: a })),
      { title: vscode.l10n.t('Which annotation?') },
    );
    return pick?.annotation;
  }

  private async addNote(): Promise<void> {
    const editor = this.editor();
    if (!editor) return;
    if (editor.selection.isEmpty) {
      const annotation = await this.annotationAtCursor(editor);
      if (annotation) await this.editNote(editor, annotation);
      return;
    }
    const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note on the selected passage'), prompt: vscode.l10n.t('The note is kept in the sidecar with the passage') });
    if (note === undefined) return;
    await this.annotate(editor, editor.selections.filter((s) => !s.isEmpty), [], note);
  }

  private async editNote(editor: vscode.TextEditor, annotation: Annotation): Promise<void> {
    const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note'), value: annotation.note });
    if (note === undefined) return;
    await this.store.update(editor.document, (sidecar) => updateAnnotation(sidecar, annotation.id, { note }));
  }

  private async editAtCursor(): Promise<void> {
    const editor = this.editor();
    if (!editor) return;
    const annotation = await this.annotationAtCursor(editor);
    if (!annotation) return;
    const what = await vscode.window.showQuickPick(
      [
        { label: `$(tag) ${vscode.l10n.t('Change tags…')}`, id: 'tags' },
        { label: `$(note) ${vscode.l10n.t('Edit note…')}`, id: 'note' },
        { label: `$(trash) ${vscode.l10n.t('Remove annotation')}`, id: 'remove' },
      ],
      { title: vscode.l10n.t('Edit annotation [{0}]', annotation.tags.join(', ')) },
    );
    if (what?.id === 'tags') {
      const tags = await this.pickTags(editor.document.uri, annotation.tags);
      if (tags?.length) await this.store.update(editor.document, (sidecar) => updateAnnotation(sidecar, annotation.id, { tags }));
    } else if (what?.id === 'note') {
      await this.editNote(editor, annotation);
    } else if (what?.id === 'remove') {
      await this.store.update(editor.document, (sidecar) => removeAnnotation(sidecar, annotation.id));
    }
  }

  /** Removes annotation `id` of `uri` (quick fix), or the one at the cursor. */
  private async remove(uri?: vscode.Uri, id?: string): Promise<void> {
    if (uri && id) {
      const document = await vscode.workspace.openTextDocument(uri);
      await this.store.update(document, (sidecar) => removeAnnotation(sidecar, id));
      return;
    }
    const editor = this.editor();
    if (!editor) return;
    const annotation = await this.annotationAtCursor(editor);
    if (annotation) await this.store.update(editor.document, (sidecar) => removeAnnotation(sidecar, annotation.id));
  }

  /** Points an orphaned annotation at the current selection (quick fix "Re-attach to selection"). */
  private async reattach(uri?: vscode.Uri, id?: string): Promise<void> {
    const editor = this.editor();
    if (!editor || !uri || !id) return;
    if (editor.document.uri.toString() !== uri.toString() || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage to re-attach the annotation to, then run the quick fix again.'));
      return;
    }
    const { start, end } = { start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) };
    await this.store.update(editor.document, (sidecar, text) => reattachAnnotation(sidecar, id, text, start, end));
  }

  /** Moves the cursor to the next (1) or previous (-1) annotation, wrapping around; selects its passage. */
  private async move(direction: 1 | -1): Promise<void> {
    const editor = this.editor();
    if (!editor) return;
    const entry = await this.store.get(editor.document);
    const placed = entry.sidecar.annotations.filter((a) => a.state !== 'orphaned');
    if (placed.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This text has no annotations yet.'));
      return;
    }
    const here = editor.document.offsetAt(editor.selection.start);
    const next =
      direction === 1
        ? (placed.find((a) => a.target.start > here) ?? placed[0])
        : ([...placed].reverse().find((a) => a.target.start < here) ?? placed[placed.length - 1]);
    if (!next) return;
    const range = new vscode.Range(editor.document.positionAt(next.target.start), editor.document.positionAt(next.target.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async showSidecar(): Promise<void> {
    const editor = this.editor();
    if (!editor) return;
    const entry = await this.store.get(editor.document);
    try {
      await vscode.workspace.fs.stat(entry.sidecarUri);
    } catch {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations yet: tag a passage to create its sidecar.', entry.textUri.path.split('/').pop() ?? ''));
      return;
    }
    await vscode.window.showTextDocument(entry.sidecarUri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
