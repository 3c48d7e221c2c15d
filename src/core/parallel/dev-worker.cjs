/*
 * Development only: when orgraph runs from its TypeScript sources (tests, `npm run orgraph`), workers
 * start from this file, which loads worker.ts through tsx (a devDependency). The package's own
 * workers start from the built dist/core/parallel/worker.{js,cjs}; see threads.ts, workerEntry().
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap by design */
require('tsx/cjs/api').register();
require('./worker.ts');
