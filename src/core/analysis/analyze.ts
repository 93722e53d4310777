import { findEntities } from './entities';
import { findFigures } from './figures';
import { findSpeech } from './speech';
import type { Analysis } from './types';

/**
 * Analyses a statement: entities, speakers with their mentions, quotes with their speaker, and figures.
 * Every offset is a 0-based, end-exclusive UTF-16 code-unit index into `text` (`text.slice(start, end) === text`
 * of each span). A quote's `speaker` and `cue` are null when no attribution was found. Deterministic, offline,
 * and linear in the length of the text.
 */
export function analyze(text: string): Analysis {
  return { ...analyzeWithoutFigures(text), figures: findFigures(text) };
}

/**
 * Everything {@link analyze} returns but the figures, with the same keys in the same order. Figures depend on nothing
 * else, so a caller may find them apart, with `findFigures`, at the same time (the CLI does, in a worker thread).
 */
export function analyzeWithoutFigures(text: string): Omit<Analysis, 'figures'> {
  const ent = findEntities(text);
  const speech = findSpeech(text, ent);
  return {
    version: 1,
    length: text.length,
    entities: ent.entities,
    speakers: speech.speakers,
    quotes: speech.quotes,
  };
}
