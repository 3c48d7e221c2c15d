import { defineConfig } from 'tsup';

// Three builds: the library (ESM + CJS + .d.ts), the analysis worker and the CLI. The two worker-thread entries are built
// as their own self-contained files: the kernels' worker (path tasks and matrix products;
// src/core/parallel/worker.ts -> dist/core/parallel/worker.{js,cjs}, small, started by every pool)
// and the analysis worker (the report pipeline for analysis({ thread: 'worker' });
// src/report/analysis-worker.ts -> dist/report/analysis-worker.{js,cjs}). Both are found by
// threads.ts, workerEntry(kind); a bundler user copies them, see docs/guides/bundling.md.
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
    // Self-contained like the kernels' worker, so a bundler user can copy it as one file: the one
    // runtime dependency the pipeline reaches (yaml, through the objectives module) is bundled in.
    entry: { 'report/analysis-worker': 'src/report/analysis-worker.ts' },
    format: ['esm', 'cjs'],
    sourcemap: false,
    target: 'node20',
    shims: true,
    splitting: false,
    noExternal: ['yaml'],
    // yaml's Node build is CommonJS (it requires node:process): the ESM file needs a `require`.
    banner: ({ format }) =>
      format === 'esm'
        ? {
            js: "import { createRequire as __orgraphCreateRequire } from 'node:module'; const require = __orgraphCreateRequire(import.meta.url);",
          }
        : {},
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
