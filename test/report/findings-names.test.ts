/**
 * Names beside ids on enron-email (people.csv has a `name` column, e.g. "Albert Meyers"): the report
 * page, the terminal's key findings and people.csv show the input's names, each beside its own id;
 * with --pseudonymize none of the input's names (nor ids) appears in any of them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
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
