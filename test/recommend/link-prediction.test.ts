import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { LINK_PREDICTION_METHODS, adamicAdar, jaccard, linkPrediction } from '../../src/recommend/link-prediction.js';
import { loadDataset } from '../helpers/datasets.js';

const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference', 'link-prediction');

describe('linkPrediction: degenerate inputs', () => {
  const g = OrgGraph.from({
    people: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'isolate' }],
    ties: [
      { source: 'a', target: 'b' },
      { source: 'c', target: 'b', weight: 7 },
    ],
  });
  const view = project(g, { directed: true });

  it('scores isolates 0 everywhere', () => {
    const r = linkPrediction(view, [['isolate', 'a']]);
    for (const m of LINK_PREDICTION_METHODS) expect(r.scores[m][0]).toBe(0);
    expect(jaccard(view, [['isolate', 'isolate']])[0]).toBe(0);
  });

  it('reads directed ties as undirected and ignores weights', () => {
    // a and c share b, whose degree is 2: AA = 1/ln 2, RA = 1/2, Jaccard = 1/1, PA = 1.
    const r = linkPrediction(view, [['a', 'c']]);
    expect(r.scores.commonNeighbours[0]).toBe(1);
    expect(r.scores.jaccard[0]).toBe(1);
    expect(r.scores.adamicAdar[0]).toBeCloseTo(1 / Math.log(2), 15);
    expect(r.scores.resourceAllocation[0]).toBe(0.5);
    expect(r.scores.preferentialAttachment[0]).toBe(1);
  });

  it('throws E_UNKNOWN_PERSON for an unknown id', () => {
    expect(() => adamicAdar(view, [['a', 'zed']])).toThrow(/no person "zed"/);
  });
});

describe('linkPrediction: NetworkX on the undirected views of the real data sets', () => {
  const files = readdirSync(REFERENCE).filter((f) => f.endsWith('.json'));
  it('has a fixture per data set', () => {
    expect(files.length).toBe(15);
  });
  for (const file of files) {
    it(file.replace('.json', ''), async () => {
      const ref = JSON.parse(readFileSync(join(REFERENCE, file), 'utf8'));
      expect(ref.tool).toBe('networkx');
      const view = project(await loadDataset(ref.dataset));
      expect(view.personIds.length).toBe(ref.nodes);
      const r = linkPrediction(view, ref.pairs);
      for (const m of LINK_PREDICTION_METHODS) {
        const expected: number[] = ref[m];
        const actual = r.scores[m];
        for (let p = 0; p < expected.length; p++) {
          const e = expected[p];
          if (Math.abs(actual[p] - e) > 1e-12 * Math.max(1, Math.abs(e))) {
            throw new Error(`${m} ${ref.pairs[p].join('-')}: ${actual[p]} vs networkx ${e}`);
          }
        }
      }
    });
  }
});
