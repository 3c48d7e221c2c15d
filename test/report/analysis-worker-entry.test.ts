/**
 * Where the analysis worker's file is found (core/parallel/threads.ts, `workerEntry('analysis')`):
 * from the sources, the tsx bootstrap beside analysis-worker.ts; with `setWorkerPath` (or
 * ORGRAPH_WORKER_PATH) naming a copied kernels' worker, `orgraph-analysis-worker.cjs` in the same
 * folder, else one E_WORKER line saying what to copy. The built and bundled cases are run by
 * test/build/hardened.test.ts and test/build/bundle.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setWorkerPath, workerEntry, WorkerError } from '../../src/core/parallel/threads.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { analysis } from '../../src/report/analysis.js';

const dir = mkdtempSync(join(tmpdir(), 'orgraph-analysis-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setWorkerPath(undefined));

describe('the analysis worker file', () => {
  it('from the sources: src/report/dev-analysis-worker.cjs (loads analysis-worker.ts through tsx); the kernels keep theirs', () => {
    expect(workerEntry('analysis')).toMatch(/src\/report\/dev-analysis-worker\.cjs$/);
    expect(workerEntry()).toMatch(/src\/core\/parallel\/dev-worker\.cjs$/);
  });

  it('next to the file named by setWorkerPath, as orgraph-analysis-worker.cjs; without it, a WorkerError naming what to copy', async () => {
    const kernels = join(dir, 'orgraph-worker.cjs');
    writeFileSync(kernels, '');
    setWorkerPath(kernels);
    expect(() => workerEntry('analysis')).toThrow(WorkerError);
    expect(() => workerEntry('analysis')).toThrow(/dist\/report\/analysis-worker\.cjs .*orgraph-analysis-worker\.cjs/);
    // analysis() turns it into E_WORKER, before any thread starts.
    const g = OrgGraph.from({ people: [{ id: 'a' }, { id: 'b' }], ties: [{ source: 'a', target: 'b' }] });
    await expect(analysis(g, { group: null, minGroupSize: 1 })).rejects.toMatchObject({ name: 'OrgraphError', code: 'E_WORKER' });
    const copied = join(dir, 'orgraph-analysis-worker.cjs');
    writeFileSync(copied, '');
    expect(workerEntry('analysis')).toBe(copied);
    expect(workerEntry()).toBe(kernels);
  });

  it("the caller's setWorkerPath reaches the analysis worker: its betweenness pool starts the kernels' file named there", async () => {
    const sub = mkdtempSync(join(dir, 'sub-'));
    // A kernels' worker that throws at start, and an analysis worker that is the real one (sources).
    writeFileSync(join(sub, 'orgraph-worker.cjs'), "throw new Error('kernels file from setWorkerPath');\n");
    writeFileSync(join(sub, 'orgraph-analysis-worker.cjs'), `require(${JSON.stringify(workerEntry('analysis'))});\n`);
    setWorkerPath(join(sub, 'orgraph-worker.cjs'));
    const g = OrgGraph.from({
      people: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      ties: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'd' },
      ],
    });
    await expect(analysis(g, { group: null, minGroupSize: 1, workers: 2 })).rejects.toMatchObject({
      code: 'E_WORKER',
      message: expect.stringContaining('kernels file from setWorkerPath'),
    });
  });
});
