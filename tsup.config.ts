import { defineConfig } from 'tsup';

// Two bundles: the library (ESM + CJS + .d.ts) and the CLI. The one worker-thread entry (path
// tasks and matrix products; src/core/parallel/worker.ts) is built as its own self-contained file,
// dist/core/parallel/worker.{js,cjs}, which every pool starts from dist/ (see threads.ts,
// workerEntry; a bundler user copies it, see docs/guides/bundling.md).
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
