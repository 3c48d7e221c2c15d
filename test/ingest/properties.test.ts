/**
 * Property (fast-check): permuting the rows of people.csv and ties.csv changes no person (id,
 * attributes, external flag), no tie sum per (source, target, relation), and no report count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, type IngestResult } from '../../src/ingest/index.js';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const REL = ['advice', 'friendship', 'reports_to'];

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function people(result: IngestResult): Map<string, string> {
  return new Map(result.graph.people().map((p) => [p.id, JSON.stringify([p.attributes, p.external])]));
}

function tieSums(result: IngestResult): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of result.graph.ties()) {
    const k = `${t.source}>${t.target}:${t.relation}`;
    m.set(k, (m.get(k) ?? 0) + t.weight);
  }
  return m;
}

function counts(result: IngestResult): unknown {
  return result.report.files.map((f) => [f.kind, f.rowsRead, f.rowsKept, f.dropped, f.altered]);
}

const personRow = fc.record({
  id: fc.constantFrom(...IDS),
  department: fc.constantFrom('Sales', 'Ops, East', 'R&D "Lab"', ''),
  external: fc.constantFrom('yes', 'no', ''),
});
// Integer weights: sums are exact in any order. Unknown ids ("zz"), self-loops and bad weights
// make some rows invalid, so the dropped counts are checked too.
const tieRow = fc.record({
  source: fc.constantFrom(...IDS, 'zz'),
  target: fc.constantFrom(...IDS),
  weight: fc.oneof(fc.integer({ min: 1, max: 1000 }).map(String), fc.constantFrom('0', '-1', 'x')),
  relation: fc.constantFrom(...REL),
});

describe('row order does not matter', () => {
  it('permuted people and ties rows give the same people, tie sums and counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(personRow, { selector: (p) => p.id, minLength: 1, maxLength: IDS.length }),
        fc.array(tieRow, { maxLength: 40 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (ps, ts, rnd) => {
          const shuffle = <T>(xs: T[]): T[] => {
            const out = xs.slice();
            const it = rnd[Symbol.iterator]();
            for (let i = out.length - 1; i > 0; i--) {
              const j = Math.floor((it.next().value as number) * (i + 1)) % (i + 1);
              [out[i], out[j]] = [out[j], out[i]];
            }
            return out;
          };
          const peopleCsv = (rows: typeof ps) =>
            'id,department,external\n' + rows.map((p) => [p.id, quote(p.department), p.external].join(',')).join('\n') + '\n';
          const tiesCsv = (rows: typeof ts) =>
            'source,target,weight,relation\n' + rows.map((t) => [t.source, t.target, t.weight, t.relation].join(',')).join('\n') + '\n';
          const known = new Set(ps.map((p) => p.id));
          const valid = ts.filter((t) => known.has(t.source) && known.has(t.target) && t.source !== t.target && Number(t.weight) > 0);
          const base = await parseCsv({ people: peopleCsv(ps), ties: tiesCsv(ts) }, { mode: 'lenient' });
          const perm = await parseCsv({ people: peopleCsv(shuffle(ps)), ties: tiesCsv(shuffle(ts)) }, { mode: 'lenient' });
          expect(people(perm)).toEqual(people(base));
          expect(tieSums(perm)).toEqual(tieSums(base));
          expect(counts(perm)).toEqual(counts(base));
          // And the sums are the ones the valid rows add up to.
          const want = new Map<string, number>();
          for (const t of valid)
            want.set(`${t.source}>${t.target}:${t.relation}`, (want.get(`${t.source}>${t.target}:${t.relation}`) ?? 0) + Number(t.weight));
          expect(tieSums(base)).toEqual(want);
          if (ts.length > 0) expect(base.report.files[1].rowsRead).toBe(ts.length);
        },
      ),
      { numRuns: 150, seed: 20240611 },
    );
  });
});
