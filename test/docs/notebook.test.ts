/**
 * The notebook guide's paths that need no package install: `brokers.ts` (the script in
 * docs/guides/notebook.md, extracted from it) run with tsx, and examples/orgraph.ipynb executed
 * headless with `jupyter nbconvert --execute` on the tslab kernel. The notebook test skips, and
 * says why, only where Jupyter, nbconvert or the tslab kernel is missing (.ci/run installs them).
 * Expected values: NetworkX 3.6 betweenness of the bundled example (reference fixture), and counts
 * read from examples/manufacturing-email/people.csv. `npm test` builds dist/ first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/spawn.js';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'manufacturing-email');
const reference = JSON.parse(readFileSync(join(root, 'test/fixtures/reference/centrality/manufacturing-email.json'), 'utf8'));
const nxTop5 = (reference.personIds as string[])
  .map((id, i) => ({ id, value: reference.views['undirected-weighted'].metrics.betweenness[i] as number }))
  .sort((a, b) => b.value - a.value)
  .slice(0, 5);
const people = readFileSync(join(example, 'people.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const divisionSize = (d: string) => people.filter((p) => p[4] === d).length;

const guide = readFileSync(join(root, 'docs', 'guides', 'notebook.md'), 'utf8');
const script = /```ts\n(import \{ betweenness[\s\S]*?)```/.exec(guide)?.[1];

// Files inside the clone, so that `import ... from 'orgraph'` resolves to the build (package self-reference).
mkdirSync(join(root, 'temp'), { recursive: true });
const scratch = mkdtempSync(join(root, 'temp', 'notebook-'));
const outDir = mkdtempSync(join(tmpdir(), 'orgraph-notebook-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('notebook guide', () => {
  it('brokers.ts from the guide runs with tsx and lists the five brokers NetworkX finds', async () => {
    expect(script).toBeDefined();
    writeFileSync(join(scratch, 'brokers.ts'), script!);
    const r = await run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'brokers.ts', example], { cwd: scratch });
    expect(r.status, r.stderr).toBe(0);
    const ids = [...r.stdout.matchAll(/│ \d+\s+│ '(\d+)'/g)].map((m) => m[1]);
    expect(ids).toEqual(nxTop5.map((p) => p.id));
  }, 120_000);
});

function missingJupyter(): string | null {
  const nb = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  if (nb.status !== 0) return 'jupyter nbconvert is not installed (pip install jupyter nbconvert)';
  const kernels = spawnSync('jupyter', ['kernelspec', 'list'], { encoding: 'utf8' });
  if (!/\btslab\b/.test(kernels.stdout)) return 'the tslab kernel is not installed (npm install -g tslab && tslab install)';
  const tslab = spawnSync('tslab', ['--version'], { encoding: 'utf8' });
  if (tslab.status !== 0) return 'the tslab command is not on PATH';
  return null;
}
const missing = missingJupyter();
if (missing) console.warn(`examples/orgraph.ipynb not executed: ${missing}`);

describe('examples/orgraph.ipynb', () => {
  it.skipIf(missing !== null)(
    `executes headless with nbconvert${missing ? ` (skipped: ${missing})` : ''} and shows brokers, silos, gaps and the map`,
    async () => {
      const out = join(outDir, 'executed.ipynb');
      const r = await run(
        'jupyter',
        ['nbconvert', '--to', 'notebook', '--execute', 'orgraph.ipynb', '--output', out, '--ExecutePreprocessor.timeout=300'],
        {
          cwd: join(root, 'examples'),
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const nb = JSON.parse(readFileSync(out, 'utf8'));
      const outputs = nb.cells
        .filter((c: { cell_type: string }) => c.cell_type === 'code')
        .flatMap((c: { outputs: unknown[] }) => c.outputs) as {
        output_type: string;
        text?: string[];
        data?: Record<string, string[] | string>;
      }[];
      expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
      const text = (o: (typeof outputs)[number]) => (o.text ?? []).join('');
      const html = outputs
        .map((o) => o.data?.['text/html'])
        .filter(Boolean)
        .map((h) => (Array.isArray(h) ? h.join('') : h!));
      expect(outputs.some((o) => text(o) === `${people.length} people\n`)).toBe(true);
      // Brokers: the HTML table's ids in order are NetworkX's top five.
      const brokers = html.find((h) => h.includes('Top 5 brokers'))!;
      expect([...brokers.matchAll(/<tr><td>(\d+)<\/td>/g)].map((m) => m[1])).toEqual(nxTop5.map((p) => p.id));
      const first = /<tr><td>\d+<\/td><td style="text-align:right">([\d.]+)<\/td>/.exec(brokers)!;
      expect(Number(first[1])).toBeCloseTo(nxTop5[0].value, 4);
      // Silos: division 69 with its size from people.csv.
      const silos = html.find((h) => h.includes('Silos by division'))!;
      expect(silos).toContain(`<tr><td>69</td><td style="text-align:right">${divisionSize('69')}</td>`);
      expect(html.some((h) => h.includes('Largest gaps between divisions') && h.includes('<th>ratio</th>'))).toBe(true);
      // The map: one circle per person.
      const map = html.find((h) => h.startsWith('<svg id="orgraph-map"'))!;
      expect(map.match(/<circle /g)).toHaveLength(people.length);
    },
    300_000,
  );
});
