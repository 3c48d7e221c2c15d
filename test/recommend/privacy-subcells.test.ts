/**
 * Sub-cells under k inside kept groups (docs/privacy.md, "Parts of a group"): a group of 6 with 1
 * outside stakeholder must not show "1 external" (nor "5 staff", which gives the 1 away from the
 * group's public size of 6), in groupGaps' group rows and pair sizes, in `orgraph gaps` output, and
 * in a scorecard objective restricted to staff or stakeholders. Hand-built org, figures counted by
 * hand below; every privacy run is compared with the same call under minGroupSize 1.
 *
 *   Sales: s1..s5 staff, s6 outside          (6 people: parts 5 and 1 -> both withheld)
 *   Eng:   e1..e6 staff                      (6 people: parts 6 and 0 -> shown)
 *   Ops:   o1..o5 staff, o6..o10 outside     (10 people: parts 5 and 5 -> shown)
 *   y1, y2: outside, no department           ("(outside)" of 2 -> withheld)
 *   Ties: rings s1..s5, e1..e6, o1..o5; s6-s1; o(i+5)-o(i); s1-e1, s2-o1, e2-o2, y1-e3, y2-s3.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { groupGaps } from '../../src/recommend/group-gaps.js';
import { parseObjectives } from '../../src/recommend/objectives.js';
import { scorecard } from '../../src/recommend/scorecard.js';

const people: { id: string; dept: string; external: boolean }[] = [
  ...[1, 2, 3, 4, 5].map((i) => ({ id: `s${i}`, dept: 'Sales', external: false })),
  { id: 's6', dept: 'Sales', external: true },
  ...[1, 2, 3, 4, 5, 6].map((i) => ({ id: `e${i}`, dept: 'Eng', external: false })),
  ...[1, 2, 3, 4, 5].map((i) => ({ id: `o${i}`, dept: 'Ops', external: false })),
  ...[6, 7, 8, 9, 10].map((i) => ({ id: `o${i}`, dept: 'Ops', external: true })),
  { id: 'y1', dept: '', external: true },
  { id: 'y2', dept: '', external: true },
];
const ring = (p: string, n: number): [string, string][] =>
  Array.from({ length: n }, (_, i) => [`${p}${i + 1}`, `${p}${((i + 1) % n) + 1}`]);
const ties: [string, string][] = [
  ...ring('s', 5),
  ...ring('e', 6),
  ...ring('o', 5),
  ['s6', 's1'],
  ...[1, 2, 3, 4, 5].map((i): [string, string] => [`o${i + 5}`, `o${i}`]),
  ['s1', 'e1'],
  ['s2', 'o1'],
  ['e2', 'o2'],
  ['y1', 'e3'],
  ['y2', 's3'],
];
const graph = OrgGraph.from({
  people: people.map((p) => ({ id: p.id, attributes: { dept: p.dept }, external: p.external })),
  ties: ties.map(([source, target]) => ({ source, target })),
});
const view = project(graph);

/** Every people count anywhere in `value` (keys size, staff, external, sizeA, sizeB): null, 0 or >= k. */
function peopleCounts(value: unknown, out: (number | null)[] = []): (number | null)[] {
  if (Array.isArray(value)) for (const v of value) peopleCounts(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (['size', 'staff', 'external', 'sizeA', 'sizeB'].includes(key) && (v === null || typeof v === 'number')) out.push(v);
      else peopleCounts(v, out);
    }
  }
  return out;
}

