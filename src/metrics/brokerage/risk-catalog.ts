/**
 * Key-person risk entries of the metric catalog (see ../catalog.ts): articulation points and
 * per-person fragmentation. Set-level measures (key players, bridges, group dependency) are not
 * per-person scores and are called directly.
 * Reference: Borgatti, S. P. (2006). Identifying sets of key players in a social network.
 * Comput. Math. Organ. Theory 12, 21-34.
 */
import type { MetricSpec } from '../metric-spec.js';
import { articulation } from './articulation.js';
import { fragmentation } from './fragmentation.js';

export const RISK_METRICS: readonly MetricSpec[] = Object.freeze([
  {
    keys: ['articulation'],
    family: 'brokerage',
    description: 'Cut person: true when their departure splits a connected part of the network (ties read as undirected)',
    compute: (view) => [articulation(view)],
    format: (value: number) => (Number.isNaN(value) ? null : value === 1),
  },
  {
    keys: ['fragmentation', 'fragmentationChange'],
    family: 'brokerage',
    description:
      'Fragmentation F = 1 - sum_c s_c(s_c-1)/((n-1)(n-2)) once the person leaves, and its change from the intact network (Borgatti 2006)',
    compute: (view) => {
      const r = fragmentation(view);
      return [r.scores, r.change];
    },
  },
] satisfies MetricSpec[]);
