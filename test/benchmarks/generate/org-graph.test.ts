import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  generateOrg,
  LEVEL,
  orgFilesIn,
  readEdgeArrays,
  toOrgGraph,
  writeOrgFiles,
  type GeneratedOrg,
} from '../../../benchmarks/generate/org-graph.js';
import { createRandom } from '../../../benchmarks/generate/random.js';

/** Degree of every person, counted from the tie list. */
function degrees(org: GeneratedOrg): Int32Array {
  const deg = new Int32Array(org.n);
  for (let e = 0; e < org.m; e++) {
    deg[org.sources[e]]++;
    deg[org.targets[e]]++;
  }
  return deg;
}

describe('createRandom', () => {
  it('gives the same stream for a seed and a different one for another seed', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is roughly uniform and geometric draws have mean 1/p', () => {
    const r = createRandom(1);
    const bins = new Int32Array(10);
    for (let k = 0; k < 100_000; k++) bins[r.int(10)]++;
    // Each bin expects 10,000 with sd ~95; 600 is over 6 sd.
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(600);
    let sum = 0;
    for (let k = 0; k < 100_000; k++) sum += r.geometric(1 / 8);
    // Geometric(1/8) on {1, 2, ...}: mean 8, sd sqrt(56) ~ 7.5, so the mean of 1e5 has sd ~0.024.
    expect(Math.abs(sum / 100_000 - 8)).toBeLessThan(0.15);
  });
});

describe('generateOrg: degenerate sizes', () => {
  it('empty organisation', () => {
    const org = generateOrg({ people: 0 });
    expect(org.n).toBe(0);
    expect(org.m).toBe(0);
    expect(toOrgGraph(org).personCount).toBe(0);
  });

  it('one person: one department, one team, a head, no ties', () => {
    const org = generateOrg({ people: 1 });
    expect(org.m).toBe(0);
    expect(org.departmentCount).toBe(1);
    expect(org.teamCount).toBe(1);
    expect(org.level[0]).toBe(LEVEL.departmentHead);
    expect(org.manager[0]).toBe(-1);
  });

  it('fewer people than a team: one team, everyone tied to the head', () => {
    const org = generateOrg({ people: 4, teamDensity: 0 });
    expect(org.teamCount).toBe(1);
    // With density 0 only manager-member ties remain: a star of 3 ties around the head.
    expect(org.m).toBe(3);
    const head = Array.from(org.level).indexOf(LEVEL.departmentHead);
    for (let e = 0; e < org.m; e++) expect(org.sources[e] === head || org.targets[e] === head).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => generateOrg({ people: -1 })).toThrow(RangeError);
    expect(() => generateOrg({ people: 10, teamSize: [6, 8] })).toThrow(RangeError);
  });
});

