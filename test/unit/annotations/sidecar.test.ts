import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Annotation, Sidecar, SidecarProblemKind } from '../../../src/core/annotations';
import {
  compareAnnotations, emptySidecar, MAX_SIDECAR_BYTES, parseSidecar, serializeSidecar, SidecarError, sidecarName,
} from '../../../src/core/annotations';
import { ANNOTATION_ID_PATTERN, newAnnotationId } from '../../../src/core/annotations/ids';

const sha = 'a'.repeat(64);

function annotation(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    tags: ['praise'],
    note: '',
    target: { exact: 'x'.repeat(end - start), prefix: 'before ', suffix: ' after', start, end },
    state: 'anchored',
    created: '2024-05-01T09:30:00.000Z',
    modified: '2024-05-01T09:30:00.000Z',
    author: 'Ana',
    ...extra,
  };
}

function sidecar(...annotations: Annotation[]): Sidecar {
  return { ...emptySidecar('speech.statement', sha, 1000), annotations };
}

/** Runs `f` and returns the SidecarError it throws (failing the test if it throws anything else or nothing). */
function sidecarError(f: () => unknown): SidecarError {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(SidecarError);
    return e as SidecarError;
  }
  throw new Error('expected a SidecarError, but nothing was thrown');
}

function expectKind(yaml: string, kind: SidecarProblemKind, message?: RegExp): SidecarError {
  const e = sidecarError(() => parseSidecar(yaml));
  expect(e.kind).toBe(kind);
  if (message) expect(e.message).toMatch(message);
  return e;
}

/** A small seeded generator, so a failing fuzz case can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('sidecar file name', () => {
  it('adds .diplomat.yaml to the full file name', () => {
    expect(sidecarName('press-release.statement')).toBe('press-release.statement.diplomat.yaml');
  });
});

describe('ids', () => {
  it('are time-based base 36 plus a random suffix, unique and sorted by time', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 2000; i++) taken.add(newAnnotationId(taken));
    expect(taken.size).toBe(2000);
    for (const id of taken) expect(id).toMatch(ANNOTATION_ID_PATTERN);
    expect(newAnnotationId(new Set(), 1_000) < newAnnotationId(new Set(), 2_000_000_000_000)).toBe(true);
  });

  it('retry when the random part repeats an id already taken', () => {
    let n = 0;
    const repeating = (): number => (n++ < 8 ? 0 : 0.5);
    const first = newAnnotationId(new Set(), 0, () => 0);
    expect(newAnnotationId(new Set([first]), 0, repeating)).not.toBe(first);
  });
});

describe('serializeSidecar without a previous file', () => {
  it('writes a header comment, version 1 and round-trips through parseSidecar', () => {
    const s = sidecar(annotation('a1', 10, 20, { note: 'Promises 10 billion.', tags: ['commitment', 'economy'] }), annotation('a2', 30, 35, { author: null }));
    const yaml = serializeSidecar(s);
    expect(yaml.startsWith('# Diplomat annotations of speech.statement')).toBe(true);
    expect(yaml).toMatch(/safe to edit by hand/);
    expect(yaml).toMatch(/^version: 1$/m);
    expect(parseSidecar(yaml)).toEqual(s);
  });

  it('writes annotations sorted by position whatever the input order', () => {
    const yaml = serializeSidecar(sidecar(annotation('late', 50, 60), annotation('early', 5, 9), annotation('b', 5, 7)));
    expect([...yaml.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1])).toEqual(['b', 'early', 'late']);
  });

  it('writes an empty sidecar as annotations: []', () => {
    const yaml = serializeSidecar(sidecar());
    expect(yaml).toMatch(/^annotations: \[\]$/m);
    expect(parseSidecar(yaml).annotations).toEqual([]);
  });

  it('never writes YAML aliases, even when annotations share arrays', () => {
    const tags = ['praise', 'warning'];
    const shared = annotation('a', 1, 2, { tags });
    const yaml = serializeSidecar(sidecar(shared, { ...shared, id: 'b', tags }));
    expect(yaml).not.toMatch(/[&*][a-z]/);
  });
});

/** Text that YAML tends to mangle: every entry must come back byte for byte. */
const trickyStrings = [
  '',
  ' ',
  'line one\nline two',
  'CRLF inside\r\nthe passage\r\n',
  'trailing spaces   ',
  '   leading spaces',
  'trailing spaces on a line  \nnext line',
  'no\u00a0break\u00a0spaces\u00a0',
  '- starts like a list item',
  '-',
  ': colon first',
  'key: value inside',
  '# not a comment',
  'hash # inside',
  '"quoted"',
  "'single'",
  '|literal',
  '> folded',
  '? question',
  '%directive',
  '---',
  '...',
  '--- document marker\n...',
  'true',
  'null',
  '~',
  '0x1F',
  '1e3',
  '007',
  '[flow, seq]',
  '{flow: map}',
  '*alias',
  '&anchor',
  '!tag',
  '@at',
  '`backtick',
  'tab\tinside',
  '\ttab first',
  'ends with newline\n',
  'ends with two newlines\n\n',
  '\nstarts with newline',
  ' \nspace line first',
  'blank line with spaces\n   \nafter',
  'emoji 😀 and a lone high \ud83d surrogate',
  'lone low \ude00 surrogate',
  'BOM \ufeff inside',
  'line separator \u2028 and paragraph separator \u2029',
  'NEL \u0085 char',
  'control \u0007 bell and \u001b escape',
  'back\\slash and \\n not a newline',
  'x'.repeat(500),
  `${'a long line that goes on and on '.repeat(20)}\n${'and another '.repeat(30)}`,
  'mixed\rCR only',
];

