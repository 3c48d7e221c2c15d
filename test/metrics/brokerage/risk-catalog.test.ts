import { describe, expect, it } from 'vitest';
import { RISK_METRICS } from '../../../src/metrics/brokerage/risk-catalog.js';
import { smallView } from './risk-dataset.js';

describe('RISK_METRICS', () => {
  // Path a-b-c: b is the cut person; without b, a and c are apart (F = 1); without a, F = 0.
  const view = smallView(['a', 'b', 'c'], ['a-b', 'b-c']);

  it('articulation: one NodeScores, written as booleans', async () => {
    const spec = RISK_METRICS.find((s) => s.keys.includes('articulation'))!;
    const [scores] = await spec.compute(view, {});
    expect(scores.metric).toBe('articulation');
    expect(Array.from(scores.values).map((v) => spec.format!(v))).toEqual([false, true, false]);
  });

  it('fragmentation: the score after removal and its change (intact F = 0)', async () => {
    const spec = RISK_METRICS.find((s) => s.keys.includes('fragmentation'))!;
    const out = await spec.compute(view, {});
    expect(out.map((s) => s.metric)).toEqual([...spec.keys]);
    expect(Array.from(out[0].values)).toEqual([0, 1, 0]);
    expect(Array.from(out[1].values)).toEqual([0, 1, 0]);
  });
});
