import { defineConfig } from 'vitest/config';
import { countriesVitePlugin } from './scripts/esbuild-countries.mjs';

export default defineConfig({
  // Tests read the same slimmed country data as the bundles.
  plugins: [countriesVitePlugin()],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
