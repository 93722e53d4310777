// Benchmark of the workspace index (issue 6): the time and memory to index a generated workspace of 1,000 statements
// made from the real texts of ../shared/bench, as the sidebar's Workspace scope and `diplomat index` do: read each
// file, analyse it, and add it to a CorpusIndex. It prints numbers next to the goal and never fails on a missed
// goal: it is a measurement, not a test.
//
//   node --expose-gc test/bench/index.mjs     (alone)
//   benchIndex({ benchDir, log })             (from test/bench/run.mjs)
//
// The core is bundled from src/core with esbuild into a temporary folder, as test/bench/run.mjs does, so the numbers
// are those of bundled code. The workspace is written to a temporary folder and removed afterwards; shared texts are
// only read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchFiles = ['ungdc_2019-2023_concat.txt', 'kremlin_2017-2020_concat.txt'];
/** Statements taken from each bench file: 1,000 in all, as in the issue. */
const perFile = 500;
/** Size of the pieces a file without document markers is cut into, at paragraph breaks. */
const chunkBytes = 25_000;
const goalSeconds = 20;
const MB = 1e6;
const MiB = 2 ** 20;

/**
 * Generates the workspace, times building the index and prints the results through `log`.
 * @param {{ benchDir: string, log: (line: string) => void }} options
 */
export async function benchIndex({ benchDir, log }) {
  const present = benchFiles.filter((f) => existsSync(join(benchDir, f)));
  if (!present.length) {
    log(`index bench skipped: no benchmark texts in ${benchDir} (expected ${benchFiles.join(', ')})`);
    return;
  }
  const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => undefined;
  if (typeof globalThis.gc !== 'function') log('note: run with --expose-gc for the retained-heap figure');
  const tmp = mkdtempSync(join(tmpdir(), 'diplomat-bench-index-'));
  try {
    const require = createRequire(import.meta.url);
    const coreFile = join(tmp, 'corpus.cjs');
    await esbuild.build({
      stdin: {
        contents: "export { analyze } from './src/core/index.ts';\nexport * from './src/core/corpus/index.ts';\n",
        resolveDir: repo, loader: 'ts', sourcefile: 'bench-index-entry.ts',
      },
      outfile: coreFile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    });
    const { analyze, CorpusIndex } = require(coreFile);

    // --- The workspace: 500 statements from each file, spread evenly over it so every year is represented.
    const workspace = join(tmp, 'workspace');
    const files = [];
    for (const name of present) {
      const docs = splitDocuments(readFileSync(join(benchDir, name), 'utf8'));
      const step = docs.length / Math.min(perFile, docs.length);
      const folder = join(workspace, name.replace(/_concat\.txt$/, ''));
      mkdirSync(folder, { recursive: true });
      for (let i = 0; i < Math.min(perFile, docs.length); i++) {
        const file = join(folder, `${String(i).padStart(4, '0')}.statement`);
        writeFileSync(file, docs[Math.floor(i * step)]);
        files.push(file);
      }
    }
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    log(`Diplomat workspace index benchmark — node ${process.version}, ${new Date().toISOString()}`);
    log(`workspace: ${files.length} statements, ${fmt(bytes / MB, 1)} MB, from ${present.join(', ')} (${benchDir})`);

    // Warm the JIT on one statement so the timed run is not a compile run.
    new CorpusIndex().set('warm', readFileSync(files[0], 'utf8'), analyze(readFileSync(files[0], 'utf8')));

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const t0 = performance.now();
    const index = new CorpusIndex();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const mtime = statSync(file).mtime.toISOString().slice(0, 10);
      index.set(file.slice(workspace.length + 1), text, analyze(text), mtime);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const seconds = (performance.now() - t0) / 1000;
    gc();
    const retained = process.memoryUsage().heapUsed - heapBefore;

    const t1 = performance.now();
    const json = JSON.stringify(index.toJSON());
    const trends = index.figureTrends();
    const speakers = index.speakers();
    const queryMs = performance.now() - t1;

    log(`  indexed ${index.size} documents in ${fmt(seconds, 2)} s   goal ≤ ${goalSeconds} s ${seconds <= goalSeconds ? '(met)' : '(NOT MET)'}`);
    log(`  ${fmt(index.size / seconds, 0)} documents/s, ${fmt(bytes / MB / seconds, 1)} MB/s (read + analyze + CorpusIndex.set)`);
    log(`  index: ${index.entities().length} entities, ${speakers.length} speakers, ${index.figures().length} figures, ${trends.length} figure trends;`
      + ` listings + toJSON (${fmt(json.length / MB, 1)} MB) in ${fmt(queryMs, 0)} ms`);
    log(`  memory: peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB, peak heap in use ${fmt(heapPeak / MiB, 0)} MB,`
      + ` index retained heap ${typeof globalThis.gc === 'function' ? `${fmt(retained / MiB, 1)} MB` : 'n/a (no --expose-gc)'}`);

    // --- The CLI end to end on the same workspace, when the bundle exists.
    const cli = join(repo, 'dist/cli.js');
    if (existsSync(cli)) {
      const c0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'index', '--json', workspace], { stdio: ['ignore', 'ignore', 'pipe'] });
      const cliSeconds = (performance.now() - c0) / 1000;
      const status = r.status === 0 ? '' : ` (exit ${r.status}: ${String(r.stderr).trim().split('\n')[0]})`;
      log(`  diplomat index --json WORKSPACE: ${fmt(cliSeconds, 2)} s wall (node start + walk + read + analyze + JSON)${status}`);
    } else {
      log(`  CLI skipped: ${cli} missing (run node esbuild.mjs first)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The documents of a bench file: the pieces between its `=== NAME ===` marker lines (the header line before the
 * first marker is dropped); a file without markers is cut into ~{@link chunkBytes} pieces at paragraph breaks.
 */
function splitDocuments(text) {
  const marker = /^=== .* ===$/gm;
  const starts = [...text.matchAll(marker)].map((m) => m.index + m[0].length);
  if (starts.length) {
    return starts.map((s, i) => {
      const end = i + 1 < starts.length ? text.lastIndexOf('\n===', starts[i + 1]) : text.length;
      return text.slice(s, end).trim() + '\n';
    }).filter((d) => d.trim().length > 0);
  }
  const docs = [];
  let pos = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + chunkBytes);
    const br = text.indexOf('\n\n', end);
    end = br === -1 ? text.length : br + 2;
    docs.push(text.slice(pos, end));
    pos = end;
  }
  return docs;
}

function fmt(n, digits) {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(n);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await benchIndex({ benchDir: resolve(repo, '../shared/bench'), log: (line) => console.log(line) });
}
