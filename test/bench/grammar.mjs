// Grammar throughput: tokenizes the benchmark texts line by line with the project's TextMate grammar, through
// vscode-textmate and vscode-oniguruma — the engine VS Code itself uses — and prints MB/s.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Tokenizes each file once (after a short warm-up) and logs MB/s; `files` are absolute paths. */
export async function benchGrammar({ files, log = console.log }) {
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  await oniguruma.loadWASM(readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) =>
      scope === 'text.statement'
        ? textmate.parseRawGrammar(readFileSync(join(repo, 'syntaxes/statement.tmLanguage.json'), 'utf8'), 'statement.tmLanguage.json')
        : null,
  });
  const grammar = await registry.loadGrammar('text.statement');
  log('\n4. Grammar tokenization (vscode-textmate + vscode-oniguruma, line by line as VS Code does)');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split(/\r?\n/);
    const tokenize = (count) => {
      let state = textmate.INITIAL;
      let tokens = 0;
      for (let i = 0; i < count; i++) {
        const result = grammar.tokenizeLine(lines[i], state);
        state = result.ruleStack;
        tokens += result.tokens.length;
      }
      return tokens;
    };
    tokenize(Math.min(lines.length, 2000));
    const t = performance.now();
    const tokens = tokenize(lines.length);
    const ms = performance.now() - t;
    const mb = Buffer.byteLength(text) / 1e6;
    log(`  ${file.split('/').pop().padEnd(30)} ${mb.toFixed(2)} MB  ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s  (${tokens.toLocaleString('en-US')} tokens)`);
  }
}
