/** silos entries of the metric catalog (see ../catalog.ts). */
import type { MetricSpec } from '../metric-spec.js';
import { NodeScores } from '../scores.js';
import { louvain } from './communities.js';
import { eiIndex } from './ei-index.js';
import { groupPartition } from './groups.js';

export const SILO_METRICS: readonly MetricSpec[] = Object.freeze([
  {
    keys: ['eiIndex'],
    family: 'silos',
    description: "E-I index of each person's ties to other groups vs their own group (-1 = all inside, +1 = all outside); tie counts",
    needsGroup: true,
    compute(view, context) {
      if (!context.group) {
        return [new NodeScores('eiIndex', view.personIds, new Float64Array(view.personIds.length).fill(NaN), { group: null })];
      }
      // NOTE: a person-level score, like the brokerage roles: groups as they are in the data (the
      // minimum group size protects group-level figures; see docs/privacy.md).
      const groups = groupPartition(view, context.group, { minGroupSize: 1 });
      const result = eiIndex(view, groups, { permutations: 0 });
      return [new NodeScores('eiIndex', view.personIds, result.people.values, { ...result.people.diagnostics, group: context.group })];
    },
  },
  {
    keys: ['community'],
    family: 'silos',
    description: 'Louvain community (1 = largest), seeded: same input and --seed, same communities',
    compute(view, context) {
      const result = louvain(view, context.seed === undefined ? {} : { seed: context.seed });
      return [result.people];
    },
  },
]);
