// Inputs built to break a rule-based analyser: one huge token, thousands of quotation marks that never close, a
// megabyte of digits, runs of no-break spaces. analyze() must finish on each with a well-formed result, and its time
// must grow linearly with the text (issue 3: "No input may make time grow faster than linearly").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core';
import type { Analysis } from '../../src/core';

/** Generous: these inputs take milliseconds when the analyser is linear and would take minutes when it is not. */
const timeout = 60_000;

/** 4× the text must take less than this many times as long; linear is 4, quadratic 16. The margin absorbs noise
 * from test files running in parallel and from the garbage collector. */
const maxGrowth = 8;

function expectWellFormed(analysis: Analysis, text: string): void {
  expect(analysis.version).toBe(1);
  expect(analysis.length).toBe(text.length);
  const spans = [
    ...analysis.entities, ...analysis.quotes, ...analysis.figures,
    ...analysis.speakers.flatMap((s) => s.mentions),
    ...analysis.quotes.flatMap((q) => (q.cue ? [q.cue] : [])),
  ];
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    // Checked only when it fails, so a million spans do not mean a million assertions.
    if (text.slice(s.start, s.end) !== s.text) expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  const ids = new Set(analysis.speakers.map((s) => s.id));
  for (const q of analysis.quotes) if (q.speaker !== null) expect(ids.has(q.speaker), `quote speaker ${q.speaker}`).toBe(true);
}

function analyzeWellFormed(text: string): Analysis {
  const analysis = analyze(text);
  expectWellFormed(analysis, text);
  return analysis;
}

/** Repeats `unit` until the string is `length` UTF-16 units long (the last copy cut). */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Time of one analyze(text) in ms: the best of three measurements, each averaging as many calls as fit in 50 ms, so a
 * fast analyser is still measured well above timer resolution and one slow call (GC, another worker) does not count.
 */
function analyzeTime(text: string): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed: number;
    do {
      analyze(text);
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 50);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

function expectLinear(make: (copies: number) => string, copies: number): void {
  const small = make(copies);
  const large = make(copies * 4);
  analyze(small);
  const tSmall = analyzeTime(small);
  const tLarge = analyzeTime(large);
  const growth = tLarge / tSmall;
  expect(growth, `${small.length} chars: ${tSmall.toFixed(2)} ms; ${large.length} chars: ${tLarge.toFixed(2)} ms`).toBeLessThan(maxGrowth);
}

describe('analyze() on pathological input', () => {
  it('completes on a 200 KB line without spaces', { timeout }, () => {
    analyzeWellFormed(fill('TheRepublicofKazakhstan,theU.S.andtheUAE;$7.5billion(12%)“agreed”—1,000tonnes«da»"no"', 200_000));
    analyzeWellFormed('x'.repeat(200_000));
  });

  it('completes on 10,000 unmatched quotation marks (“ " « mixed)', { timeout }, () => {
    const marks = ['“', '"', '«'];
    const spread = Array.from({ length: 10_000 }, (_, i) => `${marks[i % 3] ?? ''}President Tokayev said that Kazakhstan is ready `).join('');
    analyzeWellFormed(spread);
    analyzeWellFormed(fill('“"«', 10_000));
    analyzeWellFormed(`- ${fill('“ said ', 70_000)}, he said.`);
  });

  it('completes on 1 MB of digits', { timeout }, () => {
    analyzeWellFormed(fill('1234567890', 1_000_000));
    analyzeWellFormed(`$${fill('1,000,', 200_000)} billion`);
    analyzeWellFormed(fill('1.', 200_000));
  });

  it('completes on 100,000 no-break spaces', { timeout }, () => {
    analyzeWellFormed('\u00A0'.repeat(100_000));
    analyzeWellFormed(fill('$\u00A07.5\u00A0billion\u00A0President\u00A0Tokayev\u00A0said\u00A0', 100_000 * 7));
  });

  it('completes on astral characters, CR-only line breaks and lone surrogates', { timeout }, () => {
    analyzeWellFormed(fill('🎉 “Kazakhstan” said 🇰🇿 Tokayev 5% \r', 200_000));
    analyzeWellFormed(fill('\uD83D“\uDE00 $5 ', 100_000));
  });
});

describe('analyze() time grows linearly', () => {
  const statement = readFileSync(join(__dirname, 'fixtures/realistic-statement.txt'), 'utf8');

  it('on N and 4N copies of a realistic statement', { timeout }, () => {
    // About 250 KB and 1 MB: large enough that a quadratic step would dominate the fixed costs.
    const copies = Math.ceil(250_000 / statement.length);
    expectLinear((n) => Array.from({ length: n }, () => statement).join('\n\n'), copies);
  });

  it('on N and 4N unmatched quotation marks', { timeout }, () => {
    const marks = ['“', '"', '«'];
    // 330 KB and 1.3 MB: big enough that timer and scheduler noise on a busy machine cannot fake a 8× growth.
    expectLinear((n) => Array.from({ length: n }, (_, i) => `${marks[i % 3] ?? ''}the Minister said that we agree `).join(''), 10_000);
  });
});
