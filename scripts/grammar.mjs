#!/usr/bin/env node
// Writes syntaxes/statement.tmLanguage.json from the named fragments below, so that each pattern stays readable.
// Run `npm run build:grammar` after editing; `npm run test:grammar` checks the result against test/grammar/.
// Every repetition is possessive (`*+`, `++`) or bounded, so no pattern can backtrack catastrophically.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Any space, including the no-break, em and thin spaces official texts are full of. */
const S = '[ \\t\\x{00A0}\\x{2002}\\x{2003}\\x{2009}\\x{202F}]';
const CUES = [
  'said', 'says', 'stated', 'states', 'noted', 'notes', 'stressed', 'stresses', 'emphasi[sz]ed', 'emphasi[sz]es',
  'added', 'adds', 'concluded', 'declared', 'underlined', 'underscored', 'remarked', 'explained', 'told', 'announced',
  'urged', 'warned', 'affirmed', 'recalled', 'pointed out', 'highlighted', 'continued', 'replied', 'asked',
].join('|');
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A capitalised name word: `Tokayev`, `Kassym-Jomart`, `O’Brien`, `U.S.`; a final full stop is not part of it. */
const NAME = `[\\p{Lu}](?:[\\p{L}\\p{M}’'\\-]|\\.(?=\\p{L}))*+`;
/** A word of a transcript label: names, upper-case titles and their abbreviations (`MS.`, `Mr.`). */
const LABEL_WORD = `[\\p{Lu}][\\p{L}\\p{M}’'.\\-]*+`;
const CONNECTOR = 'of|the|and|de|da|van|von|al|bin|ibn|el|for';
const SPEAKER = 'entity.name.function.speaker.statement';
const CUE = 'keyword.other.speech-cue.statement';
/**
 * A word that starts where no letter or digit precedes it. Oniguruma skips quickly to the positions where a pattern's
 * first character can match, but only when the pattern starts with a character, not with `\b`; so the boundary is
 * checked by a fixed-length look-behind just after the first character.
 */