describe('generateOrg: 1k org', () => {
  const org = generateOrg({ people: 1000, seed: 1 });

  it('is deterministic for a seed and changes with the seed', () => {
    const again = generateOrg({ people: 1000, seed: 1 });
    expect(again.m).toBe(org.m);
    expect(again.sources).toEqual(org.sources);
    expect(again.targets).toEqual(org.targets);
    expect(again.weights).toEqual(org.weights);
    expect(again.team).toEqual(org.team);
    const other = generateOrg({ people: 1000, seed: 2 });
    expect(
      other.sources.length === org.sources.length &&
        other.sources.every((s, e) => s === org.sources[e] && other.targets[e] === org.targets[e]),
    ).toBe(false);
  });

  it('has average degree within 15-25', () => {
    expect((2 * org.m) / org.n).toBeGreaterThanOrEqual(15);
    expect((2 * org.m) / org.n).toBeLessThanOrEqual(25);
  });

  it('has each pair at most once, source < target, no self-loops, integer weights >= 1', () => {
    const seen = new Set<number>();
    for (let e = 0; e < org.m; e++) {
      const s = org.sources[e];
      const t = org.targets[e];
      expect(s < t && s >= 0 && t < org.n).toBe(true);
      seen.add(s * org.n + t);
      expect(Number.isInteger(org.weights[e]) && org.weights[e] >= 1).toBe(true);
    }
    expect(seen.size).toBe(org.m);
  });

  it('puts most ties within teams, fewer within departments, few across', () => {
    let team = 0;
    let dept = 0;
    let cross = 0;
    for (let e = 0; e < org.m; e++) {
      const s = org.sources[e];
      const t = org.targets[e];
      if (org.team[s] === org.team[t]) team++;
      else if (org.department[s] === org.department[t]) dept++;
      else cross++;
    }
    expect(team / org.m).toBeGreaterThan(0.5);
    expect(dept).toBeGreaterThan(cross);
    expect(cross / org.m).toBeGreaterThan(0.02);
    expect(cross / org.m).toBeLessThan(0.25);
    // Within-team ties are stronger on average than cross-department ones.
    const mean = (pred: (s: number, t: number) => boolean) => {
      let sum = 0;
      let count = 0;
      for (let e = 0; e < org.m; e++)
        if (pred(org.sources[e], org.targets[e])) {
          sum += org.weights[e];
          count++;
        }
      return sum / count;
    };
    expect(mean((s, t) => org.team[s] === org.team[t])).toBeGreaterThan(2 * mean((s, t) => org.department[s] !== org.department[t]));
  });

  it('has every department present, of uneven sizes, with teams of 6-18', () => {
    const deptSize = new Array<number>(org.departmentCount).fill(0);
    for (let i = 0; i < org.n; i++) deptSize[org.department[i]]++;
    expect(org.departmentCount).toBe(5);
    for (const s of deptSize) expect(s).toBeGreaterThan(0);
    expect(Math.max(...deptSize)).toBeGreaterThan(2 * Math.min(...deptSize));
    const teamSize = new Array<number>(org.teamCount).fill(0);
    for (let i = 0; i < org.n; i++) teamSize[org.team[i]]++;
    for (const s of teamSize) {
      expect(s).toBeGreaterThanOrEqual(6);
      expect(s).toBeLessThanOrEqual(18);
    }
  });

  it('has one manager per team, one head per department, reporting lines inside the unit', () => {
    const managersPerTeam = new Array<number>(org.teamCount).fill(0);
    const headsPerDept = new Array<number>(org.departmentCount).fill(0);
    for (let i = 0; i < org.n; i++) {
      if (org.level[i] >= LEVEL.teamManager) managersPerTeam[org.team[i]]++;
      if (org.level[i] === LEVEL.departmentHead) headsPerDept[org.department[i]]++;
      const boss = org.manager[i];
      if (org.level[i] === LEVEL.departmentHead) expect(boss).toBe(-1);
      else if (org.level[i] === LEVEL.teamManager) expect(org.level[boss]).toBe(LEVEL.departmentHead);
      else expect(org.team[boss]).toBe(org.team[i]);
      if (boss >= 0) expect(org.department[boss]).toBe(org.department[i]);
    }
    expect(managersPerTeam.every((c) => c === 1)).toBe(true);
    expect(headsPerDept.every((c) => c === 1)).toBe(true);
    // Managers are hubs: on average more ties than members.
    const deg = degrees(org);
    const avg = (lvl: number) => {
      let s = 0;
      let c = 0;
      for (let i = 0; i < org.n; i++)
        if (org.level[i] === lvl) {
          s += deg[i];
          c++;
        }
      return s / c;
    };
    expect(avg(LEVEL.teamManager)).toBeGreaterThan(avg(LEVEL.member));
  });

  it('becomes an OrgGraph with the same people, attributes and ties', () => {
    const g = toOrgGraph(org);
    expect(g.personCount).toBe(1000);
    expect(g.tieCount).toBe(org.m);
    expect(g.relations).toEqual([{ name: 'interaction', directed: false }]);
    expect(g.attributeNames).toEqual(['department', 'team', 'level', 'manager']);
    const p = g.person(org.manager[0]);
    expect(g.person(0).attributes.manager).toBe(p.id);
    expect(g.tieWeights).toEqual(org.weights);
  });
});

describe('writeOrgFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the datasets format and raw arrays that read back identically', async () => {
    const org = generateOrg({ people: 300, seed: 3 });
    const files = await writeOrgFiles(org, dir);
    expect(files).toEqual(orgFilesIn(dir));
    const people = readFileSync(files.people, 'utf8').trimEnd().split('\n');
    expect(people[0]).toBe('id,department,team,level,manager');
    expect(people.length).toBe(301);
    const ties = readFileSync(files.ties, 'utf8').trimEnd().split('\n');
    expect(ties[0]).toBe('source,target,weight,relation');
    expect(ties.length).toBe(org.m + 1);
    const [s, t, w, r] = ties[1 + 17].split(',');
    expect([s, t, Number(w), r]).toEqual([`p${org.sources[17]}`, `p${org.targets[17]}`, org.weights[17], 'interaction']);
    expect(readFileSync(files.relations, 'utf8')).toBe('relation,directed\ninteraction,false\n');
    const raw = readEdgeArrays(files);
    expect(raw.sources).toEqual(org.sources);
    expect(raw.targets).toEqual(org.targets);
    expect(raw.weights).toEqual(org.weights);
    const meta = JSON.parse(readFileSync(files.meta, 'utf8'));
    expect(meta).toMatchObject({ n: 300, m: org.m, directed: false, weightKind: 'strength' });
  });
});
