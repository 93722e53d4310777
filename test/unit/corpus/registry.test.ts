import { describe, expect, it } from 'vitest';
import type { Analysis, Entity, EntityType, Quote, Speaker } from '../../../src/core';
import {
  addAlias, applyRegistry, emptyRegistry, ignoreDetection, mergeEntities, parseRegistry, REGISTRY_FILE, RegistryError,
  renameEntity,
} from '../../../src/core/corpus';

const handWritten = `# Corrections for the Kazakhstan desk
entities:
  # The analyzer splits him in two
  - canonical: Donald Trump # keep this name
    type: PERSON
    aliases: [Donald Tramp]
ignored:
  - Head # a false detection in readouts
`;

describe('parseRegistry', () => {
  it('reads entities and ignored texts', () => {
    expect(REGISTRY_FILE).toBe('.diplomat/entities.yaml');
    expect(parseRegistry(handWritten)).toEqual({
      entities: [{ canonical: 'Donald Trump', type: 'PERSON', aliases: ['Donald Tramp'] }],
      ignored: ['Head'],
    });
  });

  it('reads an empty or comment-only file as the empty registry', () => {
    expect(parseRegistry('')).toEqual(emptyRegistry());
    expect(parseRegistry('# nothing yet\n')).toEqual({ entities: [], ignored: [] });
    expect(parseRegistry('entities: []\n')).toEqual({ entities: [], ignored: [] });
  });

  it.each([
    ['entities: [oops', /not valid YAML: line 1/],
    ['- a\n- b\n', /must be a mapping/],
    ['entities:\n  - canonical: X\n    type: THING\n', /line 3: entity 1 \("X"\): "type" must be one of PERSON, COUNTRY, ORG, PLACE/],
    ['entities:\n  - type: PERSON\n', /entity 1 has no "canonical"/],
    ['entities:\n  - canonical: A B\n    type: PERSON\n    aliases: [C]\n  - canonical: D E\n    type: PERSON\n    aliases: [C]\n',
      /entity 2 \("D E"\): "C" already belongs to entity 1/],
    ['ignored: 3\n', /"ignored" must be a list/],
  ])('rejects %j with a clear message', (yaml, message) => {
    expect(() => parseRegistry(yaml)).toThrow(RegistryError);
    expect(() => parseRegistry(yaml)).toThrow(message);
  });
});

describe('registry edits', () => {
  it('merges into an existing entity and keeps every comment', () => {
    const out = mergeEntities(handWritten, 'Trump', 'Donald Trump', 'PERSON');
    expect(out).toContain('# Corrections for the Kazakhstan desk');
    expect(out).toContain('# The analyzer splits him in two');
    expect(out).toContain('# keep this name');
    expect(out).toContain('# a false detection in readouts');
    expect(parseRegistry(out).entities).toEqual([{ canonical: 'Donald Trump', type: 'PERSON', aliases: ['Donald Tramp', 'Trump'] }]);
  });

  it('merges a registry entity into another: its aliases move and its entry goes', () => {
    let yaml = addAlias('', 'Nursultan Nazarbayev', 'PERSON', 'Elbasy');
    yaml = addAlias(yaml, 'N. Nazarbayev', 'PERSON', 'Nazarbaev');
    yaml = mergeEntities(yaml, 'N. Nazarbayev', 'Nursultan Nazarbayev', 'PERSON');
    expect(parseRegistry(yaml).entities).toEqual([
      { canonical: 'Nursultan Nazarbayev', type: 'PERSON', aliases: ['Elbasy', 'N. Nazarbayev', 'Nazarbaev'] },
    ]);
  });

  it('creates a new file with a header, and a new entry for an unknown target', () => {
    const out = mergeEntities('', 'Donald Tramp', 'Donald Trump', 'PERSON');
    expect(out.startsWith('# Diplomat entity registry')).toBe(true);
    expect(parseRegistry(out)).toEqual({ entities: [{ canonical: 'Donald Trump', type: 'PERSON', aliases: ['Donald Tramp'] }], ignored: [] });
    expect(out).not.toMatch(/^ignored:/m);
  });

  it('renames an entry in place, keeping the old name as an alias and the comment beside it', () => {
    const out = renameEntity(handWritten, 'Donald Trump', 'Donald J. Trump', 'PERSON');
    expect(out).toContain('canonical: Donald J. Trump # keep this name');
    expect(parseRegistry(out).entities).toEqual([{ canonical: 'Donald J. Trump', type: 'PERSON', aliases: ['Donald Tramp', 'Donald Trump'] }]);
  });

  it('renames an analyzer name that has no entry by adding one', () => {
    const out = renameEntity('', 'UN', 'United Nations', 'ORG');
    expect(parseRegistry(out).entities).toEqual([{ canonical: 'United Nations', type: 'ORG', aliases: ['UN'] }]);
  });

  it('adds an alias, which leaves any other entity and the ignored list', () => {
    let yaml = addAlias(handWritten, 'Donald Trump', 'PERSON', 'Head');
    yaml = addAlias(yaml, 'Donald Trump', 'PERSON', 'Donald Tramp');
    expect(parseRegistry(yaml)).toEqual({
      entities: [{ canonical: 'Donald Trump', type: 'PERSON', aliases: ['Donald Tramp', 'Head'] }], ignored: [],
    });
    yaml = addAlias(yaml, 'Joe Biden', 'PERSON', 'Head');
    expect(parseRegistry(yaml).entities.map((e) => [e.canonical, e.aliases])).toEqual([
      ['Donald Trump', ['Donald Tramp']], ['Joe Biden', ['Head']],
    ]);
  });

  it('ignores a detection once', () => {
    const out = ignoreDetection(ignoreDetection(handWritten, 'Mr President'), 'Mr President');
    expect(parseRegistry(out).ignored).toEqual(['Head', 'Mr President']);
    expect(out).toContain('- Head # a false detection in readouts');
  });

  it('opens a flow list up into a block list', () => {
    const out = ignoreDetection('entities: []\nignored: []\n', 'Head');
    expect(out).toBe('entities: []\nignored:\n  - Head\n');
  });

  it('never rewrites an invalid registry and refuses bad names', () => {
    expect(() => ignoreDetection('entities: [oops', 'X')).toThrow(RegistryError);
    expect(() => mergeEntities(handWritten, 'Same', 'Same', 'PERSON')).toThrow(/into itself/);
    expect(() => addAlias(handWritten, 'Donald Trump', 'PERSON', '  ')).toThrow(/must not be empty/);
    expect(() => addAlias(handWritten, 'Joe Biden', 'PERSON', 'Donald Trump')).toThrow(/merge it into/);
  });
});

