/**
 * Guimerà-Amaral roles
 * Seven roles (R1-R7) from a person's within-group z-score and participation coefficient:
 * peripheral people, connectors and hubs.
 * Reference: Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic
 * networks. Nature 433, 895-900.
 */
import { withinModuleZKernel } from '../../core/structure/within-module-z.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { groupTieSpread, type GroupInput } from './groups.js';

/** Options of {@link moduleRoles}. */
export interface ModuleRolesOptions {
  /** Sum tie values (true) or count contacts (false). Defaults to the view's own weighting. */
  readonly weighted?: boolean;
  /** z at or above which a person is a hub. @defaultValue 2.5 */
  readonly hubZ?: number;
}

/** Defaults of {@link ModuleRolesOptions}. */
export const DEFAULT_MODULE_ROLES_OPTIONS = Object.freeze({ hubZ: 2.5 } as const satisfies ModuleRolesOptions);

/** Names of roles 1..7 (index 0 unused). */
export const MODULE_ROLE_NAMES: readonly string[] = Object.freeze([
  '',
  'ultra-peripheral',
  'peripheral',
  'non-hub connector',
  'non-hub kinless',
  'provincial hub',
  'connector hub',
  'kinless hub',
]);

/**
 * The Guimerà-Amaral role number (1-7) of a z-score and participation coefficient.
 *
 *   z <  hubZ:  R1 P <= 0.05 | R2 0.05 < P <= 0.62 | R3 0.62 < P <= 0.80 | R4 P > 0.80
 *   z >= hubZ:  R5 P <= 0.30 | R6 0.30 < P <= 0.75 | R7 P > 0.75
 *
 * NaN in, NaN out. Complexity: O(1).
 * @example
 * moduleRole(3, 0.5); // 6, a connector hub
 */
export function moduleRole(z: number, p: number, hubZ: number = DEFAULT_MODULE_ROLES_OPTIONS.hubZ): number {
  if (Number.isNaN(z) || Number.isNaN(p)) return NaN;
  if (z >= hubZ) return p <= 0.3 ? 5 : p <= 0.75 ? 6 : 7;
  return p <= 0.05 ? 1 : p <= 0.62 ? 2 : p <= 0.8 ? 3 : 4;
}

/**
 * Guimerà-Amaral roles for every person, with the participation coefficient and within-module z
 * they come from (same definitions and conventions as `participation` and `withinModuleZ`).
 * Values are the role numbers 1-7; the catalog prints them as 'R1'..'R7'. Isolates have P = 0 and
 * are R1 unless their group's z makes them hubs (it cannot: their z is <= 0). Complexity: O(n + m).
 *
 * @param group attribute name or partition aligned with `view.personIds`
 * @returns role scores (metric key `role`) plus `participation` and `withinModuleZ`
 * @example
 * const { role } = moduleRoles(project(graph), 'department');
 */
export function moduleRoles(
  view: OrgView,
  group: GroupInput,
  options: ModuleRolesOptions = {},
): { role: NodeScores; participation: NodeScores; withinModuleZ: NodeScores } {
  const hubZ = options.hubZ ?? DEFAULT_MODULE_ROLES_OPTIONS.hubZ;
  const { codes, count, spread: r } = groupTieSpread(view, group, options.weighted);
  const z = withinModuleZKernel(r.withinDegree, codes, count);
  const role = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) role[i] = moduleRole(z[i], r.participation[i], hubZ);
  return {
    role: new NodeScores('role', view.personIds, role),
    participation: new NodeScores('participation', view.personIds, r.participation),
    withinModuleZ: new NodeScores('withinModuleZ', view.personIds, z),
  };
}
