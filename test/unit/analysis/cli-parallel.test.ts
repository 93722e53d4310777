import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze';

// Large inputs have their figures found in a worker thread by the built CLI (src/cli/analyze.ts), which splices the
// worker's JSON into the output: it must print exactly what one thread would. Only the bundle starts that worker.
const builtCli = resolve(__dirname, '../../../dist/cli.js');
const statement = readFileSync(join(__dirname, '../fixtures/realistic-statement.txt'), 'utf8');

describe.skipIf(!existsSync(builtCli))('built CLI on an input large enough for the figures worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diplomat-parallel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Over 2 MB (the worker threshold), with a BOM and non-ASCII text so decoding matters.
  const text = Array.from({ length: Math.ceil(2_200_000 / statement.length) }, () => statement).join('\n\n');
  const file = join(dir, 'large.txt');
  writeFileSync(file, `\ufeff${text}`);
  const run = (args: string[]): string => {
    const r = spawnSync(process.execPath, [builtCli, 'analyze', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('prints the same bytes as JSON.stringify(analyze(text))', { timeout: 60_000 }, () => {
    expect(run(['--json', file])).toBe(`${JSON.stringify(analyze(text))}\n`);
  });

  it('with several inputs, each line starts with its path as well', { timeout: 60_000 }, () => {
    const lines = run(['--json', file, file]).split('\n');
    expect(lines[0]).toBe(JSON.stringify({ path: file, ...analyze(text) }));
    expect(lines[1]).toBe(lines[0]);
  });
});

describe.skipIf(existsSync(builtCli))('built CLI on an input large enough for the figures worker', () => {
  it('is skipped: dist/cli.js is not built (run node esbuild.mjs)', () => {
    console.log(`note: ${builtCli} not found; the figures-worker test was skipped`);
  });
});
