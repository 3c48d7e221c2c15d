import { defineConfig } from 'tsup';

// Two bundles: the library (ESM + CJS + .d.ts) and the CLI. The worker-thread entry is built as
// its own file (dist/core/parallel/worker.{js,cjs}) so that the pool can start it from dist/.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'core/parallel/worker': 'src/core/parallel/worker.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: false,
    clean: true,
    target: 'node20',
    shims: true,
    splitting: false,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['cjs'],
    sourcemap: false,
    target: 'node20',
    shims: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
