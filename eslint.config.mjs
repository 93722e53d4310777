// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The core never touches the editor or the machine: strings and plain data in and out.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not import vscode: put editor glue in src/extension.' },
          { name: 'fs', message: 'src/core takes strings: read files in src/cli or src/extension.' },
          { name: 'node:fs', message: 'src/core takes strings: read files in src/cli or src/extension.' },
          { name: 'node:fs/promises', message: 'src/core takes strings.' },
          { name: 'fs/promises', message: 'src/core takes strings.' },
          { name: 'process', message: 'src/core must not depend on the process.' },
          { name: 'node:process', message: 'src/core must not depend on the process.' },
        ],
      }],
    },
  },
  {
    // Only src/extension and the integration tests talk to VS Code.
    files: ['src/cli/**/*.ts', 'test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension imports vscode.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright runs these callbacks in the page, where the browser's globals exist.
    files: ['test/e2e/**/*.mjs', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
