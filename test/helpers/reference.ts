/**
 * Test helper: the reference fixtures in test/fixtures/reference/<family>/, written by the scripts
 * in scripts/reference (each records its tool and version); tests only read them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the reference fixtures. */
export const REFERENCE_DIR = fileURLToPath(new URL('../fixtures/reference/', import.meta.url));

/** A reference fixture, by path under test/fixtures/reference (e.g. `silos/networkx.json`). */
export function referenceJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, path), 'utf8')) as T;
}

/** Names (without `.json`) of the fixtures in one family folder, sorted. */
export function referenceNames(family: string): string[] {
  return readdirSync(join(REFERENCE_DIR, family))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
