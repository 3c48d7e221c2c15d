/** The group layout: empty input, one group, and discs that never overlap. */
import { describe, expect, it } from 'vitest';
import { groupLayout } from '../../src/report/layout.js';

describe('groupLayout', () => {
  it('no people: empty coordinates', () => {
    const { x, y } = groupLayout(new Int32Array(0), []);
    expect(x.length + y.length).toBe(0);
  });
  it('one group: the first person in the order sits nearest the centre, at r = sqrt(0.5)', () => {
    const { x, y } = groupLayout(Int32Array.from([0, 0, 0]), [2, 0, 1]);
    expect(Math.hypot(x[2], y[2])).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(Math.hypot(x[0], y[0])).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(Math.hypot(x[1], y[1])).toBeCloseTo(Math.sqrt(2.5), 12);
  });
  it('people of different groups are never closer than the gap, and the layout is deterministic', () => {
    const sizes = [40, 25, 12, 12, 5, 3, 1];
    const labels: number[] = [];
    sizes.forEach((s, g) => labels.push(...new Array(s).fill(g)));
    labels.push(-1, -1); // two people without a group share a disc
    const l = Int32Array.from(labels);
    const a = groupLayout(l, []);
    const b = groupLayout(l, []);
    expect(a.x).toEqual(b.x);
    // Each person is within their disc (radius sqrt(size + 0.5)); discs are 3 apart, so two people
    // of different groups are more than 3 - (rounding) apart.
    let minAcross = Infinity;
    for (let i = 0; i < l.length; i++)
      for (let j = i + 1; j < l.length; j++)
        if (l[i] !== l[j]) minAcross = Math.min(minAcross, Math.hypot(a.x[i] - a.x[j], a.y[i] - a.y[j]));
    expect(minAcross).toBeGreaterThanOrEqual(3);
  });
});
