/**
 * Test helper: the real org networks copied into test/fixtures/datasets/<name>/, loaded through the
 * real ingest (`loadFolder`: people.csv, ties.csv, relations.csv for the undirected relations),
 * once per data set and test file.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFolder } from '../../src/ingest/index.js';
import type { OrgGraph } from '../../src/model/org-graph.js';
import { project, type OrgView, type ProjectionOptions } from '../../src/model/projection.js';

/** The folder holding the data sets. */
export const DATASETS_DIR = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url));

/** The folder of one data set. */
export function datasetDir(name: string): string {
  return join(DATASETS_DIR, name);
}

/** Names of every data set, sorted. */
export function datasetNames(): string[] {
  return readdirSync(DATASETS_DIR)
    .filter((f) => statSync(join(DATASETS_DIR, f)).isDirectory())
    .sort();
}

const graphs = new Map<string, Promise<OrgGraph>>();

/** A data set as an OrgGraph, loaded by `loadFolder` (strict mode) and cached. */
export function loadDataset(name: string): Promise<OrgGraph> {
  let g = graphs.get(name);
  if (!g) {
    g = loadFolder(datasetDir(name)).then((r) => r.graph);
    graphs.set(name, g);
  }
  return g;
}

/** A view of a data set. */
export async function datasetView(name: string, options: ProjectionOptions = {}): Promise<OrgView> {
  return project(await loadDataset(name), options);
}
