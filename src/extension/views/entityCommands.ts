import * as vscode from 'vscode';

import type { Entity, EntityType } from '../../core';
import { ENTITY_TYPES, LineIndex, addAlias, ignoreDetection, mergeEntities, renameEntity } from '../../core/corpus';
import type { AnalysisCache } from '../analysisCache';
import type { Log } from '../log';
import { Disposable } from '../util/dispose';
import type { EntityNode } from './entitiesView';
import type { RegistryService } from './registryService';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** An entity named by a tree row or found under the cursor. */
interface EntityRef {
  readonly canonical: string;
  readonly type: EntityType;
  /** The text as written, when known (for Ignore Detection). */
  readonly text?: string;
}

function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

/** The entity a command argument names: an Entities row, `(canonical, type)`, or else the entity at the cursor. */
function refFromArgs(args: unknown[], atCursor: () => Entity | undefined): EntityRef | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && 'kind' in first) {
    const node = first as EntityNode;
    if (node.kind === 'entry' && isEntityType(node.entry.type)) return { canonical: node.entry.label, type: node.entry.type, text: node.entry.mentions[0]?.text };
    if (node.kind === 'wsEntity') return { canonical: node.stat.canonical, type: node.stat.type };
    if (node.kind === 'mention' && isEntityType(node.parent.entry.type)) return { canonical: node.parent.entry.label, type: node.parent.entry.type, text: node.mention.text };
  }
  if (typeof first === 'string' && isEntityType(second)) return { canonical: first, type: second };
  const entity = atCursor();
  return entity && { canonical: entity.canonical, type: entity.type, text: entity.text };
}

/**
 * Navigation between mentions (next, previous, all — through VS Code's references UI, across the workspace) and the
 * entity registry commands (merge, rename, add alias, ignore), which edit `.diplomat/entities.yaml`.
 */
