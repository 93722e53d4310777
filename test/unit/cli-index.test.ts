import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command';
import { ExitCode } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import type { CorpusIndexJson } from '../../src/core/corpus';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out, err };
}

// Statements this test wrote: two dated in their text, one dated only by its file time.
const y2018 = [
  '17 January 2018',
  '',
  '“Our cooperation is growing,” Nursultan Nazarbayev said.',
  '50 billion dollars of investments were received from US companies in Kazakhstan.',
  'The Elbasy thanked Donald Tramp.',
].join('\n');
const y2025 = [
  ' date 2025-09-23 Remarks in New York',
  '',
  'The United States, having invested more than $100 billion, is the major investor in Kazakhstan.',
].join('\n');
const undated = 'Notes of the desk\n\nKazakhstan welcomed the visit.\n';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'diplomat-cli-index-'));
  const ws = join(root, 'ws');
  mkdirSync(join(ws, 'kazakhstan', 'deep'), { recursive: true });
  mkdirSync(join(ws, '.diplomat'));
  writeFileSync(join(ws, 'kazakhstan', 'nazarbayev-2018.statement'), y2018);
  writeFileSync(join(ws, 'kazakhstan', 'deep', 'tokayev-2025.txt'), y2025);
  writeFileSync(join(ws, 'notes.transcript'), undated);
  utimesSync(join(ws, 'notes.transcript'), new Date('2021-06-15T12:00:00Z'), new Date('2021-06-15T12:00:00Z'));
  writeFileSync(join(ws, 'ignored.md'), 'not a statement');
  writeFileSync(join(ws, '.diplomat', 'entities.yaml'), [
    '# corrections',
    'entities:',
    '  - canonical: Donald Trump',
    '    type: PERSON',
    '    aliases: [Donald Tramp]',
    '  - canonical: Nursultan Nazarbayev',
    '    type: PERSON',
    '    aliases: [Elbasy]',
    'ignored: [New York]',
    '',
  ].join('\n'));
  mkdirSync(join(root, 'empty'));
  mkdirSync(join(root, 'bad-registry', '.diplomat'), { recursive: true });
  writeFileSync(join(root, 'bad-registry', 'a.statement'), y2018);
  writeFileSync(join(root, 'bad-registry', '.diplomat', 'entities.yaml'), 'entities:\n  - canonical: X\n    type: THING\n');
  mkdirSync(join(root, 'mixed'));
  writeFileSync(join(root, 'mixed', 'good.statement'), y2018);
  writeFileSync(join(root, 'mixed', 'blank.statement'), '   \n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('diplomat index', () => {
  it('prints the index as JSON: relative paths, dates, registry applied', async () => {
    const r = await run('index', '--json', join(root, 'ws'));
    expect(r.err).toEqual([]);
    expect(r.code).toBe(ExitCode.ok);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0]) as CorpusIndexJson;
    expect(Object.keys(json)).toEqual(['documents', 'entities', 'speakers', 'figures']);
    expect(json.documents).toEqual([
      { path: 'kazakhstan/nazarbayev-2018.statement', date: '2018-01-17' },
      { path: 'notes.transcript', date: '2021-06-15' },
      { path: 'kazakhstan/deep/tokayev-2025.txt', date: '2025-09-23' },
    ]);
    expect(json.entities.find((e) => e.canonical === 'Kazakhstan')).toEqual({ canonical: 'Kazakhstan', type: 'COUNTRY', documents: 3, mentions: 3 });
    // The registry: `Donald Tramp` is Donald Trump, `Elbasy` is found as Nazarbayev, New York is ignored.
    expect(json.entities.find((e) => e.canonical === 'Donald Trump')).toMatchObject({ type: 'PERSON', documents: 1, mentions: 1 });
    expect(json.entities.find((e) => e.canonical === 'Donald Tramp')).toBeUndefined();
    expect(json.entities.find((e) => e.canonical === 'Nursultan Nazarbayev')).toMatchObject({ documents: 1, mentions: 2 });
    expect(json.entities.find((e) => e.canonical === 'New York')).toBeUndefined();
    expect(json.speakers).toEqual([{ name: 'Nursultan Nazarbayev', documents: 1, quotes: 1 }]);
    expect(json.figures).toEqual([
      { text: '50 billion dollars', value: 50e9, unit: 'USD', path: 'kazakhstan/nazarbayev-2018.statement', date: '2018-01-17' },
      { text: 'more than $100 billion', value: 100e9, unit: 'USD', path: 'kazakhstan/deep/tokayev-2025.txt', date: '2025-09-23' },
    ]);
  });

  it('prints a readable summary with the figure trend', async () => {
    const r = await run('index', join(root, 'ws'));
    expect(r.code).toBe(ExitCode.ok);
    const text = r.out.join('\n');
    expect(text).toContain('3 documents, dated 2018-01-17 … 2025-09-23');
    expect(text).toMatch(/COUNTRY\s+Kazakhstan\s+3\s+3/);
    expect(text).toContain('Nursultan Nazarbayev: 1 quote in 1 document, 2018-01-17');
    expect(text).toContain('investment (Kazakhstan, United States), USD (2 figures in 2 documents):');
    expect(text).toMatch(/2018-01-17\s+50 billion dollars\s+kazakhstan\/nazarbayev-2018\.statement\n\s+2025-09-23\s+more than \$100 billion/);
  });

  it('reports errors in one line with the usual exit codes', async () => {
    const missing = await run('index', join(root, 'nope'));
    expect(missing.code).toBe(ExitCode.unreadable);
    expect(missing.err).toEqual([`diplomat: ${join(root, 'nope')}: no such file or directory`]);

    const file = await run('index', join(root, 'ws', 'notes.transcript'));
    expect(file.code).toBe(ExitCode.unreadable);
    expect(file.err[0]).toMatch(/is a file, not a folder/);

    const empty = await run('index', '--json', join(root, 'empty'));
    expect(empty.code).toBe(ExitCode.badInput);
    expect(empty.out).toEqual([]);
    expect(empty.err[0]).toMatch(/folder holds no statement files/);

    const registry = await run('index', '--json', join(root, 'bad-registry'));
    expect(registry.code).toBe(ExitCode.badInput);
    expect(registry.out).toEqual([]);
    expect(registry.err).toHaveLength(1);
    expect(registry.err[0]).toMatch(/entities\.yaml: line 3: entity 1 \("X"\): "type" must be one of/);

    const mixed = await run('index', '--json', join(root, 'mixed'));
    expect(mixed.code).toBe(ExitCode.badInput);
    expect(mixed.err).toEqual([`diplomat: ${join(root, 'mixed', 'blank.statement')}: holds only white space: nothing to analyse`]);
    expect((JSON.parse(mixed.out[0]) as CorpusIndexJson).documents.map((d) => d.path)).toEqual(['good.statement']);
  });

  it.each([
    [[], /no folder/],
    [['a', 'b'], /one FOLDER only/],
    [['--bogus', 'a'], /unknown option '--bogus'/],
    [['-'], /standard input cannot be indexed/],
  ])('rejects the command line %j', async (args, message) => {
    const r = await run('index', ...args);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });

  it('has help', async () => {
    const r = await run('index', '--help');
    expect(r.code).toBe(ExitCode.ok);
    expect(r.out[0]).toContain('Usage: diplomat index');
  });
});
