/**
 * No import circles in src/ (type-only imports included), and no CLI command imports another:
 * shared CLI plumbing lives in src/cli/*.ts, commands in src/cli/commands/ import only those.
 * The same check runs as `npx tsx scripts/import-cycles.ts`.
 */
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../scripts/import-cycles.js';

const src = join(import.meta.dirname, '..', '..', 'src');

describe('import structure', () => {
  it('finds a circle when there is one (a -> b -> c -> a, plus d -> d) and none in a chain', () => {
    const circles = importCycles(
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['d']],
        ['e', ['a']],
      ]),
    );
    expect(circles).toEqual([['a', 'b', 'c'], ['d']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  const graph = importGraph(src);

  it('reads the real import graph (the CLI entry imports the command list; metric catalogues import their families)', () => {
    expect(graph.get(join(src, 'cli', 'main.ts'))).toContain(join(src, 'cli', 'commands', 'index.ts'));
    expect(graph.get(join(src, 'metrics', 'catalog.ts'))).toContain(join(src, 'metrics', 'centrality', 'catalog.ts'));
    expect(graph.size).toBeGreaterThan(100);
  });

  it('src/ has no import circle', () => {
    const circles = importCycles(graph).map((c) => c.map((f) => relative(src, f)).join(' <-> '));
    expect(circles).toEqual([]);
  });

  it('no CLI command imports another command', () => {
    const commands = join(src, 'cli', 'commands');
    const offenders: string[] = [];
    for (const [file, deps] of graph) {
      if (dirname(file) !== commands || file.endsWith('index.ts')) continue;
      for (const d of deps) if (dirname(d) === commands) offenders.push(`${relative(src, file)} -> ${relative(src, d)}`);
    }
    expect(offenders).toEqual([]);
  });
});
