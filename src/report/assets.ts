/**
 * Report assets
 * The browser libraries a report inlines (graphology and sigma.js UMD builds), read from the
 * installed packages when a report is rendered, so that report.html fetches nothing.
 * Reference: graphology (https://graphology.github.io), sigma.js v3 (https://www.sigmajs.org).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The inlined browser libraries and their versions. */
export interface MapAssets {
  /** Source of graphology's UMD build, inlined in the report. */
  readonly graphology: string;
  /** Source of sigma.js's UMD build, inlined in the report. */
  readonly sigma: string;
  /** Versions of both, as their package.json files state them. */
  readonly versions: { readonly graphology: string; readonly sigma: string };
}

let cached: MapAssets | null = null;

/**
 * Read graphology's and sigma's minified UMD builds (globals `graphology` and `Sigma`) from
 * node_modules, once per process. Throws when either package is not installed.
 * Complexity: O(size of the two files), about 260 kB.
 * @example
 * const { sigma, versions } = mapAssets();
 */
export function mapAssets(): MapAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const graphologyDir = dirname(require.resolve('graphology'));
  const sigmaDir = dirname(require.resolve('sigma'));
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  cached = {
    graphology: readFileSync(join(graphologyDir, 'graphology.umd.min.js'), 'utf8'),
    sigma: readFileSync(join(sigmaDir, 'sigma.min.js'), 'utf8'),
    versions: { graphology: version(graphologyDir), sigma: version(sigmaDir) },
  };
  return cached;
}
