/**
 * The published shape: `npm test` builds with tsup first, so dist/ is fresh here. The package
 * must load through `import` and `require`, ship type declarations, and run its CLI with node.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('built package', () => {
  it('emits ESM, CJS and declarations where package.json points', () => {
    for (const f of [pkg.main, pkg.module, pkg.types, 'dist/index.d.cts', pkg.bin.orgraph]) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
  });

  it('loads through import and require with the same API', async () => {
    const esm = await import(pathToFileURL(join(root, pkg.module)).href);
    const cjs = createRequire(import.meta.url)(join(root, pkg.main));
    for (const api of [esm, cjs]) {
      const g = api.OrgGraph.from({ people: [{ id: 'a' }, { id: 'b' }], ties: [{ source: 'a', target: 'b', weight: 2 }] });
      const v = api.project(g);
      expect(v.csr.n).toBe(2);
      expect(api.viewTies(v)).toEqual([{ source: 'a', target: 'b', weight: 2 }]);
    }
    expect(Object.keys(esm).sort()).toEqual(
      Object.keys(cjs)
        .filter((k) => k !== 'default' && k !== '__esModule')
        .sort(),
    );
  });

  it('imports from a separate node process, both module systems', () => {
    const esm = execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `import { OrgGraph } from ${JSON.stringify(pathToFileURL(join(root, pkg.module)).href)}; console.log(typeof OrgGraph.from)`,
    ]);
    const cjs = execFileSync(process.execPath, [
      '-e',
      `const { OrgGraph } = require(${JSON.stringify(join(root, pkg.main))}); console.log(typeof OrgGraph.from)`,
    ]);
    expect(esm.toString().trim()).toBe('function');
    expect(cjs.toString().trim()).toBe('function');
  });

  it('runs the CLI with node: help exits 0, a bad command exits 2', () => {
    const help = spawnSync(process.execPath, [join(root, pkg.bin.orgraph), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: orgraph');
    const bad = spawnSync(process.execPath, [join(root, pkg.bin.orgraph), 'no-such-command'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown command 'no-such-command'");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
