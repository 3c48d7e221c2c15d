/**
 * Progress of "reading input" (src/cli/input.ts): bytes read of the CSV inputs, against the total
 * size of the files, rising to the total through the files (and 1 MiB chunks of a large file).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInput } from '../../src/cli/input.js';

const dir = mkdtempSync(join(tmpdir(), 'orgraph-input-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadInput progress', () => {
  it('reports bytes read of people.csv + ties.csv, increasing to their total size', async () => {
    // 3,000 people in a chain: ties.csv is about 4 MB (150,000 rows), read in 1 MiB chunks.
    const people = ['id,team', ...Array.from({ length: 3000 }, (_, i) => `person-${i},t${i % 7}`)].join('\n') + '\n';
    const ties =
      [
        'source,target,weight',
        ...Array.from({ length: 150000 }, (_, e) => `person-${e % 3000},person-${(e * 7 + 1) % 3000},${1 + (e % 5)}`),
      ].join('\n') + '\n';
    writeFileSync(join(dir, 'people.csv'), people);
    writeFileSync(join(dir, 'ties.csv'), ties);
    const total = statSync(join(dir, 'people.csv')).size + statSync(join(dir, 'ties.csv')).size;
    const calls: [number, number][] = [];
    const { graph } = await loadInput(dir, {}, (done, t) => calls.push([done, t]));
    expect(graph.personCount).toBe(3000);
    expect(calls.every(([, t]) => t === total)).toBe(true);
    expect(calls[0][0]).toBe(0);
    expect(calls[calls.length - 1][0]).toBe(total);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
    // The people file, then at least three chunks of ties: steps strictly between 0 and the total.
    expect(calls.filter(([d]) => d > 0 && d < total).length).toBeGreaterThanOrEqual(3);
  });

  it('reports nothing for an input it reads in one piece (a JSON file)', async () => {
    const file = join(dir, 'org.json');
    writeFileSync(file, JSON.stringify({ people: [{ id: 'a' }, { id: 'b' }], ties: [{ source: 'a', target: 'b' }] }));
    const calls: [number, number][] = [];
    const { graph } = await loadInput(file, {}, (done, t) => calls.push([done, t]));
    expect(graph.personCount).toBe(2);
    expect(calls).toEqual([]);
  });
});