describe('groupGaps: staff / outside parts under k inside kept groups', () => {
  const shown = groupGaps(view, { attribute: 'dept', nullModel: 'configuration' });
  const open = groupGaps(view, { attribute: 'dept', nullModel: 'configuration', minGroupSize: 1 });

  it('minGroupSize 1 shows the true parts (the hand counts)', () => {
    expect(open.groups).toEqual([
      { name: 'Eng', size: 6, staff: 6, external: 0 },
      { name: 'Ops', size: 10, staff: 5, external: 5 },
      { name: 'Sales', size: 6, staff: 5, external: 1 },
      { name: '(outside)', size: 2, staff: 0, external: 2 },
    ]);
    expect(open.privacy.countsWithheld).toBe(0);
    expect(open.staff.ties).toBe(19);
    expect(open.external.ties).toBe(8);
  });

  it('k = 5: both parts of Sales and the outside group of 2 are null; nothing else changes', () => {
    expect(shown.groups).toEqual([
      { name: 'Eng', size: 6, staff: 6, external: 0 },
      { name: 'Ops', size: 10, staff: 5, external: 5 },
      { name: 'Sales', size: 6, staff: null, external: null },
      { name: '(outside)', size: null, staff: 0, external: null },
    ]);
    expect(shown.privacy).toEqual({
      minGroupSize: 5,
      groupsMerged: 0,
      groupsMergedToProtect: 0,
      allGroupsWithheld: false,
      countsWithheld: 3,
    });
    const pair = (t: typeof shown.staff, a: string, b: string) => t.pairs.find((p) => p.groupA === a && p.groupB === b)!;
    expect([pair(shown.staff, 'Eng', 'Sales').sizeA, pair(shown.staff, 'Eng', 'Sales').sizeB]).toEqual([6, null]);
    expect([pair(shown.external, 'Sales', 'Sales').sizeA, pair(shown.external, 'Sales', 'Sales').sizeB]).toEqual([null, null]);
    expect([pair(shown.external, 'Ops', 'Ops').sizeA, pair(shown.external, 'Ops', 'Ops').sizeB]).toEqual([5, 5]);
    expect([pair(shown.external, 'Eng', '(outside)').sizeA, pair(shown.external, 'Eng', '(outside)').sizeB]).toEqual([6, null]);
    // Only counts of people are withheld: ties and tests are those of the open run.
    expect(shown.staff.pairs.map((p) => [p.observedTies, p.expectedTies, p.pValue])).toEqual(
      open.staff.pairs.map((p) => [p.observedTies, p.expectedTies, p.pValue]),
    );
    expect(shown.external.pairs.map((p) => p.observedTies)).toEqual(open.external.pairs.map((p) => p.observedTies));
    const counts = peopleCounts(shown);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((c) => c !== null && c > 0 && c < 5)).toEqual([]);
    // Open run: Sales' 1 outsider in its group row and as sizeB of 3 external pairs (Eng, Ops, Sales
    // staff); the outside group's 2 as its size and count and as sizeB of the same 3 pairs.
    expect(
      peopleCounts(open)
        .filter((c) => c !== null && c > 0 && c < 5)
        .sort(),
    ).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it('orgraph gaps: no count of 1 or 2 people in JSON, CSV or text; a line says what was withheld', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgraph-subcells-'));
    writeFileSync(
      join(dir, 'people.csv'),
      ['id,dept,external', ...people.map((p) => `${p.id},${p.dept},${p.external ? 'yes' : 'no'}`)].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'ties.csv'), ['source,target', ...ties.map(([a, b]) => `${a},${b}`)].join('\n') + '\n');
    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
      return { code, out, err };
    };
    const base = ['gaps', dir, '--group', 'dept', '--null-model', 'configuration'];
    const json = await cli([...base, '--format', 'json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as { groups: unknown[]; privacy: { countsWithheld: number } };
    expect(doc.groups[2]).toEqual({ name: 'Sales', size: 6, staff: null, external: null });
    expect(doc.privacy.countsWithheld).toBe(3);
    expect(peopleCounts(doc).filter((c) => c !== null && c > 0 && c < 5)).toEqual([]);
    expect(json.err).toContain('3 staff or outside-stakeholder counts of kept groups withheld');
    const csv = await cli([...base, '--format', 'csv']);
    const rows = csv.out.trim().split('\n');
    const header = rows[0].split(',');
    const [ia, ib] = [header.indexOf('sizeA'), header.indexOf('sizeB')];
    const sizes = rows.slice(1).flatMap((r) => [r.split(',')[ia], r.split(',')[ib]]);
    expect(new Set(sizes)).toEqual(new Set(['', '5', '6']));
    const text = await cli(base);
    expect(text.out).toContain('3 staff or outside-stakeholder counts of kept groups withheld');
    const open = await cli([...base, '--format', 'json', '--min-group-size', '1']);
    expect((JSON.parse(open.out) as { groups: unknown[] }).groups[2]).toEqual({ name: 'Sales', size: 6, staff: 5, external: 1 });
  });
});

describe('scorecard: ends restricted to staff or stakeholders', () => {
  const objectives = parseObjectives(
    JSON.stringify({
      attribute: 'dept',
      objectives: [
        { group: 'Sales', members: 'stakeholders', metric: 'size', min: 1 },
        { group: 'Sales', members: 'staff', metric: 'ties', min: 1 },
        { group: 'Ops', members: 'stakeholders', metric: 'size', min: 1 },
        { group: 'Eng', members: 'staff', metric: 'size', min: 1 },
        { flow: { from: 'Sales', to: 'Eng', fromMembers: 'staff' }, metric: 'ties', min: 1 },
        { flow: { from: 'Sales', to: 'Eng' }, metric: 'ties', min: 1 },
        { group: 'Ops', members: 'staff', metric: 'internalTies', min: 1 },
      ],
    }),
  );

  it('minGroupSize 1: the hand counts', () => {
    const r = scorecard(view, objectives, { minGroupSize: 1 });
    // Sales staff: 5 ring ties inside; s1-e1, s2-o1 and s1-s6 (s6 is grouped, outside the staff end) across.
    expect(r.objectives.map((o) => o.actual)).toEqual([1, 8, 5, 6, 1, 1, 5]);
    expect(r.privacy.objectivesWithheld).toBe(0);
  });

  it('k = 5: every objective touching a part of 1 to 4 people (or leaving one) is withheld, the others unchanged', () => {
    const r = scorecard(view, objectives);
    expect(r.objectives.map((o) => o.status)).toEqual(['withheld', 'withheld', 'met', 'met', 'withheld', 'at risk', 'met']);
    expect(r.objectives.map((o) => o.actual)).toEqual([NaN, NaN, 5, 6, NaN, 1, 5]);
    expect(r.summary).toEqual({ met: 3, atRisk: 1, missed: 0, withheld: 3 });
    expect(r.privacy.objectivesWithheld).toBe(3);
  });
});