describe('text round trip', () => {
  it.each(trickyStrings.map((s) => [JSON.stringify(s).slice(0, 60), s]))('keeps %s exactly', (_name, s) => {
    const a = annotation('t', 0, 5, { note: s, target: { exact: s, prefix: s, suffix: s, start: 0, end: 5 } });
    const fresh = serializeSidecar(sidecar(a));
    const back = parseSidecar(fresh).annotations[0];
    expect(back.note).toBe(s);
    expect(back.target).toEqual(a.target);
    // And through an edit of an existing file, where the text replaces other text in place.
    const previous = serializeSidecar(sidecar(annotation('t', 0, 5, { note: 'old\nnote' })));
    const edited = parseSidecar(serializeSidecar(sidecar(a), previous)).annotations[0];
    expect(edited.note).toBe(s);
    expect(edited.target).toEqual(a.target);
  });

  it('keeps random mixtures of awkward characters exactly (2,000 seeded cases)', () => {
    const pieces = ['a', 'b', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00a0', '- ', ': ', ' #', '#', '"', "'", '|', '>', '😀', '\ud83d', '\ude00', '\u2028', '\ufeff', '%', '---', '...', '\\', '[', '{', '*', '&', '!', 'null', '1'];
    const random = seeded(20240501);
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const count = Math.floor(random() * 9);
      for (let i = 0; i < count; i++) s += pieces[Math.floor(random() * pieces.length)];
      const a = annotation('r', 0, 1, { note: s, target: { exact: s, prefix: s, suffix: s, start: 0, end: 1 } });
      const yaml = serializeSidecar(sidecar(a));
      const back = parseSidecar(yaml).annotations[0];
      expect(back.target.exact, JSON.stringify(s)).toBe(s);
      expect(back.note, JSON.stringify(s)).toBe(s);
      // An editor that trims trailing white space on save must not change the text either.
      const trimmed = parseSidecar(yaml.replace(/[ \t]+(?=\n|$)/g, '')).annotations[0];
      expect(trimmed.target.exact, `trimmed ${JSON.stringify(s)}`).toBe(s);
    }
  });

  it('writes multi-line passages as readable literal blocks', () => {
    const a = annotation('m', 0, 5, { target: { exact: 'We will act.\nWe will not wait.', prefix: '', suffix: '', start: 0, end: 30 } });
    expect(serializeSidecar(sidecar(a))).toMatch(/exact: \|-\n\s+We will act\.\n\s+We will not wait\./);
  });

  it('never leaves white space at the end of a line, where an editor could trim it', () => {
    const exact = 'She warned that \nany attack\t\non shipping ';
    const yaml = serializeSidecar(sidecar(annotation('w', 0, 5, { target: { exact, prefix: 'x \ny', suffix: '', start: 0, end: 5 } })));
    expect(yaml).not.toMatch(/[ \t](\n|$)/);
    expect(parseSidecar(yaml).annotations[0]?.target).toMatchObject({ exact, prefix: 'x \ny' });
  });
});

