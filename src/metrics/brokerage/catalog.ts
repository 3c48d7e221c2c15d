/**
 * Brokerage entries of the metric catalog (see ../catalog.ts): structural holes (constraint,
 * hierarchy, effective size, efficiency), Gould-Fernandez roles, participation / within-module z /
 * Guimerà-Amaral roles, bridging centrality, and the key-person risk entries of ./risk-catalog.ts.
 */
import { sharedOrCompute, type MetricContext, type MetricSpec } from '../metric-spec.js';
import { betweenness } from '../centrality/betweenness.js';
import { NodeScores } from '../scores.js';
import { bridgingFromBetweenness } from './bridging.js';
import { BROKERAGE_ROLES, brokerageRoles } from './brokerage-roles.js';
import { effectiveSizeAndEfficiency } from './efficiency.js';
import { constraintAndHierarchy } from './hierarchy.js';
import { structuralHoleTies } from './groups.js';
import { moduleRoles } from './module-roles.js';
import { RISK_METRICS } from './risk-catalog.js';
import type { OrgView } from '../../model/projection.js';

/** Scores of NaN for every person: what group measures give without `--group`. */
function undefinedScores(view: OrgView, keys: readonly string[]): NodeScores[] {
  return keys.map((key) => new NodeScores(key, view.personIds, new Float64Array(view.personIds.length).fill(NaN)));
}

/** The weighted ego-tie tables of constraint and effective size, once per view through the memo. */
function egoTables(view: OrgView, context: MetricContext) {
  return sharedOrCompute(context, 'egoTables', () => structuralHoleTies(view, true));
}

const ROLE_KEYS = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison', 'brokerageTotal'] as const;
/** z-scores of the counts against the Gould-Fernandez null model, one per role key. */
const ROLE_Z_KEYS = ROLE_KEYS.map((k) => `${k}Z`);
const MODULE_KEYS = ['participation', 'withinModuleZ'] as const;

export const BROKERAGE_METRICS: readonly MetricSpec[] = Object.freeze([
  {
    keys: ['constraint', 'hierarchy'],
    family: 'brokerage',
    description:
      "Burt's constraint (low = broker across structural holes) and hierarchy (constraint concentrated on one contact); ties read as undirected",
    needs: ['egoTables'],
    compute: (view, context) => {
      const r = constraintAndHierarchy(view, {}, egoTables(view, context));
      return [r.constraint, r.hierarchy];
    },
  },
  {
    keys: ['effectiveSize', 'efficiency'],
    family: 'brokerage',
    description: "Burt's effective size (non-redundant contacts) and efficiency (effective size per contact); ties read as undirected",
    needs: ['egoTables'],
    compute: (view, context) => {
      const r = effectiveSizeAndEfficiency(view, {}, egoTables(view, context));
      return [r.effectiveSize, r.efficiency];
    },
  },
  {
    keys: [...ROLE_KEYS, ...ROLE_Z_KEYS],
    family: 'brokerage',
    description:
      "Gould-Fernandez brokerage: open two-paths the person mediates as coordinator, itinerant, representative, gatekeeper, liaison, and their total (undirected ties count twice, as R sna), then each count's z-score against a random graph of the same density (keys ending in Z)",
    needsGroup: true,
    compute: (view: OrgView, context: MetricContext) => {
      if (!context.group) return undefinedScores(view, [...ROLE_KEYS, ...ROLE_Z_KEYS]);
      const r = brokerageRoles(view, context.group);
      return [...BROKERAGE_ROLES.map((role) => r.counts[role]), ...BROKERAGE_ROLES.map((role) => r.z[role])];
    },
  },
  {
    keys: [...MODULE_KEYS],
    family: 'brokerage',
    description: 'participation coefficient across groups (0 = all ties in one group) and within-group degree z-score (Guimerà & Amaral)',
    needsGroup: true,
    compute: (view: OrgView, context: MetricContext) => {
      if (!context.group) return undefinedScores(view, MODULE_KEYS);
      const r = moduleRoles(view, context.group);
      return [r.participation, r.withinModuleZ];
    },
  },
  {
    keys: ['role'],
    family: 'brokerage',
    description: 'Guimerà-Amaral role from z and participation: R1-R4 non-hubs (ultra-peripheral .. kinless), R5-R7 hubs (z >= 2.5)',
    needsGroup: true,
    compute: (view: OrgView, context: MetricContext) => {
      if (!context.group) return undefinedScores(view, ['role']);
      return [moduleRoles(view, context.group).role];
    },
    format: (value: number) => (Number.isNaN(value) ? null : `R${value}`),
  },
  {
    keys: ['bridging'],
    family: 'brokerage',
    description: 'bridging centrality: normalised betweenness x bridging coefficient (values multiplied, Hwang et al.)',
    needs: ['betweenness'],
    compute: async (view: OrgView, context: MetricContext) => {
      const onProgress = context.onProgress;
      // The same exact betweenness as the `betweenness` entry: computed once per view when both are asked.
      const b = await sharedOrCompute(context, 'betweenness', () =>
        betweenness(view, {
          workers: context.workers,
          signal: context.signal,
          onProgress: onProgress ? (done: number, total: number) => onProgress('bridging', done, total) : undefined,
        }),
      );
      return [bridgingFromBetweenness(view, b)];
    },
  },
  ...RISK_METRICS,
] satisfies MetricSpec[]);
