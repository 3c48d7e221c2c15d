/**
 * workerExecArgv: the Node flags a worker gets are the parent's without the module-loading ones
 * (tsx's loader would otherwise be loaded again in every worker), everything else kept in order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../../src/core/parallel/threads.js';

describe('workerExecArgv', () => {
  it('drops --import, --require / -r, --loader, --experimental-loader with their values, both spellings', () => {
    const argv = [
      '--import',
      'tsx',
      '--disallow-code-generation-from-strings',
      '--require=./setup.cjs',
      '-r',
      'dotenv/config',
      '--max-old-space-size=4096',
      '--loader',
      'ts-node/esm',
      '--experimental-loader=./hooks.mjs',
      '--expose-gc',
      '--import=tsx/esm',
      '--stack-size',
      '2000',
    ];
    expect(workerExecArgv(argv)).toEqual([
      '--disallow-code-generation-from-strings',
      '--max-old-space-size=4096',
      '--expose-gc',
      '--stack-size',
      '2000',
    ]);
  });

  it('keeps flags that only start like a loading flag, and an empty list stays empty', () => {
    expect(workerExecArgv(['--imports-are-not-a-flag', '--require-module', '-rx'])).toEqual([
      '--imports-are-not-a-flag',
      '--require-module',
      '-rx',
    ]);
    expect(workerExecArgv([])).toEqual([]);
  });

  it('under node --expose-gc --max-old-space-size --import tsx, a worker starts without the loader and keeps gc', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-execargv-'));
    try {
      const worker = join(dir, 'report.cjs');
      writeFileSync(
        worker,
        "require('node:worker_threads').parentPort.postMessage({ execArgv: process.execArgv, gc: typeof globalThis.gc });\n",
      );
      const script = join(dir, 'run.mts');
      const threads = pathToFileURL(resolve('src/core/parallel/threads.ts')).href;
      writeFileSync(
        script,
        `import { setWorkerPath, startWorker } from '${threads}';\n` +
          `setWorkerPath(${JSON.stringify(worker)});\n` +
          `const w = startWorker({ job: 'report' });\n` +
          `w.on('message', (m) => { console.log(JSON.stringify(m)); void w.terminate(); });\n`,
      );
      const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=500', '--import', 'tsx', script], {
        encoding: 'utf8',
      });
      expect(JSON.parse(out.trim())).toEqual({ execArgv: [], gc: 'function' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