/** A sidecar as a person might leave it: comments everywhere, an unknown key, their own key order. */
const handEdited = `# Annotations of the G7 communiqué — reviewed by Ana, keep this comment.
version: 1 # schema version
source: speech.statement
sha256: ${sha}
length: 1000
reviewer: Ana # a key Diplomat does not know
annotations:
  # The key commitment, discussed on Monday.
  - id: a1
    tags: [commitment] # agreed with Ben
    note: Promises 10 billion.
    target:
      exact: xxxxxxxxxx
      prefix: 'before '
      suffix: ' after'
      start: 10
      end: 20
    state: anchored
    created: 2024-05-01T09:30:00.000Z
    modified: 2024-05-01T09:30:00.000Z
    author: Ana
    checked: true
  # Ben disagrees with this one.
  - state: anchored # key order as the person wrote it
    id: a3
    tags: [criticism]
    note: "Harsh."
    target: { exact: xxxxx, prefix: 'before ', suffix: ' after', start: 50, end: 55 }
    created: 2024-05-01T09:30:00.000Z
    modified: 2024-05-01T09:30:00.000Z
    author: Ben
  - id: a4
    tags: [warning]
    target: { exact: xxxxx, prefix: 'before ', suffix: ' after', start: 70, end: 75 }
    state: anchored
    created: 2024-05-01T09:30:00.000Z
    modified: 2024-05-01T09:30:00.000Z
# End of file comment.
`;

describe('serializeSidecar editing a previous file', () => {
  const before = parseSidecar(handEdited);

  it('reads optional fields as their defaults', () => {
    const a4 = before.annotations.find((a) => a.id === 'a4') as Annotation;
    expect(a4.note).toBe('');
    expect(a4.author).toBeNull();
  });

  it('returns the previous text itself when nothing changed', () => {
    expect(serializeSidecar(before, handEdited)).toBe(handEdited);
    expect(serializeSidecar(parseSidecar(handEdited), handEdited)).toBe(handEdited);
  });

  it('keeps comments, unknown keys and key order after adding, editing and removing annotations', () => {
    const added = annotation('a2', 30, 40, { tags: ['sanctions'], note: 'New one.' });
    const edited = before.annotations.map((a) => (a.id === 'a1' ? { ...a, note: 'Promises 12 billion.', tags: ['commitment', 'economy'] } : a))
      .filter((a) => a.id !== 'a4');
    const next: Sidecar = { ...before, sha256: 'b'.repeat(64), annotations: [...edited, added] };
    const yaml = serializeSidecar(next, handEdited);

    expect(parseSidecar(yaml)).toEqual({ ...next, annotations: [edited[0], added, edited[1]] });
    // Comments: on the file, on each kept annotation, inline on fields, at the end.
    for (const comment of [
      '# Annotations of the G7 communiqué — reviewed by Ana, keep this comment.',
      'version: 1 # schema version',
      '# The key commitment, discussed on Monday.',
      '# agreed with Ben',
      '# Ben disagrees with this one.',
      '- state: anchored # key order as the person wrote it',
      '# End of file comment.',
      'reviewer: Ana # a key Diplomat does not know',
      'checked: true',
    ]) expect(yaml).toContain(comment);
    // The edited fields changed, the removed annotation is gone, the new one sits in sorted position.
    expect(yaml).toContain('note: Promises 12 billion.');
    expect(yaml).not.toContain('a4');
    expect([...yaml.matchAll(/^ {2}- (?:id: (\S+)|state: anchored.*\n {4}id: (\S+))$/gm)].map((m) => m[1] ?? m[2])).toEqual(['a1', 'a2', 'a3']);
    // The comment above a1 still sits above a1, and the one above a3 above a3.
    expect(yaml.indexOf('# The key commitment')).toBeLessThan(yaml.indexOf('id: a1'));
    expect(yaml.indexOf('# Ben disagrees')).toBeGreaterThan(yaml.indexOf('id: a2'));
    expect(yaml.indexOf('# Ben disagrees')).toBeLessThan(yaml.indexOf('id: a3'));
    expect(yaml).toContain(`sha256: ${'b'.repeat(64)}`);
  });

  it('keeps an inline comment on a field whose value changes', () => {
    const next: Sidecar = { ...before, annotations: before.annotations.map((a) => (a.id === 'a3' ? { ...a, state: 'moved' as const } : a)) };
    const yaml = serializeSidecar(next, handEdited);
    expect(yaml).toContain('- state: moved # key order as the person wrote it');
    expect(parseSidecar(yaml).annotations.find((a) => a.id === 'a3')?.state).toBe('moved');
  });

  it('moves an annotation (with its comment) when its position changes the order', () => {
    const next: Sidecar = { ...before, annotations: before.annotations.map((a) => (a.id === 'a1' ? { ...a, target: { ...a.target, start: 90, end: 100 } } : a)) };
    const yaml = serializeSidecar(next, handEdited);
    expect(yaml.indexOf('id: a3')).toBeLessThan(yaml.indexOf('id: a1'));
    expect(yaml.indexOf('# The key commitment')).toBeGreaterThan(yaml.indexOf('id: a4'));
    expect(yaml.indexOf('# The key commitment')).toBeLessThan(yaml.indexOf('id: a1'));
    expect(parseSidecar(yaml)).toEqual({ ...next, annotations: [...next.annotations].sort(compareAnnotations) });
  });

  it('removes the last annotation as annotations: [] and adds to an empty list', () => {
    const emptied = serializeSidecar({ ...before, annotations: [] }, handEdited);
    expect(parseSidecar(emptied).annotations).toEqual([]);
    expect(emptied).toContain('# Annotations of the G7 communiqué');
    const refilled = serializeSidecar({ ...before, annotations: [annotation('z', 1, 3)] }, emptied);
    expect(parseSidecar(refilled).annotations.map((a) => a.id)).toEqual(['z']);
  });

  it('refuses to rewrite a previous file it cannot read', () => {
    expect(sidecarError(() => serializeSidecar(before, 'version: 2\n')).kind).toBe('newer-version');
    expect(sidecarError(() => serializeSidecar(before, 'version: [1\n')).kind).toBe('syntax');
  });
});

