/** Load a data set of test/fixtures/datasets through the ingest layer (test helper). */
import { join } from 'node:path';
import { loadFolder } from '../../src/ingest/index.js';
import type { OrgGraph } from '../../src/model/org-graph.js';

export const DATASETS = join(import.meta.dirname, '..', 'fixtures', 'datasets');

const cache = new Map<string, Promise<OrgGraph>>();

export function loadDataset(name: string): Promise<OrgGraph> {
  let g = cache.get(name);
  if (!g) {
    g = loadFolder(join(DATASETS, name)).then((r) => r.graph);
    cache.set(name, g);
  }
  return g;
}
