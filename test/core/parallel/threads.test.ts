/**
 * workerExecArgv: the Node flags a worker gets are the parent's without the module-loading ones
 * (tsx's loader would otherwise be loaded again in every worker), everything else kept in order.
 */
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
});
