/**
 * The analyzer's output model. Every offset is a 0-based, end-exclusive index into the analysed string counted in
 * UTF-16 code units (JavaScript string indices, the same units VS Code's `TextDocument.offsetAt` uses), so
 * `text.slice(start, end) === span.text` always holds.
 */

/** A span of the analysed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type EntityType = 'PERSON' | 'COUNTRY' | 'ORG' | 'PLACE';

export interface Entity extends Span {
  readonly type: EntityType;
  /** Standard English name that groups every form of the entity (`U.S.` → `United States`). */
  readonly canonical: string;
  /** The rule that produced the detection, for hovers and debugging (e.g. `country-table`, `speaker-short-form`). */
  readonly rule: string;
}

export type MentionKind = 'name' | 'label' | 'role';

export interface SpeakerMention extends Span {
  readonly kind: MentionKind;
}

export interface Speaker {
  /** Stable within one analysis result (e.g. `s1`); quotes refer to it. */
  readonly id: string;
  /** Canonical full name (`Kassym-Jomart Tokayev`), or a description for unidentified voices. */
  readonly name: string;
  readonly type: 'PERSON' | 'ORG';
  readonly mentions: readonly SpeakerMention[];
}

export type QuoteKind = 'quoted' | 'turn' | 'dash';

export interface Quote extends Span {
  readonly kind: QuoteKind;
  /** A `Speaker.id`, or null when the quote could not be attributed. */
  readonly speaker: string | null;
  /** The speech verb (`said`, `stressed`) that attributes the quote, or null. */
  readonly cue: Span | null;
  /** The rule that produced the attribution (e.g. `tail-attribution`, `pronoun`, `transcript-label`). */
  readonly rule: string;
}

export type FigureKind = 'money' | 'count' | 'percent' | 'quantity' | 'duration' | 'year' | 'date' | 'ordinal';

export interface Figure extends Span {
  readonly kind: FigureKind;
  /** Normalised value: a number in units (7.5e9 for `$ 7.5 billion`), `[min, max]` for a range, an ISO 8601
   * string for a date, or null for a vague magnitude (`hundreds of billions of dollars`). */
  readonly value: number | string | readonly [number, number] | null;
  /** ISO 4217 code for money (`USD`), `percent`, `count`, `year`, `date`, `ordinal`, a unit name (`metric ton`),
   * `years`/`days`… for durations; null when unknown. */
  readonly unit: string | null;
  /** The approximation or bound words as written, lower-cased (`more than`, `over`, `about`), else null. */
  readonly qualifier: string | null;
  /** For counts and ordinals: the counted noun phrase (`American companies`), else null. */
  readonly counted: string | null;
  readonly rule: string;
}

/** What `analyze` returns; serialised as-is (plus `version` and `length`) by `diplomat analyze --json`. */
export interface Analysis {
  readonly version: 1;
  /** Length of the analysed text in UTF-16 code units. */
  readonly length: number;
  readonly entities: readonly Entity[];
  readonly speakers: readonly Speaker[];
  readonly quotes: readonly Quote[];
  readonly figures: readonly Figure[];
}
