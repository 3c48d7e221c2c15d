import { defineConfig } from 'tsup';
import { existsSync } from 'node:fs';

// Two bundles: the library (ESM + CJS + .d.ts) and the CLI. Worker entry points are built as
// their own files so that `new Worker(new URL('./x.js', import.meta.url))` finds them in dist/.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', ...(existsSync('src/core/parallel/worker.ts') ? { 'core/parallel/worker': 'src/core/parallel/worker.ts' } : {}) },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true,
    splitting: false,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20',
    shims: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
