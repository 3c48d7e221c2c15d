import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgFolder } from '../helpers/org-folder.js';
import { cli } from '../helpers/cli.js';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'datasets');

describe('orgraph gaps / introduce / path / compare', () => {
  it('gaps: JSON with every staff pair, CSV rows, text', async () => {
    const dir = join(DATA, 'lazega-lawfirm');
    const json = await cli(['gaps', '--min-group-size', '1', dir, '--group', 'office', '--format', 'json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out);
    // 3 offices -> 6 unordered pairs (3 inside, 3 between).
    expect(doc.staff.pairs).toHaveLength(6);
    const csv = await cli(['gaps', '--min-group-size', '1', dir, '--group', 'office', '--format', 'csv']);
    expect(csv.out.split('\r\n')[0]).toBe(
      'table,groupA,groupB,sizeA,sizeB,observedTies,expectedTies,ratio,sd,z,pValue,qValue,gap,observedWeight,expectedWeight,weightRatio',
    );
    // Every declared gap has q <= 0.05; the JSON says which null and how many draws.
    expect(doc.nullModel).toBe('rewiring');
    expect(doc.null.draws).toBe(999);
    for (const p of doc.staff.gaps) expect(p.qValue).toBeLessThanOrEqual(0.05);
    expect(doc.significantGaps).toBe(doc.staff.gaps.length > 0);
    const text = await cli(['gaps', '--min-group-size', '1', dir, '--group', 'office']);
    expect(text.out).toContain('rewiring null model, 999 draws');
    expect(text.out).toContain(doc.staff.statement);
  });

  it('gaps: says plainly when no gap is significant', async () => {
    // With 999 draws no p-value is below 1/1000, so no q-value can reach alpha = 0.0001.
    const dir = join(DATA, 'lazega-lawfirm');
    const json = await cli(['gaps', '--min-group-size', '1', dir, '--group', 'office', '--alpha', '0.0001', '--format', 'json']);
    const doc = JSON.parse(json.out);
    expect(doc.staff.gaps).toEqual([]);
    expect(doc.significantGaps).toBe(false);
    expect(doc.statement).toMatch(/^No significant gap: none of the 3 pairs of staff groups/);
    const text = await cli(['gaps', '--min-group-size', '1', dir, '--group', 'office', '--alpha', '0.0001']);
    expect(text.out).toContain('No significant gap');
    expect(text.out).not.toContain('Significant gaps between');
  });

  it('gaps: usage errors exit 2', async () => {
    expect((await cli(['gaps', '--min-group-size', '1', join(DATA, 'lazega-lawfirm')])).code).toBe(2);
    expect((await cli(['gaps', '--min-group-size', '1', join(DATA, 'lazega-lawfirm'), '--group', 'office', '--format', 'xml'])).code).toBe(
      2,
    );
    expect(
      (await cli(['gaps', '--min-group-size', '1', join(DATA, 'lazega-lawfirm'), '--group', 'office', '--null-model', 'poisson'])).code,
    ).toBe(2);
    expect((await cli(['gaps', '--min-group-size', '1', join(DATA, 'lazega-lawfirm'), '--group', 'office', '--alpha', '2'])).code).toBe(2);
  });

  it('introduce: reasons in every row', async () => {
    const r = await cli([
      'introduce',
      join(DATA, 'lazega-lawfirm'),
      '--group',
      'office',
      '--gaps',
      '2',
      '--per-gap',
      '2',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.introductions.length).toBeGreaterThan(0);
    for (const x of doc.introductions) expect(x.reasons.introducer).not.toBeNull();
  });

  it('path: strongest chain, and unknown person exit 1', async () => {
    const dir = join(DATA, 'krackhardt-hightech');
    const r = await cli(['path', '1', '2', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.paths[0].people[0]).toBe('1');
    expect(doc.paths[0].people.at(-1)).toBe('2');
    expect((await cli(['path', '1', 'nobody', dir])).code).toBe(1);
  });

  it('compare: one relation at two times (freeman-eies acquaintance t1 vs t2)', async () => {
    const r = await cli([
      'compare',
      '--min-group-size',
      '1',
      join(DATA, 'freeman-eies'),
      '--group',
      'discipline',
      '--before',
      'acquaintance_t1',
      '--after',
      'acquaintance_t2',
      '--permutations',
      '200',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.people).toHaveLength(32);
    for (const g of doc.groups) if (g.pValue !== null) expect(g.pValue).toBeGreaterThanOrEqual(1 / 201);
  });
});

describe('orgraph gaps: minimum group size', () => {
  for (const [sizes, hidden, merged] of [
    [{ Sales: 7, Eng: 6, Legal: 3 }, ['Eng', 'Legal'], 1],
    [{ Sales: 8, Eng: 6, Legal: 2, HR: 1 }, ['Eng', 'Legal', 'HR'], 2],
  ] as const) {
    it(`${merged} group(s) under 5: every output shows only "Sales" and the merged bucket of at least 5`, async () => {
      const dir = orgFolder(sizes);
      const args = ['gaps', dir, '--group', 'dept', '--null-model', 'configuration'];
      const json = await cli([...args, '--format', 'json']);
      expect(json.code).toBe(0);
      const csv = await cli([...args, '--format', 'csv']);
      const text = await cli(args);
      for (const out of [json.out, csv.out, text.out]) for (const g of hidden) expect(out).not.toMatch(new RegExp(`\\b${g}\\b`));
      const doc = JSON.parse(json.out);
      const other = hidden.reduce((n, g) => n + (sizes as Record<string, number>)[g], 0);
      expect(doc.groups.map((g: { name: string; staff: number }) => [g.name, g.staff])).toEqual([
        ['Other (small groups)', other],
        ['Sales', sizes.Sales],
      ]);
      for (const p of doc.staff.pairs) expect(Math.min(p.sizeA, p.sizeB)).toBeGreaterThanOrEqual(5);
      const note = `${merged} group${merged === 1 ? '' : 's'} under 5 people merged into "Other (small groups)", with 1 more so that it reaches 5`;
      expect(json.err).toContain(note);
      expect(text.out).toContain(note);
      const raw = JSON.parse((await cli([...args, '--format', 'json', '--min-group-size', '1'])).out);
      expect(raw.groups.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining([...hidden]));
      expect((await cli([...args, '--min-group-size', '-1'])).code).toBe(2);
    });
  }
});
