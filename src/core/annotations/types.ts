/**
 * The annotation model and its sidecar file. Every offset is a 0-based, end-exclusive index into the annotated
 * text counted in UTF-16 code units (JavaScript string indices, VS Code's `TextDocument.offsetAt`).
 */

/** Where an annotation stands against the current text, after following edits or re-anchoring. */
export type AnchorState =
  /** Found where it was, with the same text. */
  | 'anchored'
  /** Found with the same text at another place (text was inserted or removed before it). */
  | 'moved'
  /** Found by approximate match: the passage itself was edited. */
  | 'fuzzy'
  /** Not found: its text is gone. Kept in the sidecar and listed, never dropped. */
  | 'orphaned';

/**
 * What an annotation points at: the quote with its context (W3C TextQuoteSelector) and its position
 * (TextPositionSelector). `prefix`/`suffix` hold at least 32 characters of context, or up to the paragraph edge
 * when the paragraph ends sooner.
 */
export interface Target {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

export interface Annotation {
  /** Stable, unique within the sidecar, never reused for another annotation. */
  readonly id: string;
  readonly tags: readonly string[];
  /** Free text; empty string when there is none. */
  readonly note: string;
  readonly target: Target;
  readonly state: AnchorState;
  /** ISO 8601 times. */
  readonly created: string;
  readonly modified: string;
  /** Who made it: the `diplomat.author` setting, else git's `user.name`; null when unknown. */
  readonly author: string | null;
}

/** Contents of `NAME.EXT.diplomat.yaml` beside `NAME.EXT` (schema version 1). */
export interface Sidecar {
  readonly version: 1;
  /** File name of the annotated text (no folder), e.g. `press-release.statement`. */
  readonly source: string;
  /** SHA-256 (hex) of the text the annotations were last anchored against, and its UTF-16 length. */
  readonly sha256: string;
  readonly length: number;
  /** Sorted by target position (start, then end, then id). */
  readonly annotations: readonly Annotation[];
}

/** One text change, as VS Code reports it: `[start, end)` of the OLD text replaced by `text`. UTF-16 offsets. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Why a sidecar cannot be used; the annotations it holds are then read-only and the file is never rewritten. */
export type SidecarProblemKind = 'syntax' | 'schema' | 'newer-version' | 'too-large' | 'too-many-aliases';

export class SidecarError extends Error {
  constructor(
    readonly kind: SidecarProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'SidecarError';
  }
}

/** A tag of the tag set (`.diplomat/tags.yaml`). */
export interface TagDefinition {
  readonly name: string;
  /** CSS colour `#rrggbb`. */
  readonly color: string;
  readonly description: string;
}