describe('parseSidecar on bad input', () => {
  const valid = serializeSidecar(sidecar(annotation('a1', 10, 20)));

  it('reports invalid YAML as syntax with line and column', () => {
    expectKind('version: 1\nsource: [unclosed\nsha256: x\n', 'syntax', /line \d+, column \d+/);
    expectKind(`${valid}version: 1\n`, 'syntax', /unique/);
    expectKind(`${valid}---\nversion: 1\n`, 'syntax');
    expectKind('a: *nowhere\n', 'syntax');
  });

  it('reports a newer schema version as made by a newer Diplomat', () => {
    expectKind(valid.replace('version: 1', 'version: 2'), 'newer-version', /newer Diplomat/);
    // Even when the rest of the file has a shape this version does not know.
    expectKind('version: 3\nnotes: {}\n', 'newer-version');
  });

  it('names the annotation and the field that break the schema', () => {
    expectKind(valid.replace(/start: 10/, 'start: -1'), 'schema', /annotation 1 \(id a1\), "target\.start" must be a whole number/);
    expectKind(valid.replace(/state: anchored/, 'state: lost'), 'schema', /annotation 1 \(id a1\), "state" must be one of anchored, moved, fuzzy, orphaned/);
    expectKind(valid.replace(/note: ""/, 'note: 42'), 'schema', /"note" must be a string.*quotes/);
    expectKind(valid.replace(/^ {4}tags: .*$/m, '    tags: praise'), 'schema', /"tags" must be a list/);
    expectKind(valid.replace(/^ {4}created: .*$/m, '    created: yesterday'), 'schema', /"created" must be an ISO 8601 time/);
    expectKind(valid.replace(/^ {6}end: 20$/m, '      end: 5'), 'schema', /"target\.end" must not be before "start"/);
    expectKind(valid.replace(/^version: 1$/m, 'version: "1"'), 'schema', /"version" must be 1/);
    expectKind(valid.replace(/^sha256: .*$/m, 'sha256: abc'), 'schema', /"sha256" must be 64 hexadecimal digits/);
    expectKind('', 'schema', /empty/);
    expectKind('- a list\n', 'schema', /must be a mapping/);
    const e = expectKind(valid.replace(/^ {4}state: anchored$/m, '    state: 7'), 'schema');
    expect(e.message).toMatch(/^line \d+: /);
  });

  it('rejects two annotations with one id', () => {
    const twice = serializeSidecar(sidecar(annotation('same', 1, 2), annotation('other', 3, 4))).replace('id: other', 'id: same');
    expectKind(twice, 'schema', /annotation 2 \(id same\).*repeats the id of annotation 1/);
  });

  it('treats `annotations:` with nothing after it as none, and sorts what it reads', () => {
    expect(parseSidecar(valid.replace(/annotations:[\s\S]*$/, 'annotations:\n')).annotations).toEqual([]);
    // The file lists b (at 5) before a (at 1): read back sorted by position, and left as it is when unchanged.
    const sorted = serializeSidecar(sidecar(annotation('a', 1, 2), annotation('b', 5, 6)));
    const unsorted = sorted.replace('start: 1\n      end: 2', 'START_A').replace('start: 5\n      end: 6', 'start: 1\n      end: 2').replace('START_A', 'start: 5\n      end: 6');
    expect(unsorted).not.toBe(sorted);
    const read = parseSidecar(unsorted);
    expect(read.annotations.map((a) => a.id)).toEqual(['b', 'a']);
    expect(serializeSidecar(read, unsorted)).toBe(unsorted);
  });

  it('rejects a 6 MB file as too large, at once', () => {
    const huge = `${valid}# ${'x'.repeat(6 * 1024 * 1024)}\n`;
    const t = performance.now();
    expectKind(huge, 'too-large', /larger than 5 MB/);
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    // 2 million 3-byte characters: 2 M characters, 6 MB.
    expectKind(`# ${'€'.repeat(2 * 1024 * 1024)}\n${valid}`, 'too-large');
    expect(MAX_SIDECAR_BYTES).toBe(5 * 1024 * 1024);
  });

  it('rejects a billion-laughs alias bomb fast, without expanding it', () => {
    let bomb = 'version: 1\na0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const t = performance.now();
    expectKind(bomb, 'too-many-aliases', /aliases/);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('rejects a small alias bomb that stays under the alias count but expands a lot', () => {
    // 16 aliases, each doubling: 2^16 copies if expanded.
    let bomb = 'version: 1\nb0: &b0 [lol]\n';
    for (let i = 1; i <= 8; i++) bomb += `b${i}: &b${i} [*b${i - 1}, *b${i - 1}]\n`;
    expectKind(bomb, 'too-many-aliases', /expands its YAML aliases too much/);
  });

  it('accepts a few aliases a person may use', () => {
    const yaml = valid.replace(/^ {4}tags: .*$/m, '    tags: &common [praise]');
    const withAlias = `${yaml.trimEnd()}\n  - id: a9\n    tags: *common\n    target: { exact: x, prefix: '', suffix: '', start: 90, end: 91 }\n    state: anchored\n    created: 2024-05-01T09:30:00.000Z\n    modified: 2024-05-01T09:30:00.000Z\n`;
    expect(parseSidecar(withAlias).annotations.map((a) => a.tags)).toEqual([['praise'], ['praise']]);
  });

  it('throws only SidecarError on absurd nesting and random garbage', () => {
    expect(sidecarError(() => parseSidecar(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).kind).toMatch(/syntax|schema/);
    const random = seeded(7);
    const alphabet = 'ab: -\n\t[]{}&*!|>\'"%@`#,?~0123456789.\\';
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let i = 0; i < 40; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      try {
        parseSidecar(s);
      } catch (e) {
        expect(e, JSON.stringify(s)).toBeInstanceOf(SidecarError);
      }
    }
  });
});

describe('JSON Schema', () => {
  const schemaPath = join(__dirname, '../../../schemas/diplomat-sidecar.schema.json');
  interface Property { description?: string }
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
    $schema: string;
    required: string[];
    properties: Record<string, Property>;
    definitions: {
      annotation: {
        required: string[];
        properties: Record<string, Property> & { target: Property & { properties: Record<string, Property>; required: string[] } };
      };
    };
  };

  it('is draft-07 with a description on every property', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const all = [
      ...Object.values(schema.properties),
      ...Object.values(schema.definitions.annotation.properties),
      ...Object.values(schema.definitions.annotation.properties.target.properties),
    ];
    for (const p of all) expect(p.description).toBeTruthy();
  });

  it('lists every key the serializer writes, and requires what parseSidecar requires', () => {
    const yaml = serializeSidecar(sidecar(annotation('a1', 1, 2, { note: 'n' })));
    const value = parseDocument(yaml).toJS() as Record<string, unknown> & { annotations: Record<string, unknown>[] };
    const annotationKeys = Object.keys(value.annotations[0]);
    const targetKeys = Object.keys(value.annotations[0].target as object);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(value).sort());
    expect(Object.keys(schema.definitions.annotation.properties).sort()).toEqual(annotationKeys.sort());
    expect(Object.keys(schema.definitions.annotation.properties.target.properties).sort()).toEqual(targetKeys.sort());
    expect(schema.required.sort()).toEqual(['annotations', 'length', 'sha256', 'source', 'version']);
    expect(schema.definitions.annotation.required.sort()).toEqual(['created', 'id', 'modified', 'state', 'tags', 'target']);
  });
});
