/**
 * Scorecard objectives file
 * Parses and validates the objectives an organisation sets per flow between groups and per
 * (stakeholder) group, from JSON or YAML, with errors that name the file and the field.
 * Reference: Cross, R., Parker, A. (2004). The Hidden Power of Social Networks, ch. 8 (network goals).
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { OrgraphError } from '../model/errors.js';
import type { GroupLabels } from './groups.js';
import { unknownGroup } from './groups.js';

/** Metrics an objective on a directed flow from one group to another may use. */
export const FLOW_METRICS = Object.freeze(['ties', 'weight', 'reciprocity', 'reach', 'eiIndex', 'gatekeepers'] as const);
/** Metrics an objective on one group may use. */
export const GROUP_METRICS = Object.freeze(['size', 'ties', 'internalTies', 'externalTies', 'eiIndex', 'gatekeepers', 'density'] as const);

/** A metric an objective can set on a flow between two groups (one of `FLOW_METRICS`). */
export type FlowMetric = (typeof FLOW_METRICS)[number];
/** A metric an objective can set on one group (one of `GROUP_METRICS`). */
export type GroupMetric = (typeof GROUP_METRICS)[number];

/** Which members of a group an objective counts: everyone, staff only, or outside stakeholders only (people flagged `external`). */
export type Members = 'all' | 'staff' | 'stakeholders';
export const MEMBERS_VALUES: readonly Members[] = Object.freeze(['all', 'staff', 'stakeholders']);

/** What every objective carries besides its subject: measure, target, margin, and balanced-scorecard bookkeeping. */
interface ObjectiveCommon {
  readonly min?: number;
  readonly max?: number;
  readonly atRisk: number;
  readonly label: string;
  readonly field: string;
  readonly owner?: string;
  readonly initiative?: string;
}

/** One objective: a flow or group metric with a minimum and/or maximum. */
export type Objective =
  | (ObjectiveCommon & {
      readonly kind: 'flow';
      readonly from: string;
      readonly to: string;
      readonly fromMembers: Members;
      readonly toMembers: Members;
      readonly metric: FlowMetric;
    })
  | (ObjectiveCommon & { readonly kind: 'group'; readonly group: string; readonly members: Members; readonly metric: GroupMetric });

/** An objectives file, parsed: the group attribute and the objectives. */
export interface Objectives {
  /** Attribute the groups come from (may be overridden by the caller). */
  readonly attribute: string | null;
  /** The objectives, in file order. */
  readonly objectives: readonly Objective[];
  /** Where they came from, for error messages. */
  readonly file?: string;
}

/** Relative margin inside which a met objective is "at risk" (within 10% of |target|), unless an objective sets `atRisk`. */
export const DEFAULT_AT_RISK = 0.1;

/**
 * Parse objectives from text (JSON, or YAML when `format` is 'yaml' or the file name ends in .yaml /
 * .yml). Shape:
 *
 *   attribute: department            # optional
 *   objectives:
 *     - flow: { from: Sales, to: Product }
 *       metric: ties                 # ties | weight | reciprocity | reach | eiIndex | gatekeepers
 *       min: 40                      # min and/or max
 *       owner: Head of Sales         # optional (balanced-scorecard bookkeeping, shown as given)
 *       initiative: joint roadmap reviews   # optional
 *     - flow: { from: Support, to: Customers, toMembers: stakeholders }   # fromMembers / toMembers: all | staff | stakeholders
 *       metric: reach
 *       min: 0.5
 *     - group: Customers
 *       members: stakeholders        # all (default) | staff | stakeholders (people flagged external)
 *       metric: externalTies         # size | ties | internalTies | externalTies | eiIndex | gatekeepers | density
 *       min: 10
 *       atRisk: 0.2                  # met but within 20% of |target| -> at risk (default 0.1)
 *
 * Group names may be written as numbers (`group: 1` names group "1").
 * Throws OrgraphError naming the file and the field: `E_JSON_SYNTAX` / `E_BAD_VALUE` for malformed
 * input, `E_UNKNOWN_METRIC` for a metric not in the lists. Groups are checked later against the data
 * ({@link checkObjectiveGroups}).
 *
 * Complexity: O(size of the text).
 * @example
 * parseObjectives('{"objectives":[{"flow":{"from":"Sales","to":"Product"},"metric":"ties","min":40}]}', { file: 'o.json' });
 */
