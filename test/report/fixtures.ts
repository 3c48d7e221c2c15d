/**
 * Small org data sets written to a temporary folder for the report, CLI and browser tests:
 * a privacy set (distinctive ids and names, groups of 10, 8, 3 and 2 people, a manager column)
 * and a hostile set (HTML, script, quotes and spreadsheet formulas in ids, names and groups).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixturePerson {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly manager: string;
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Write people.csv and ties.csv (relation `work`, undirected) into a fresh temp folder. */
export function writeDataset(
  people: readonly FixturePerson[],
  ties: readonly (readonly [number, number, number])[],
  prefix = 'orgraph-ds-',
): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const rows = ['id,name,department,manager', ...people.map((p) => [p.id, p.name, p.department, p.manager].map(csvField).join(','))];
  writeFileSync(join(dir, 'people.csv'), rows.join('\n') + '\n');
  const t = [
    'source,target,weight,relation',
    ...ties.map(([a, b, w]) => [people[a].id, people[b].id, String(w), 'work'].map(csvField).join(',')),
  ];
  writeFileSync(join(dir, 'ties.csv'), t.join('\n') + '\n');
  writeFileSync(join(dir, 'relations.csv'), 'relation,directed\nwork,false\n');
  return dir;
}

/**
 * Groups laid out one after another; inside each group a ring plus chords (i, i+2); the first
 * member of each group is tied to the first member of the next group and to the second member of
 * the group after that, so the graph is connected and every pair of neighbouring groups has ties.
 */
export function groupedTies(sizes: readonly number[]): [number, number, number][] {
  const ties: [number, number, number][] = [];
  const starts: number[] = [];
  let at = 0;
  for (const s of sizes) {
    starts.push(at);
    for (let i = 0; i < s; i++) {
      if (s > 1 && (s > 2 || i === 0)) ties.push([at + i, at + ((i + 1) % s), 1 + (i % 3)]);
      if (s > 4 && i % 2 === 0) ties.push([at + i, at + ((i + 2) % s), 1]);
    }
    at += s;
  }
  for (let g = 0; g + 1 < sizes.length; g++) ties.push([starts[g], starts[g + 1], 2]);
  for (let g = 0; g + 2 < sizes.length; g++) if (sizes[g + 2] > 1) ties.push([starts[g], starts[g + 2] + 1, 1]);
  return ties;
}

/** Departments of the privacy set and their sizes: Legal and Audit are under 5. */
export const PRIVACY_GROUPS = Object.freeze([
  ['Engineering', 10],
  ['Sales', 8],
  ['Legal', 3],
  ['Audit', 2],
] as const);

/** People with ids like `emp7Qx03` and names like `Zorbalina Quuxfield03`: no substring of any output. */
export function privacyPeople(): FixturePerson[] {
  const people: FixturePerson[] = [];
  let k = 0;
  for (const [dept, size] of PRIVACY_GROUPS) {
    const head = people.length;
    for (let i = 0; i < size; i++, k++) {
      const n = String(k).padStart(2, '0');
      people.push({
        id: `emp7Qx${n}`,
        name: `Zorbalina Quuxfield${n}`,
        department: dept,
        manager: i === 0 ? '' : `emp7Qx${String(head).padStart(2, '0')}`,
      });
    }
  }
  return people;
}

/** Strings that would run, render or evaluate if a report or CSV took them literally. */
export const HOSTILE = Object.freeze({
  img: '<img src=x onerror="window.__pwned=1">',
  script: '</script><script>window.__pwned=2</script>',
  quote: `Ann "O'Hara" <b>bold</b>`,
  formulaEq: '=HYPERLINK("http://example.invalid","x")',
  formulaPlus: '+SUM(1,2)',
  formulaMinus: '-2+3',
  formulaAt: '@SUM(A1)',
  group: '<svg onload="window.__pwned=3">',
  group2: '=1+1',
});

/** Ten people in two groups of five whose ids, names and groups are the hostile strings. */
export function hostilePeople(): FixturePerson[] {
  const ids = [
    HOSTILE.img,
    HOSTILE.script,
    HOSTILE.quote,
    HOSTILE.formulaEq,
    HOSTILE.formulaPlus,
    HOSTILE.formulaMinus,
    HOSTILE.formulaAt,
    'plain-a',
    'plain-b',
    'plain-c',
  ];
  return ids.map((id, i) => ({
    id,
    name: i % 2 ? HOSTILE.formulaAt : HOSTILE.img,
    department: i < 5 ? HOSTILE.group : HOSTILE.group2,
    manager: i === 0 ? '' : ids[0],
  }));
}
