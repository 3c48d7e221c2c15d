/*
 * Development only: when orgraph runs from its TypeScript sources (tests, `npm run orgraph`), the
 * analysis worker starts from this file, which loads analysis-worker.ts through tsx (a devDependency).
 * The package's own analysis workers start from the built dist/report/analysis-worker.{js,cjs};
 * see core/parallel/threads.ts, workerEntry('analysis').
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap by design */
require('tsx/cjs/api').register();
require('./analysis-worker.ts');