describe('applyRegistry', () => {
  // An emoji (two UTF-16 units) before the mentions makes UTF-16 and code-point offsets differ.
  const text = '🌍 Donald Tramp met the Elbasy in Astana. Head of State Nazarbayev spoke; the Elbasy smiled. Elbasyan Astanaa Head.';
  const at = (needle: string, nth = 0): { start: number; end: number; text: string } => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    return { start: i, end: i + needle.length, text: needle };
  };
  const ent = (needle: string, type: EntityType, canonical: string, nth = 0): Entity => ({ ...at(needle, nth), type, canonical, rule: 'test' });
  const speakers: Speaker[] = [
    { id: 's1', name: 'Donald Tramp', type: 'PERSON', mentions: [{ ...at('Donald Tramp'), kind: 'name' }] },
    { id: 's2', name: 'Nazarbayev', type: 'PERSON', mentions: [{ ...at('Nazarbayev'), kind: 'name' }] },
    { id: 's3', name: 'Nursultan Nazarbayev', type: 'PERSON', mentions: [] },
  ];
  const quotes: Quote[] = [{ ...at('the Elbasy smiled'), kind: 'quoted', speaker: 's2', cue: null, rule: 'test' }];
  const analysis: Analysis = {
    version: 1, length: text.length,
    entities: [
      ent('Donald Tramp', 'PERSON', 'Donald Tramp'),
      ent('Astana', 'PLACE', 'Astana'),
      ent('Head', 'ORG', 'Head'),
      ent('Nazarbayev', 'PERSON', 'Nazarbayev'),
    ],
    speakers, quotes, figures: [],
  };
  let yaml = mergeEntities('', 'Donald Tramp', 'Donald Trump', 'PERSON');
  yaml = mergeEntities(yaml, 'Nazarbayev', 'Nursultan Nazarbayev', 'PERSON');
  yaml = addAlias(yaml, 'Nursultan Nazarbayev', 'PERSON', 'Elbasy');
  yaml = ignoreDetection(yaml, 'Head');
  const registry = parseRegistry(yaml);
  const result = applyRegistry(text, analysis, registry);

  it('remaps canonical names and types, removes ignored detections, adds missed alias mentions', () => {
    expect(result.entities.map((e) => [e.text, e.canonical, e.type, e.rule])).toEqual([
      ['Donald Tramp', 'Donald Trump', 'PERSON', 'test'],
      ['Elbasy', 'Nursultan Nazarbayev', 'PERSON', 'registry'],
      ['Astana', 'Astana', 'PLACE', 'test'],
      ['Nazarbayev', 'Nursultan Nazarbayev', 'PERSON', 'test'],
      ['Elbasy', 'Nursultan Nazarbayev', 'PERSON', 'registry'],
    ]);
  });

  it('uses UTF-16 offsets, whole words only, and sorts by start', () => {
    const added = result.entities.filter((e) => e.rule === 'registry');
    expect(added[0].start).toBe(text.indexOf('Elbasy'));
    // 24 UTF-16 units in, though only 23 code points: the emoji counts twice.
    expect(added[0].start).toBe(24);
    expect([...text.slice(0, added[0].start)]).toHaveLength(23);
    for (const e of result.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    // `Elbasyan` is not `Elbasy`.
    expect(added).toHaveLength(2);
    const starts = result.entities.map((e) => e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('renames speakers and merges those that end up with the same name', () => {
    expect(result.speakers.map((s) => [s.id, s.name])).toEqual([['s1', 'Donald Trump'], ['s2', 'Nursultan Nazarbayev']]);
    expect(result.quotes[0].speaker).toBe('s2');
    const withS3Quote = applyRegistry(text, { ...analysis, quotes: [{ ...quotes[0], speaker: 's3' }] }, registry);
    expect(withS3Quote.quotes[0].speaker).toBe('s2');
  });

  it('does not touch the analysis it is given, and returns it unchanged for an empty registry', () => {
    expect(analysis.entities[0].canonical).toBe('Donald Tramp');
    expect(applyRegistry(text, analysis, emptyRegistry())).toBe(analysis);
  });

  it('does not add a mention overlapping an entity', () => {
    const reg = parseRegistry(addAlias('', 'Astana', 'PLACE', 'in Astana'));
    const out = applyRegistry(text, analysis, reg);
    expect(out.entities.filter((e) => e.rule === 'registry')).toEqual([]);
  });
});
