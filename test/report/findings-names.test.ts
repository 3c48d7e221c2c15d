/**
 * Names beside ids on enron-email (people.csv has a `name` column, e.g. "Albert Meyers"): the report
 * page, the terminal's key findings and people.csv show the input's names, each beside its own id;
 * with --pseudonymize none of the input's names (nor ids) appears in any of them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const ENRON = join(__dirname, '..', 'fixtures', 'datasets', 'enron-email');

/** The input's people: id -> name, read with an independent CSV parser. */
const input = new Map(
  (parse(readFileSync(join(ENRON, 'people.csv'), 'utf8'), { columns: true }) as { id: string; name: string }[]).map((r) => [r.id, r.name]),
);

async function analyze(args: string[]): Promise<{ out: string; dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'orgraph-names-')), 'r');
  let out = '';
  let err = '';
  const code = await run(['analyze', ENRON, '--group', 'role', '--out', dir, '--quiet', '--workers', '1', ...args], {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`analyze failed (${code}): ${err}`);
  return { out, dir };
}

/** The names of the input that occur in a text. */
const namesIn = (text: string) => [...new Set(input.values())].filter((n) => n.length > 3 && text.includes(n));

describe('enron-email: names in the report, the terminal and people.csv', () => {
  let plain: { out: string; dir: string };
  let pseudo: { out: string; dir: string };
  beforeAll(async () => {
    plain = await analyze([]);
    pseudo = await analyze(['--pseudonymize', '--key', 'test-key']);
  }, 120_000);

  it("people.csv has a name column holding each person's own name", () => {
    const rows = parse(readFileSync(join(plain.dir, 'people.csv'), 'utf8'), { columns: true }) as { id: string; name: string }[];
    expect(rows).toHaveLength(input.size);
    for (const r of rows) expect(r.name, r.id).toBe(input.get(r.id));
    expect(rows.find((r) => r.id === '1')!.name).toBe('Albert Meyers');
  });

  it('the report shows names beside ids: in the rankings and in the map data', () => {
    const html = readFileSync(join(plain.dir, 'report.html'), 'utf8');
    // Brokers table: "Name <small class="id">id</small>", each name with its own id.
    const cells = [...html.matchAll(/<td>([^<]+) <small class="id">([^<]+)<\/small><\/td>/g)];
    expect(cells.length).toBeGreaterThan(5);
    for (const [, name, id] of cells) expect(name.replace(/&#39;/g, "'").replace(/&amp;/g, '&'), id).toBe(input.get(id));
    const map = JSON.parse(/<script type="application\/json" id="orgraph-map-data">([^<]*)<\/script>/.exec(html)![1]) as {
      nodes: { k: string; n?: string }[];
    };
    for (const node of map.nodes) expect(node.n, node.k).toBe(input.get(node.k) || undefined);
    expect(namesIn(html).length).toBeGreaterThan(100);
  });

  it('the terminal prints the key findings with the broker named beside the id', () => {
    expect(plain.out).toMatch(/^orgraph: report for 184 people written to /);
    const m = plain.out.match(/The main broker is (.+) \((\d+)\)(?: in [^:]+)?: /)!;
    expect(m).not.toBeNull();
    expect(m[1]).toBe(input.get(m[2]));
  });

  it('with --pseudonymize no name of the input appears in the report, the terminal or people.csv', () => {
    const html = readFileSync(join(pseudo.dir, 'report.html'), 'utf8');
    const csv = readFileSync(join(pseudo.dir, 'people.csv'), 'utf8');
    expect(namesIn(html)).toEqual([]);
    expect(namesIn(csv)).toEqual([]);
    expect(namesIn(pseudo.out)).toEqual([]);
    // The name column is there but empty; ids are pseudonyms.
    const rows = parse(csv, { columns: true }) as { id: string; name: string }[];
    expect(rows.every((r) => r.name === '' && /^p[0-9a-f]{16}$/.test(r.id))).toBe(true);
    expect(pseudo.out).toMatch(/The main broker is person p[0-9a-f]{16}/);
  });
});

describe('a groups file names group codes', () => {
  const example = join(__dirname, '..', '..', 'examples', 'manufacturing-email');
  async function gapsCsv(args: string[]): Promise<{ code: number; gaps: string; err: string }> {
    const dir = join(mkdtempSync(join(tmpdir(), 'orgraph-gn-')), 'r');
    let err = '';
    const code = await run(['analyze', example, '--group', 'division', '--out', dir, '--quiet', '--workers', '1', ...args], {
      out: () => {},
      err: (s) => void (err += s),
      isTTY: false,
    });
    return { code, gaps: code === 0 ? readFileSync(join(dir, 'gaps.csv'), 'utf8') : '', err };
  }

  it('shows the names for the codes listed, with the same figures, and refuses one name for two codes', async () => {
    const base = mkdtempSync(join(tmpdir(), 'orgraph-gnf-'));
    const file = join(base, 'groups.csv');
    writeFileSync(file, 'group,name\r\n69,Sales\r\n104,"Research & Development"\r\n');
    const [coded, named] = await Promise.all([gapsCsv([]), gapsCsv(['--group-names', file])]);
    expect(coded.code).toBe(0);
    expect(named.code).toBe(0);
    const rename = (s: string) => s.replace(/(^|,)69(?=,)/gm, '$1Sales').replace(/(^|,)104(?=,)/gm, '$1Research & Development');
    // One key per gap: the two (group, size) ends in name order, then the figures.
    const rows = (s: string) =>
      new Set(
        s
          .trim()
          .split('\r\n')
          .slice(1)
          .map((r) => {
            const c = r.split(',');
            const ends = [`${c[0]}:${c[2]}`, `${c[1]}:${c[3]}`].sort();
            return `${ends.join('|')}|${c.slice(4).join(',')}`;
          }),
      );
    expect(rows(named.gaps)).toEqual(rows(rename(coded.gaps)));
    expect(named.gaps).toContain('Sales');
    const bad = join(base, 'bad.csv');
    writeFileSync(bad, 'group,name\n69,Sales\n104,Sales\n');
    const refused = await gapsCsv(['--group-names', bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/E_BAD_VALUE: .*bad\.csv:3: field "name": groups 69 and 104 have the same name/);
  });
});
