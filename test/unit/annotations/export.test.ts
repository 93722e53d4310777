import { describe, expect, it } from 'vitest';
import type { Annotation, Sidecar } from '../../../src/core/annotations';
import { emptySidecar } from '../../../src/core/annotations';
import type { W3CTextPositionSelector, W3CTextQuoteSelector } from '../../../src/core/annotations/export';
import { codePointOffsets, derivedUuidUrn, toBrat, toCsv, toW3C, W3C_ANNOTATION_CONTEXT } from '../../../src/core/annotations/export';

// Two emoji (two UTF-16 units each, one code point each) before the passages: UTF-16 offsets are 2 ahead.
const text = '🇺🇳 The minister said: "We will act."\r\nSanctions follow.\n\nNext paragraph.';
const act = text.indexOf('We will act.');
const multi = text.indexOf('act."');
const multiEnd = text.indexOf(' follow');

function annotation(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    tags: ['commitment'],
    note: '',
    target: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end },
    state: 'anchored',
    created: '2024-05-01T09:30:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    author: 'Ana',
    ...extra,
  };
}

const orphan = annotation('orphan1', 0, 4, { state: 'orphaned', target: { exact: 'gone, "quoted"', prefix: '', suffix: '', start: 0, end: 14 } });
const sidecar: Sidecar = {
  ...emptySidecar('speech.statement', 'a'.repeat(64), text.length),
  annotations: [
    orphan,
    annotation('act1', act, act + 'We will act.'.length, { note: 'A pledge, "firm", with a comma' }),
    annotation('multi1', multi, multiEnd, { tags: ['warning', 'sanctions'], note: 'Two\nlines', author: null }),
  ],
};

describe('codePointOffsets', () => {
  it('counts each surrogate pair as one', () => {
    const cp = codePointOffsets('a😀b😀c');
    expect([0, 1, 3, 4, 6, 7].map(cp)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cp(2)).toBe(2);
    expect(codePointOffsets('plain')(3)).toBe(3);
  });
});

describe('W3C Web Annotation export', () => {
  const collection = JSON.parse(JSON.stringify(toW3C(sidecar, text))) as ReturnType<typeof toW3C>;
  const items = collection.first.items;

  it('is an AnnotationCollection of annotations with the anno.jsonld context and urn:uuid ids', () => {
    expect(collection['@context']).toBe(W3C_ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    for (const item of items) {
      expect(item['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(item.type).toBe('Annotation');
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
    expect(derivedUuidUrn('x')).toBe(derivedUuidUrn('x'));
  });

  it('has TextQuote and TextPosition selectors, positions in code points', () => {
    const a = items[1];
    expect(a.target.source).toBe('speech.statement');
    const [quote, position] = a.target.selector as [W3CTextQuoteSelector, W3CTextPositionSelector];
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'We will act.' });
    expect(position.type).toBe('TextPositionSelector');
    // The flag emoji is two code points (four UTF-16 units) before the passage.
    expect(position.start).toBe(act - 2);
    expect(position.end).toBe(act - 2 + 'We will act.'.length);
    expect([...text].slice(position.start, position.end).join('')).toBe('We will act.');
  });

  it('puts the note and the tags in TextualBody with their purposes', () => {
    expect(items[1].body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: 'A pledge, "firm", with a comma', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'commitment' },
    ]);
    expect(items[1].creator).toEqual({ type: 'Person', name: 'Ana' });
    expect(items[2].creator).toBeUndefined();
  });

  it('keeps an orphan with its quote selector only and its state', () => {
    const o = items[0];
    expect(o.target.selector).toEqual({ type: 'TextQuoteSelector', exact: 'gone, "quoted"', prefix: '', suffix: '' });
    expect(o['diplomat:state']).toBe('orphaned');
    expect(items[1]['diplomat:state']).toBe('anchored');
  });
});

describe('brat export', () => {
  const { ann, skipped } = toBrat(sidecar, text);
  const lines = ann.trimEnd().split('\n');

  it('writes T entries with code-point offsets and AnnotatorNotes', () => {
    expect(lines[0]).toBe(`T1\tcommitment ${act - 2} ${act - 2 + 12}\tWe will act.`);
    expect(lines[1]).toBe('#1\tAnnotatorNotes T1\tA pledge, "firm", with a comma');
  });

  it('splits a passage across a line break into fragments, one entry per tag', () => {
    // 'act."\r\nSanctions': fragment one ends before \r, fragment two starts after \n.
    const cr = text.indexOf('\r');
    const first = `${multi - 2} ${cr - 2}`;
    const second = `${cr + 2 - 2} ${multiEnd - 2}`;
    expect(lines[2]).toBe(`T2\twarning ${first};${second}\tact." Sanctions`);
    expect(lines[3]).toBe(`T3\tsanctions ${first};${second}\tact." Sanctions`);
    expect(lines[4]).toBe('#2\tAnnotatorNotes T2\tTwo lines');
    expect(lines).toHaveLength(5);
  });

  it('leaves orphans out and returns them', () => {
    expect(skipped.map((a) => a.id)).toEqual(['orphan1']);
    expect(ann).not.toContain('gone');
  });

  it('gives every fragment the text at its code-point offsets', () => {
    const codePoints = [...text];
    for (const line of lines.filter((l) => l.startsWith('T'))) {
      const [, spans, passage] = line.split('\t') as [string, string, string];
      const fragments = spans.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      expect(fragments.map(([s, e]) => codePoints.slice(s, e).join('')).join(' ')).toBe(passage);
    }
  });
});

describe('CSV export', () => {
  const csv = toCsv(sidecar, text);

  it('has a header and RFC 4180 quoting, CRLF rows, UTF-16 offsets', () => {
    expect(csv.startsWith('id,tags,note,start,end,state,text\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('orphan1,commitment,,0,14,orphaned,"gone, ""quoted"""\r\n');
    expect(csv).toContain(`act1,commitment,"A pledge, ""firm"", with a comma",${act},${act + 12},anchored,We will act.\r\n`);
    expect(csv).toContain(`multi1,warning;sanctions,"Two\nlines",${multi},${multiEnd},anchored,"act.""\r\nSanctions"\r\n`);
  });

  it('parses back into the same fields', () => {
    // A minimal RFC 4180 reader: enough to prove the quoting is reversible.
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i];
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
    }
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual(['multi1', 'warning;sanctions', 'Two\nlines', String(multi), String(multiEnd), 'anchored', text.slice(multi, multiEnd)]);
  });
});
