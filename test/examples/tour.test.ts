/**
 * The README's API tour is examples/tour.ts: it must run, agree with the NetworkX reference for the
 * bundled example, and the README must show the same code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tour } from '../../examples/tour.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('README tour', () => {
  it('runs on the bundled example and finds the brokers NetworkX finds', async () => {
    const result = await tour(join(root, 'examples', 'manufacturing-email'));
    expect(result.report.files.every((f) => f.rowsKept === f.rowsRead)).toBe(true);
    expect(result.view.personIds.length).toBe(167);
    // NetworkX 3.6 betweenness (dist = 1/w) on the same undirected weighted view.
    const ref = JSON.parse(readFileSync(join(root, 'test/fixtures/reference/centrality/manufacturing-email.json'), 'utf8'));
    const nx: number[] = ref.views['undirected-weighted'].metrics.betweenness;
    const ids: string[] = ref.personIds;
    const expectedTop = ids
      .map((id, i) => ({ id, value: nx[i] }))
      .sort((a, b) => b.value - a.value)
      .slice(0, 5);
    expect(result.brokers.map((p) => p.id)).toEqual(expectedTop.map((p) => p.id));
    result.brokers.forEach((p, k) => expect(p.value).toBeCloseTo(expectedTop[k].value, 12));
    expect(result.communities.modularity).toBeGreaterThan(0.3);
  });

  it('is the code the README shows', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const source = readFileSync(join(root, 'examples', 'tour.ts'), 'utf8');
    const body = (text: string) =>
      text
        .slice(text.indexOf('// 1. People and ties'), text.indexOf('// seeded, reproducible'))
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
    expect(body(readme)).toEqual(body(source));
  });
});
