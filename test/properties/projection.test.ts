/**
 * Properties of projection: mapping a view back to person ids keeps every person and the summed
 * weight of every tie; permuting the input rows changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project, viewTies } from '../../src/model/projection.js';

interface RawTie {
  s: number;
  t: number;
  w: number;
  r: number;
}

const RELATIONS = [
  { name: 'advice', directed: true },
  { name: 'email', directed: true },
  { name: 'friendship', directed: false },
];

const arbInput = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      ties: fc.array(
        fc.record({
          s: fc.integer({ min: 0, max: n - 1 }),
          t: fc.integer({ min: 0, max: n - 1 }),
          w: fc.integer({ min: 1, max: 50 }),
          r: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: 40 },
      ),
    }),
  )
  .map(({ n, ties }) => ({ n, ties: ties.filter((x) => x.s !== x.t) }));

const build = (n: number, ties: RawTie[], personOrder: number[]) =>
  OrgGraph.from({
    relations: RELATIONS,
    people: personOrder.map((i) => ({ id: `p${i}` })),
    ties: ties.map((x) => ({ source: `p${x.s}`, target: `p${x.t}`, weight: x.w, relation: RELATIONS[x.r].name })),
  });

/** Expected pair sums computed directly from the rows, independently of the CSR code. */
function expected(ties: RawTie[], directed: boolean): Map<string, number> {
  const out = new Map<string, number>();
  const add = (a: number, b: number, w: number) => {
    const [x, y] = [`p${a}`, `p${b}`];
    const key = directed || x < y ? `${x}>${y}` : `${y}>${x}`;
    out.set(key, (out.get(key) ?? 0) + w);
  };
  for (const x of ties) {
    add(x.s, x.t, x.w);
    if (directed && !RELATIONS[x.r].directed) add(x.t, x.s, x.w);
  }
  return out;
}

const asMap = (ts: { source: string; target: string; weight: number }[], directed: boolean) =>
  new Map(ts.map((t) => [directed || t.source < t.target ? `${t.source}>${t.target}` : `${t.target}>${t.source}`, t.weight]));

describe('projection properties', () => {
  it('mapping back keeps every person and the summed weight of every tie', () => {
    fc.assert(
      fc.property(arbInput, fc.boolean(), ({ n, ties }, directed) => {
        const order = Array.from({ length: n }, (_, i) => i);
        const view = project(build(n, ties, order), { directed });
        expect([...view.personIds].sort()).toEqual(order.map((i) => `p${i}`).sort());
        const back = asMap(viewTies(view), directed);
        expect(back).toEqual(expected(ties, directed));
        const total = [...back.values()].reduce((a, b) => a + b, 0);
        const input = ties.reduce((a, x) => a + x.w * (directed && !RELATIONS[x.r].directed ? 2 : 1), 0);
        expect(total).toBe(input);
      }),
      { numRuns: 200 },
    );
  });

  it('permuting people and tie rows changes nothing', () => {
    fc.assert(
      fc.property(
        arbInput.chain((inp) =>
          fc.record({
            inp: fc.constant(inp),
            people: fc.shuffledSubarray(
              Array.from({ length: inp.n }, (_, i) => i),
              { minLength: inp.n },
            ),
            ties: fc.shuffledSubarray(inp.ties, { minLength: inp.ties.length }),
          }),
        ),
        fc.boolean(),
        fc.boolean(),
        ({ inp, people, ties }, directed, weighted) => {
          const order = Array.from({ length: inp.n }, (_, i) => i);
          const a = project(build(inp.n, inp.ties, order), { directed, weighted });
          const b = project(build(inp.n, ties, people), { directed, weighted });
          expect(asMap(viewTies(b), directed)).toEqual(asMap(viewTies(a), directed));
          expect([...b.personIds].sort()).toEqual([...a.personIds].sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});