export class EntityCommands extends Disposable implements vscode.ReferenceProvider {
  constructor(
    private readonly analyses: AnalysisCache,
    private readonly registry: RegistryService,
    private readonly indexer: WorkspaceIndexer,
    private readonly log: Log,
  ) {
    super();
    const register = (id: string, run: (...args: unknown[]) => Promise<unknown>) =>
      this._register(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (error) {
          this.log.error(`${id} failed`, error);
          void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
          return undefined;
        }
      }));
    register('diplomat.nextMention', () => this.move(1));
    register('diplomat.previousMention', () => this.move(-1));
    register('diplomat.findAllMentions', (...args) => this.findAll(args));
    register('diplomat.mergeEntities', (...args) => this.merge(args));
    register('diplomat.renameEntity', (...args) => this.rename(args));
    register('diplomat.addAlias', (...args) => this.alias(args));
    register('diplomat.ignoreDetection', (...args) => this.ignore(args));
    this._register(vscode.languages.registerReferenceProvider({ language: 'statement' }, this));
  }

  private entityAtCursor(): Entity | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    return this.analyses.get(editor.document).entities.find((e) => e.start <= offset && offset <= e.end);
  }

  private require(args: unknown[]): EntityRef {
    const ref = refFromArgs(args, () => this.entityAtCursor());
    if (!ref) throw new Error(vscode.l10n.t('Put the cursor on a person, country, organisation or place, or pick one in the Entities view.'));
    return ref;
  }

  /** Selects the next (1) or previous (-1) mention of the entity at the cursor in this text, wrapping around. */
  private async move(direction: 1 | -1): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const entity = this.entityAtCursor();
    if (!editor || !entity) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a person, country, organisation or place first.'));
      return;
    }
    const mentions = this.analyses.get(editor.document).entities.filter((e) => e.canonical === entity.canonical && e.type === entity.type);
    const here = mentions.indexOf(entity);
    const next = mentions[(here + direction + mentions.length) % mentions.length] ?? entity;
    const range = new vscode.Range(editor.document.positionAt(next.start), editor.document.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Every mention of `ref` in this document and in the workspace's other statements. */
  async locations(ref: EntityRef, current?: vscode.TextDocument): Promise<vscode.Location[]> {
    const locations: vscode.Location[] = [];
    const seen = new Set<string>();
    const add = (uri: vscode.Uri, entities: readonly Entity[], positionAt: (offset: number) => vscode.Position) => {
      for (const e of entities) {
        if (e.canonical === ref.canonical && e.type === ref.type) locations.push(new vscode.Location(uri, new vscode.Range(positionAt(e.start), positionAt(e.end))));
      }
      seen.add(uri.toString());
    };
    const addDocument = (document: vscode.TextDocument) => add(document.uri, this.analyses.get(document).entities, (o) => document.positionAt(o));
    if (current) addDocument(current);
    if (vscode.workspace.workspaceFolders?.length) {
      await this.indexer.ensureStarted();
      for (const { path } of this.indexer.index.documents()) {
        const uri = this.indexer.uriOf(path);
        if (!uri || seen.has(uri.toString())) continue;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          addDocument(open);
          continue;
        }
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        if (!text.includes(ref.canonical.split(' ').pop() ?? ref.canonical) && !text.includes(ref.canonical)) continue;
        const lines = new LineIndex(text);
        add(uri, this.analyses.analyzeText(text).entities, (o) => {
          const line = lines.lineAt(o);
          return new vscode.Position(line, o - lines.lineStart(line));
        });
      }
    }
    return locations;
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
    const offset = document.offsetAt(position);
    const entity = this.analyses.get(document).entities.find((e) => e.start <= offset && offset <= e.end);
    return entity ? this.locations(entity, document) : [];
  }

  /** Shows every mention in the references peek (from the editor) or the References view (from the sidebar). */
  private async findAll(args: unknown[]): Promise<vscode.Location[]> {
    const ref = this.require(args);
    const editor = vscode.window.activeTextEditor;
    const locations = await this.locations(ref, editor?.document.languageId === 'statement' ? editor.document : undefined);
    const first = locations[0];
    if (!first) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No mentions of {0} found.', ref.canonical));
      return locations;
    }
    const anchor = editor && locations.find((l) => l.uri.toString() === editor.document.uri.toString());
    await vscode.commands.executeCommand('editor.action.showReferences', (anchor ?? first).uri, (anchor ?? first).range.start, locations);
    return locations;
  }

  /** Merges an entity into another; a third argument names the target and skips the pick (keybindings, tests). */
  private async merge(args: unknown[]): Promise<void> {
    const from = this.require(args);
    if (typeof args[2] === 'string') {
      const into = args[2];
      await this.registry.edit((yaml) => mergeEntities(yaml, from.canonical, into, from.type));
      return;
    }
    const candidates = new Map<string, number>();
    for (const stat of this.indexer.index.entities()) if (stat.type === from.type && stat.canonical !== from.canonical) candidates.set(stat.canonical, stat.mentions);
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      for (const e of this.analyses.get(editor.document).entities) {
        if (e.type === from.type && e.canonical !== from.canonical) candidates.set(e.canonical, (candidates.get(e.canonical) ?? 0) + 1);
      }
    }
    const pick = await vscode.window.showQuickPick(
      [...candidates].sort((a, b) => b[1] - a[1]).map(([label, n]) => ({ label, description: vscode.l10n.t('{0} mentions', n) })),
      { title: vscode.l10n.t('Merge “{0}” into…', from.canonical), placeHolder: vscode.l10n.t('The entity that “{0}” is another name of', from.canonical) },
    );
    if (!pick) return;
    await this.registry.edit((yaml) => mergeEntities(yaml, from.canonical, pick.label, from.type));
  }

  private async rename(args: unknown[]): Promise<void> {
    const from = this.require(args);
    const to = await vscode.window.showInputBox({ title: vscode.l10n.t('Rename “{0}”', from.canonical), value: from.canonical, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is needed')) });
    if (!to || to.trim() === from.canonical) return;
    await this.registry.edit((yaml) => renameEntity(yaml, from.canonical, to.trim(), from.type));
  }

  private async alias(args: unknown[]): Promise<void> {
    const ref = this.require(args);
    const alias = await vscode.window.showInputBox({ title: vscode.l10n.t('Another name of “{0}”', ref.canonical), prompt: vscode.l10n.t('Every occurrence of it, in every text, becomes a mention of {0}', ref.canonical) });
    if (!alias?.trim()) return;
    await this.registry.edit((yaml) => addAlias(yaml, ref.canonical, ref.type, alias.trim()));
  }

  private async ignore(args: unknown[]): Promise<void> {
    const ref = this.require(args);
    await this.registry.edit((yaml) => ignoreDetection(yaml, ref.text ?? ref.canonical));
  }
}