export function parseObjectives(text: string, options: { readonly file?: string; readonly format?: 'json' | 'yaml' } = {}): Objectives {
  const file = options.file;
  const yaml = options.format === 'yaml' || (options.format === undefined && file !== undefined && /\.ya?ml$/i.test(file));
  let raw: unknown;
  try {
    raw = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new OrgraphError(
      'E_JSON_SYNTAX',
      `cannot parse the objectives as ${yaml ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`,
      { file },
    );
  }
  const bad = (field: string, reason: string) => new OrgraphError('E_BAD_VALUE', reason, { file, field });
  if (!isObject(raw)) throw bad('(top level)', 'expected an object with an "objectives" list');
  for (const key of Object.keys(raw))
    if (key !== 'attribute' && key !== 'objectives') throw bad(key, `unknown key "${key}"; expected attribute, objectives`);
  const attribute = raw.attribute === undefined ? null : raw.attribute;
  if (attribute !== null && typeof attribute !== 'string') throw bad('attribute', 'must be a text');
  if (!Array.isArray(raw.objectives)) throw bad('objectives', 'must be a list');
  const out: Objective[] = raw.objectives.map((item: unknown, k: number) => {
    const at = `objectives[${k}]`;
    if (!isObject(item)) throw bad(at, 'must be an object');
    for (const key of Object.keys(item)) {
      if (!['flow', 'group', 'members', 'metric', 'min', 'max', 'atRisk', 'label', 'owner', 'initiative'].includes(key))
        throw bad(`${at}.${key}`, `unknown key "${key}"`);
    }
    const num = (name: 'min' | 'max' | 'atRisk'): number | undefined => {
      const v = item[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(`${at}.${name}`, 'must be a finite number');
      return v;
    };
    const min = num('min');
    const max = num('max');
    const atRisk = num('atRisk') ?? DEFAULT_AT_RISK;
    if (min === undefined && max === undefined) throw bad(at, 'needs a target: min and/or max');
    if (min !== undefined && max !== undefined && min > max) throw bad(`${at}.min`, `min ${min} is above max ${max}`);
    if (atRisk < 0) throw bad(`${at}.atRisk`, 'must be >= 0');
    const metric = item.metric;
    if (typeof metric !== 'string') throw bad(`${at}.metric`, 'must be a text');
    if ((item.flow === undefined) === (item.group === undefined)) throw bad(at, 'needs exactly one of "flow" and "group"');
    const label = typeof item.label === 'string' ? item.label : undefined;
    const text = (name: 'owner' | 'initiative' | 'label'): string | undefined => {
      const v = item[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || v.trim() === '') throw bad(`${at}.${name}`, 'must be a non-empty text');
      return v;
    };
    text('label');
    const bsc = {
      ...(text('owner') !== undefined ? { owner: text('owner') } : {}),
      ...(text('initiative') !== undefined ? { initiative: text('initiative') } : {}),
    };
    const members = (v: unknown, field: string): Members => {
      if (v === undefined) return 'all';
      if (typeof v !== 'string' || !(MEMBERS_VALUES as readonly string[]).includes(v))
        throw bad(field, `must be all, staff or stakeholders, got ${JSON.stringify(v)}`);
      return v as Members;
    };
    /** `metric` as one of `known` (the flow or the group metrics); E_UNKNOWN_METRIC otherwise. */
    const metricOf = <M extends string>(kind: 'flow' | 'group', known: readonly M[]): M => {
      if (!(known as readonly string[]).includes(metric))
        throw new OrgraphError('E_UNKNOWN_METRIC', `unknown ${kind} metric "${metric}"; ${kind} metrics: ${known.join(', ')}`, {
          file,
          field: `${at}.metric`,
        });
      return metric as M;
    };
    if (item.flow !== undefined) {
      const flow = item.flow;
      if (!isObject(flow) || !isName(flow.from) || !isName(flow.to)) throw bad(`${at}.flow`, 'must be { from: GROUP, to: GROUP }');
      for (const key of Object.keys(flow))
        if (!['from', 'to', 'fromMembers', 'toMembers'].includes(key))
          throw bad(`${at}.flow.${key}`, `unknown key "${key}"; expected from, to, fromMembers, toMembers`);
      if (item.members !== undefined) throw bad(`${at}.members`, 'a flow takes fromMembers / toMembers inside "flow"');
      const from = String(flow.from);
      const to = String(flow.to);
      const fromMembers = members(flow.fromMembers, `${at}.flow.fromMembers`);
      const toMembers = members(flow.toMembers, `${at}.flow.toMembers`);
      const name = (g: string, m: Members) => (m === 'all' ? g : `${g} (${m})`);
      const flowMetric = metricOf('flow', FLOW_METRICS);
      return {
        kind: 'flow',
        from,
        to,
        fromMembers,
        toMembers,
        metric: flowMetric,
        min,
        max,
        atRisk,
        field: at,
        ...bsc,
        label: label ?? `${name(from, fromMembers)} -> ${name(to, toMembers)}: ${metric}${target(min, max)}`,
      };
    }
    if (!isName(item.group)) throw bad(`${at}.group`, 'must be a text');
    const group = String(item.group);
    const who = members(item.members, `${at}.members`);
    const groupMetric = metricOf('group', GROUP_METRICS);
    return {
      kind: 'group',
      group,
      members: who,
      metric: groupMetric,
      min,
      max,
      atRisk,
      field: at,
      ...bsc,
      label: label ?? `${who === 'all' ? group : `${group} (${who})`}: ${metric}${target(min, max)}`,
    };
  });
  return { attribute, objectives: out, file };
}

/** Read and parse an objectives file (JSON, or YAML by extension). Missing file: `E_FILE_NOT_FOUND`. */
export async function loadObjectives(path: string): Promise<Objectives> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new OrgraphError('E_FILE_NOT_FOUND', 'cannot read the objectives file', { file: path });
  }
  return parseObjectives(text, { file: path });
}

/** Throw `E_UNKNOWN_GROUP` (naming file and field) for the first objective that names a group the data lacks. */
export function checkObjectiveGroups(objectives: Objectives, groups: GroupLabels): void {
  for (const o of objectives.objectives) {
    const names = o.kind === 'flow' ? [['from', o.from] as const, ['to', o.to] as const] : [['group', o.group] as const];
    for (const [key, name] of names) {
      if (groups.indexOf(name) < 0) {
        throw unknownGroup(name, groups, { file: objectives.file, field: `${o.field}.${o.kind === 'flow' ? `flow.${key}` : key}` });
      }
    }
  }
}

function target(min?: number, max?: number): string {
  return (min !== undefined ? ` >= ${min}` : '') + (max !== undefined ? ` <= ${max}` : '');
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A group name: a text, or a finite number (YAML reads `group: 1` as a number; it names group "1"). */
function isName(v: unknown): v is string | number {
  return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));
}
