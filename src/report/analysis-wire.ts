/**
 * What crosses the thread boundary of `analysis({ thread: 'worker' })`: the graph as its
 * constructor parts (typed arrays and columns, no per-person objects), the options without their
 * functions, and the messages the analysis worker posts back (progress, the result, an error).
 * Used by both sides: ./analysis-thread.ts (the caller) and ./analysis-worker.ts (the entry).
 * Reference: Node.js worker_threads (structured clone of messages and workerData).
 */
import { deserialize, serialize } from 'node:v8';
import { IdIndex } from '../model/id-index.js';
import { OrgraphError, type OrgraphErrorCode } from '../model/errors.js';
import { OrgGraph, type RelationInfo } from '../model/org-graph.js';
import type { AnalysisOptions, AnalysisResult } from './pipeline/types.js';

/**
 * An {@link OrgGraph} as the parts its constructor takes, minus the id index (rebuilt from the
 * ids on the other side: O(n) hashing instead of carrying a hash table across).
 */
export interface GraphParts {
  readonly personIds: string[];
  readonly attributeNames: string[];
  /** One column per attribute name, in the same order. */
  readonly columns: (string | null)[][];
  readonly external: Uint8Array;
  readonly relations: RelationInfo[];
  readonly tieSources: Int32Array;
  readonly tieTargets: Int32Array;
  readonly tieWeights: Float64Array;
  readonly tieRelations: Int32Array;
  readonly tieTimes: Float64Array | null;
}

/**
 * The parts of `g`, read through its public surface. The arrays are the graph's own: posting them
 * copies them (they are never put in a transfer list, so the caller's graph stays usable).
 * Complexity: O(n · attributes) for the columns' array headers and the external flags.
 */
export function graphParts(g: OrgGraph): GraphParts {
  const n = g.personCount;
  const external = new Uint8Array(n);
  for (let i = 0; i < n; i++) external[i] = g.isExternal(i) ? 1 : 0;
  return {
    personIds: g.personIds as string[],
    attributeNames: g.attributeNames as string[],
    columns: g.attributeNames.map((name) => g.attribute(name) as (string | null)[]),
    external,
    relations: g.relations.map((r) => ({ ...r })),
    tieSources: g.tieSources,
    tieTargets: g.tieTargets,
    tieWeights: g.tieWeights,
    tieRelations: g.tieRelations,
    tieTimes: g.tieTimes,
  };
}

/** The graph again, through the same constructor the builder uses (ids re-indexed in order). O(n + m). */
export function graphFromParts(p: GraphParts): OrgGraph {
  const index = new IdIndex(p.personIds.length);
  p.personIds.forEach((id, i) => index.set(id, i));
  return new OrgGraph({
    personIds: p.personIds,
    index,
    attributeNames: p.attributeNames,
    columns: new Map(p.attributeNames.map((name, k) => [name, p.columns[k]])),
    external: p.external,
    relations: p.relations,
    tieSources: p.tieSources,
    tieTargets: p.tieTargets,
    tieWeights: p.tieWeights,
    tieRelations: p.tieRelations,
    tieTimes: p.tieTimes,
  });
}

/** The options a worker receives: everything but the functions and the signal, which stay with the caller. */
export type WireOptions = Omit<AnalysisOptions, 'onProgress' | 'signal' | 'thread'>;

/** `workerData` of an analysis worker. */
export interface AnalysisWorkerData {
  readonly job: 'analysis';
  readonly graph: GraphParts;
  readonly options: WireOptions;
  /** Whether the caller listens to progress (no messages are posted otherwise). */
  readonly progress: boolean;
  /** The caller's `setWorkerPath`, for the pools the worker starts itself (betweenness). */
  readonly workerPath: string | undefined;
}

/** An error as it crosses the boundary: an OrgraphError's code and location, or any error's name and message. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: OrgraphErrorCode;
  readonly reason?: string;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

/** Messages from the analysis worker to its caller. */
export type AnalysisWorkerMessage =
  | { readonly type: 'progress'; readonly stage: string; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: PackedResult }
  | { readonly type: 'error'; readonly error: WireError };

/** `e` as plain data (whatever was thrown: an OrgraphError keeps its code and location). */
export function toWireError(e: unknown): WireError {
  if (e instanceof OrgraphError) {
    return { name: e.name, message: e.message, stack: e.stack, code: e.code, reason: e.reason, file: e.file, line: e.line, field: e.field };
  }
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

/**
 * The error the calling thread would have thrown: an OrgraphError with the same code, reason and
 * location (hence the same message); any other error as an Error with the same name and message,
 * whose stack is the worker's.
 */
export function fromWireError(w: WireError): Error {
  if (w.code !== undefined && w.reason !== undefined) {
    return new OrgraphError(w.code, w.reason, { file: w.file, line: w.line, field: w.field });
  }
  const e = new Error(w.message);
  e.name = w.name;
  if (w.stack !== undefined) e.stack = w.stack;
  return e;
}

/** Elements per slice of a long array in a {@link PackedResult}. */
export const SLICE = 256;

/** Marks, in the skeleton, an array sent as slices: the slices' indices in `parts` (first, count). */
const SLICED = '\u0000orgraph:slices';

/**
 * A result ready to cross the boundary: the skeleton (the result with every array longer than
 * {@link SLICE} elements replaced by a marker) and the slices of those arrays, each serialised with
 * node:v8 (the structured-clone format: NaN, -0, undefined and nested data kept exactly).
 */
export interface PackedResult {
  readonly skeleton: Uint8Array;
  readonly parts: readonly Uint8Array[];
}

/**
 * Pack a result. Reading a 2,000-person result back in one piece takes the receiving thread 50 to
 * 250 ms (1.5 MB of small objects; structured clone, JSON and v8 alike), which is the block the
 * worker exists to avoid; slices of {@link SLICE} elements are read one event-loop turn at a time
 * ({@link unpackResult}). Long arrays are looked for in plain objects at any depth (arrays nested in a
 * long array's elements travel with their slice). Complexity: O(size of the result).
 */
export function packResult(result: AnalysisResult): PackedResult {
  const parts: Uint8Array[] = [];
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length <= SLICE) return v.map(walk);
      const first = parts.length;
      for (let i = 0; i < v.length; i += SLICE) parts.push(serialize(v.slice(i, i + SLICE)));
      return { [SLICED]: [first, parts.length - first] };
    }
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  const skeleton = serialize(walk(result));
  return { skeleton, parts };
}

/**
 * The result again, reading one slice per event-loop turn (`setImmediate` between slices), so the
 * receiving thread is never blocked for more than one slice. Complexity: O(size of the result).
 */
export async function unpackResult(packed: PackedResult): Promise<AnalysisResult> {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const slices: unknown[][] = [];
  for (const part of packed.parts) {
    await turn();
    slices.push(deserialize(part) as unknown[]);
  }
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    const o = v as Record<string, unknown>;
    const mark = o[SLICED] as [number, number] | undefined;
    if (mark !== undefined) return slices.slice(mark[0], mark[0] + mark[1]).flat();
    for (const k of Object.keys(o)) o[k] = walk(o[k]);
    return o;
  };
  await turn();
  return walk(deserialize(packed.skeleton)) as AnalysisResult;
}