const startOfWord = (first) => `${first}(?<![\\p{L}\\p{N}_]${first})`;
/** `said|stated|…` as alternatives that each start at a word boundary (see startOfWord). */
const CUE_WORDS = CUES.split('|').map((w) => `${w}(?<![\\p{L}\\p{N}_]${w.replace(/\[[^\]]*\]/g, '.')})`).join('|');
const MAGNITUDE = '(?i:thousand|million|billion|trillion)';
const CURRENCY_WORD = '(?i:dollars|euros|roubles|rubles|tenge|yuan|pounds|dirhams|yen|rupees)';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Statement',
  scopeName: 'text.statement',
  patterns: [
    { include: '#speaker-label' },
    { include: '#dash-quote' },
    { include: '#quoted' },
    { include: '#attribution' },
    { include: '#figures' },
  ],
  repository: {
    'speaker-label': {
      comment: 'A transcript turn label at the start of a line: `SECRETARY BLINKEN:`, `MS. JEAN-PIERRE:`, `Vladimir Putin:`, `President of Russia Vladimir Putin:`, `QUESTION:`, or a bare `Q`. At most eight words, so a sentence with a colon is not taken for a label.',
      patterns: [
        {
          name: 'meta.speaker-label.statement',
          match: `^${S}*+(${LABEL_WORD}(?:${S}(?:${LABEL_WORD}|${CONNECTOR})){0,7}+)(:)(?=${S}|$)`,
          captures: { 1: { name: SPEAKER }, 2: { name: 'punctuation.separator.speaker.statement' } },
        },
        {
          name: 'meta.speaker-label.statement',
          match: `^${S}*+(Q)(?=${S}++\\S)`,
          captures: { 1: { name: SPEAKER } },
        },
      ],
    },
    'dash-quote': {
      comment: 'A dash-led speech paragraph: `- I am sure …, Nursultan Nazarbayev said.` The lookahead asks for a speech cue after a comma of the same line, so bulleted lists are not taken for speech.',
      name: 'string.quoted.other.dash.statement',
      begin: `^${S}*+([-–—])${S}?+(?=[^\\n]*,${S}++(?:[^,\\n]{0,80}${S})?(?:${CUES})\\b)`,
      beginCaptures: { 1: { name: 'punctuation.definition.string.begin.statement' } },
      end: '$',
      patterns: [{ include: '#attribution' }, { include: '#figures' }],
    },
    quoted: {
      comment: 'Quoted speech in curly, straight or angle marks, mixed pairs allowed, running over lines; an unclosed mark ends at the next blank line.',
      patterns: [
        quote('string.quoted.double.statement', '“', '”|"'),
        quote('string.quoted.double.statement', '"', '"|”'),
        quote('string.quoted.other.guillemet.statement', '«', '»'),
      ],
    },
    attribution: {
      comment: 'Speech cues and the speaker named beside them: `…,” said Kassym-Jomart Tokayev.`, `…,” Laura Mitchell said.`, `the Head of State noted`.',
      patterns: [
        {
          match: `(${CUE_WORDS})${S}++((?:the${S}++)?${NAME}(?:${S}(?:${NAME}|of${S}++the|of)){0,5}+)`,
          captures: { 1: { name: CUE }, 2: { name: SPEAKER } },
        },
        {
          match: `((?:\\b[Tt]he${S}++)?${NAME}(?:${S}(?:${NAME}|of(?:${S}++the)?)){0,4}+)${S}++(${CUES})\\b`,
          captures: { 1: { name: SPEAKER }, 2: { name: CUE } },
        },
        { name: CUE, match: `(?:${CUE_WORDS})\\b` },
      ],
    },
    figures: {
      comment: 'Money, percentages, dates, years and other numbers with their magnitude words, also inside quotes.',
      patterns: [
        {
          name: 'constant.numeric.money.statement',
          match: `(?:US\\$|[$€£¥₽₸])${S}?+\\d[\\d,]*+(?:\\.\\d++)?+(?:${S}++${MAGNITUDE}\\b)?+`,
        },
        {
          name: 'constant.numeric.date.statement',
          match: `(?:${startOfWord('\\d')}\\d?${S}++(?:${MONTHS})${S}++\\d{4}|(?:${MONTHS})${S}++\\d{1,2},${S}++\\d{4}|${startOfWord('\\d')}\\d{3}-\\d{2}-\\d{2})\\b`,
        },
        {
          name: 'constant.numeric.percent.statement',
          match: `${startOfWord('\\d')}[\\d,]*+(?:\\.\\d++)?+(?:${S}?+%|${S}++(?i:percent|per${S}cent)\\b)`,
        },
        {
          name: 'constant.numeric.money.statement',
          match: `${startOfWord('\\d')}[\\d,]*+(?:\\.\\d++)?+(?:${S}++${MAGNITUDE})?+${S}++${CURRENCY_WORD}\\b`,
        },
        {
          name: 'constant.numeric.amount.statement',
          match: `${startOfWord('\\d')}[\\d,]*+(?:\\.\\d++)?+${S}++${MAGNITUDE}\\b`,
        },
        { name: 'constant.numeric.year.statement', match: '(?:1[89]|20)(?<![\\p{L}\\p{N}_]..)\\d{2}\\b' },
        { name: 'constant.numeric.statement', match: `${startOfWord('\\d')}[\\d,]*+(?:\\.\\d++)?+(?:st|nd|rd|th)?+\\b` },
      ],
    },
  },
};

function quote(name, open, close) {
  return {
    name,
    begin: open,
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.statement' } },
    end: `${close}|(?=^${S}*+$)`,
    endCaptures: { 0: { name: 'punctuation.definition.string.end.statement' } },
    patterns: [{ include: '#figures' }],
  };
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'syntaxes', 'statement.tmLanguage.json');
const json = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== json) {
    console.error(`${out} is out of date with scripts/grammar.mjs: run \`npm run build:grammar\`.`);
    process.exit(1);
  }
} else {
  writeFileSync(out, json);
}
