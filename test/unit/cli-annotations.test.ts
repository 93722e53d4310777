import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationListing } from '../../src/cli/annotations';
import type { CliIo } from '../../src/cli/command';
import { ExitCode } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { gitUserName, sha256Hex } from '../../src/cli/sidecarStore';
import { createTagCommand } from '../../src/cli/tag';
import { parseSidecar } from '../../src/core/annotations';
import type { W3CAnnotationCollection, W3CTextPositionSelector } from '../../src/core/annotations/export';
import { ANNOTATION_ID_PATTERN } from '../../src/core/annotations/ids';

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s) }, out, err };
}

async function run(...argv: string[]): Promise<Run> {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out, err: c.err };
}

// A statement this test wrote: an emoji before the tagged passages, so UTF-16 and code-point offsets differ.
const statement = [
  'Joint statement 🌍 of the ministers',
  '',
  'The ministers welcomed the agreement on grain exports and pledged 10 billion euros for reconstruction.',
  'They warned that further attacks on shipping would be met with sanctions.',
  '',
].join('\n');
const pledge = 'pledged 10 billion euros';
const warned = 'warned that further attacks on shipping would be met with sanctions';

let root: string;
let folder: string;
let file: string;
let sidecarPath: string;
let counter = 0;

beforeEach(() => {
  root ??= mkdtempSync(join(tmpdir(), 'diplomat-cli-annotations-'));
  folder = join(root, `case${++counter}`);
  mkdirSync(folder);
  file = join(folder, 'ministers.statement');
  sidecarPath = `${file}.diplomat.yaml`;
  writeFileSync(file, statement);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function tag(start: number, end: number, ...more: string[]): Promise<Run> {
  return run('tag', file, '--start', String(start), '--end', String(end), '--author', 'Test Author', ...more);
}

async function list(...more: string[]): Promise<AnnotationListing[]> {
  const r = await run('annotations', file, '--json', ...more);
  expect(r.code, r.err.join('\n')).toBe(ExitCode.ok);
  expect(r.out).toHaveLength(1);
  return JSON.parse(r.out[0]) as AnnotationListing[];
}

describe('diplomat tag and annotations', () => {
  it('tags a passage, prints its id, and lists it back re-anchored', async () => {
    const start = statement.indexOf(pledge);
    const r = await tag(start, start + pledge.length, '--tag', 'commitment', '--tag', 'economy', '--note', 'The key pledge.');
    expect(r.code, r.err.join('\n')).toBe(ExitCode.ok);
    expect(r.out).toHaveLength(1);
    const id = r.out[0];
    expect(id).toMatch(ANNOTATION_ID_PATTERN);

    const yaml = readFileSync(sidecarPath, 'utf8');
    expect(yaml).toMatch(/^# Diplomat annotations of ministers\.statement/);
    const sidecar = parseSidecar(yaml);
    expect(sidecar).toMatchObject({ version: 1, source: 'ministers.statement', sha256: sha256Hex(statement), length: statement.length });
    expect(sidecar.annotations[0]).toMatchObject({ id, tags: ['commitment', 'economy'], note: 'The key pledge.', author: 'Test Author', state: 'anchored' });

    expect(await list()).toEqual([{ id, tags: ['commitment', 'economy'], note: 'The key pledge.', start, end: start + pledge.length, text: pledge, state: 'anchored' }]);
  });

  it('adds a second annotation in sorted position with another id', async () => {
    const w = statement.indexOf(warned);
    const p = statement.indexOf(pledge);
    const first = (await tag(w, w + warned.length, '--tag', 'warning')).out[0];
    const second = (await tag(p, p + pledge.length, '--tag', 'commitment')).out[0];
    expect(first).not.toBe(second);
    expect((await list()).map((a) => a.id)).toEqual([second, first]);
  });

  it('re-anchors the existing annotations when the text changed before tagging again', async () => {
    const p = statement.indexOf(pledge);
    const first = (await tag(p, p + pledge.length, '--tag', 'commitment')).out[0];
    const edited = `Update.\n${statement}`;
    writeFileSync(file, edited);
    const w = edited.indexOf(warned);
    expect((await tag(w, w + warned.length, '--tag', 'warning')).code).toBe(ExitCode.ok);
    const sidecar = parseSidecar(readFileSync(sidecarPath, 'utf8'));
    expect(sidecar.sha256).toBe(sha256Hex(edited));
    expect(sidecar.annotations[0]).toMatchObject({ id: first, state: 'moved', target: { start: p + 8, exact: pledge } });
  });

  it('takes the author from git when --author is not given', async () => {
    const c = capture();
    const command = createTagCommand({ gitUserName: () => Promise.resolve('Git User'), now: () => new Date('2024-05-01T09:30:00.000Z') });
    const start = statement.indexOf(pledge);
    expect(await command.run([file, '--start', String(start), '--end', String(start + 7), '--tag', 'commitment'], c.io)).toBe(ExitCode.ok);
    const a = parseSidecar(readFileSync(sidecarPath, 'utf8')).annotations[0];
    expect(a.author).toBe('Git User');
    expect(a.created).toBe('2024-05-01T09:30:00.000Z');
    const none = createTagCommand({ gitUserName: () => Promise.resolve(null), now: () => new Date() });
    expect(await none.run([file, '--start', '0', '--end', '5', '--tag', 'praise'], c.io)).toBe(ExitCode.ok);
    expect(parseSidecar(readFileSync(sidecarPath, 'utf8')).annotations[0].author).toBeNull();
  });

  it('reads git\'s user.name of the repository the text is in', async () => {
    execFileSync('git', ['init', '-q', folder]);
    execFileSync('git', ['-C', folder, 'config', 'user.name', 'Repo Person']);
    expect(await gitUserName(folder)).toBe('Repo Person');
  });

  it('refuses offsets outside the text, empty ranges, split surrogate pairs and bad tags, writing nothing', async () => {
    const emoji = statement.indexOf('🌍');
    const cases: string[][] = [
      ['--start', '5', '--end', '5', '--tag', 'praise'],
      ['--start', '0', '--end', String(statement.length + 1), '--tag', 'praise'],
      ['--start', String(emoji + 1), '--end', String(emoji + 5), '--tag', 'praise'],
      ['--start', '0', '--end', String(emoji + 1), '--tag', 'praise'],
      ['--start', '1.5', '--end', '4', '--tag', 'praise'],
      ['--start', '0', '--end', '4', '--tag', 'two words'],
      ['--start', '0', '--end', '4'],
      ['--end', '4', '--tag', 'praise'],
    ];
    for (const args of cases) {
      const r = await run('tag', file, ...args);
      expect(r.code, args.join(' ')).toBe(ExitCode.usage);
      expect(r.err.join('\n')).toMatch(/^diplomat tag: .*--help/);
    }
    expect(readdirSync(folder)).toEqual(['ministers.statement']);
  });

  it('fails on a corrupt sidecar with a clear message and leaves its bytes as they were', async () => {
    const corrupt = [
      '# my notes\nversion: 1\nannotations: [ {id: a, tags: [praise\n',
      'version: 2\nsource: ministers.statement\n',
      `version: 1\nsource: ministers.statement\nsha256: ${'a'.repeat(64)}\nlength: 5\nannotations:\n  - id: a\n    tags: [praise]\n`,
    ];
    for (const content of corrupt) {
      const bytes = Buffer.from(content, 'utf8');
      writeFileSync(sidecarPath, bytes);
      const r = await tag(0, 5, '--tag', 'praise');
      expect(r.code).toBe(ExitCode.badInput);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(new RegExp(`^diplomat: ${sidecarPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(r.err[0]).toMatch(/not valid YAML|newer Diplomat|annotation 1 \(id a\)/);
      expect(readFileSync(sidecarPath).equals(bytes)).toBe(true);
      expect(readdirSync(folder).sort()).toEqual(['ministers.statement', 'ministers.statement.diplomat.yaml']);
    }
  });

  it('re-anchors after an outside edit; writes the result only with --write', async () => {
    const start = statement.indexOf(pledge);
    const id = (await tag(start, start + pledge.length, '--tag', 'commitment')).out[0];
    const edited = `PREAMBLE ADDED.\n${statement}`;
    writeFileSync(file, edited);
    const before = readFileSync(sidecarPath, 'utf8');

    const moved = await list();
    expect(moved).toEqual([expect.objectContaining({ id, start: start + 16, end: start + 16 + pledge.length, text: pledge, state: 'moved' })]);
    expect(readFileSync(sidecarPath, 'utf8')).toBe(before);

    await list('--write');
    const after = parseSidecar(readFileSync(sidecarPath, 'utf8'));
    expect(after.sha256).toBe(sha256Hex(edited));
    expect(after.length).toBe(edited.length);
    expect(after.annotations[0].target.start).toBe(start + 16);
    // Nothing left over from the atomic write.
    expect(readdirSync(folder).sort()).toEqual(['ministers.statement', 'ministers.statement.diplomat.yaml']);
  });

  it('lists nothing for a text without a sidecar', async () => {
    expect(await list()).toEqual([]);
    expect(readdirSync(folder)).toEqual(['ministers.statement']);
  });
});

describe('diplomat check', () => {
  it('passes a good sidecar, then exits 1 and names the orphan once the passage is rewritten away', async () => {
    const w = statement.indexOf(warned);
    const id = (await tag(w, w + warned.length, '--tag', 'warning')).out[0];
    const ok = await run('check', folder);
    expect(ok.code, ok.out.join('\n')).toBe(ExitCode.ok);
    expect(ok.out.at(-1)).toBe('Checked 1 sidecar: no problems.');

    writeFileSync(file, statement.replace(/They warned[^\n]*\n/, 'The ministers then left for lunch without further comment.\n'));
    const bad = await run('check', folder);
    expect(bad.code).toBe(ExitCode.problems);
    expect(bad.out.join('\n')).toContain(`annotation ${id} [warning] is orphaned`);
    expect(bad.out.at(-1)).toBe('Checked 1 sidecar: 1 problem (1 orphaned annotation).');
    // check never writes.
    expect(parseSidecar(readFileSync(sidecarPath, 'utf8')).annotations[0].state).toBe('anchored');
  });

  it('reports corrupt sidecars, missing texts and bad tag sets; accepts text and sidecar paths', async () => {
    await tag(0, 5, '--tag', 'praise');
    expect((await run('check', file)).code).toBe(ExitCode.ok);
    expect((await run('check', sidecarPath)).code).toBe(ExitCode.ok);

    writeFileSync(join(folder, 'lost.statement.diplomat.yaml'), readFileSync(sidecarPath, 'utf8').replace('source: ministers.statement', 'source: lost.statement'));
    writeFileSync(join(folder, 'broken.statement.diplomat.yaml'), 'version: 1\nsource: [\n');
    mkdirSync(join(folder, '.diplomat'));
    writeFileSync(join(folder, '.diplomat', 'tags.yaml'), 'tags:\n  - name: praise\n    color: green\n');
    const r = await run('check', folder);
    expect(r.code).toBe(ExitCode.problems);
    const out = r.out.join('\n');
    expect(out).toMatch(/broken\.statement\.diplomat\.yaml: the sidecar is not valid YAML: line \d+, column \d+/);
    expect(out).toMatch(/lost\.statement\.diplomat\.yaml: its text .*lost\.statement no such file or directory: 1 annotation cannot be anchored/);
    expect(out).toMatch(/tags\.yaml: line 3: tag 1 \("praise"\) "color" must be "#rrggbb"/);
    expect(r.out.at(-1)).toBe('Checked 3 sidecars and 1 tag set: 3 problems.');
  });

  it('exits 3 for a path that does not exist', async () => {
    const r = await run('check', join(folder, 'nowhere'));
    expect(r.code).toBe(ExitCode.unreadable);
    expect(r.err[0]).toMatch(/no such file or directory/);
  });
});

describe('diplomat export', () => {
  async function tagged(): Promise<{ start: number; end: number }> {
    const start = statement.indexOf(pledge);
    const end = start + pledge.length;
    expect((await tag(start, end, '--tag', 'commitment', '--note', 'Money, "real" money')).code).toBe(ExitCode.ok);
    const w = statement.indexOf(warned);
    expect((await tag(w, w + warned.length, '--tag', 'warning')).code).toBe(ExitCode.ok);
    return { start, end };
  }

  it('exports W3C JSON-LD with code-point positions', async () => {
    const { start, end } = await tagged();
    const r = await run('export', file, '--to', 'w3c');
    expect(r.code, r.err.join('\n')).toBe(ExitCode.ok);
    const collection = JSON.parse(r.out.join('\n')) as W3CAnnotationCollection;
    expect(collection.type).toBe('AnnotationCollection');
    const first = collection.first.items[0];
    const position = (first.target.selector as readonly unknown[])[1] as W3CTextPositionSelector;
    // The globe emoji is one code point but two UTF-16 units.
    expect(position).toEqual({ type: 'TextPositionSelector', start: start - 1, end: end - 1 });
    expect([...statement].slice(position.start, position.end).join('')).toBe(pledge);
  });

  it('exports brat with code-point offsets and CSV with UTF-16 offsets', async () => {
    const { start, end } = await tagged();
    const brat = await run('export', file, '--to', 'brat');
    expect(brat.code).toBe(ExitCode.ok);
    expect(brat.out.join('\n').split('\n')[0]).toBe(`T1\tcommitment ${start - 1} ${end - 1}\t${pledge}`);
    const csv = await run('export', file, '--to', 'csv');
    expect(csv.out.join('\n')).toContain(`,commitment,"Money, ""real"" money",${start},${end},anchored,${pledge}\r\n`);
  });

  it('writes --out atomically and names orphans left out of brat', async () => {
    await tagged();
    writeFileSync(file, statement.replace(pledge, 'promised nothing at all'));
    const out = join(folder, 'ministers.ann');
    const r = await run('export', file, '--to', 'brat', '--out', out);
    expect(r.code).toBe(ExitCode.ok);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(/1 orphaned annotation left out/);
    expect(readFileSync(out, 'utf8')).toMatch(/^T1\twarning \d+ \d+\twarned that/);
    expect(readdirSync(folder).sort()).toEqual(['ministers.ann', 'ministers.statement', 'ministers.statement.diplomat.yaml']);
  });

  it('refuses an unknown format and a text without annotations', async () => {
    expect((await run('export', file, '--to', 'xml')).code).toBe(ExitCode.usage);
    const none = await run('export', file, '--to', 'csv');
    expect(none.code).toBe(ExitCode.unreadable);
    expect(none.err[0]).toMatch(/has no annotations/);
  });
});
