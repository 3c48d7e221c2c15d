/**
 * Gould-Fernandez brokerage roles
 * Who mediates between whom: counts of a person's open two-paths by the groups at both ends,
 * with expected values and z-scores under a random graph of the same density.
 * Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
 * brokerage in transaction networks. Sociological Methodology 19, 89-126.
 */
import { brokerageExpectation, brokerageRolesKernel } from '../../core/structure/brokerage-roles.js';
import type { OrgView } from '../../model/projection.js';
import { NodeScores } from '../scores.js';
import { groupCodes, type GroupInput } from './groups.js';

/** The five roles, and their sum. */
export type BrokerageRole = 'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total';

/** Role names in the order of every array of this module (as sna's w_I, w_O, b_IO, b_OI, b_O, t). */
export const BROKERAGE_ROLES: readonly BrokerageRole[] = Object.freeze([
  'coordinator',
  'itinerant',
  'representative',
  'gatekeeper',
  'liaison',
  'total',
]);

/** One number per role. */
export type RoleNumbers = Readonly<Record<BrokerageRole, number>>;

/** What {@link brokerageRoles} returns. */
export interface BrokerageRolesResult {
  /** Raw counts per person; metric keys coordinator ... liaison and `brokerageTotal`. */
  readonly counts: Readonly<Record<BrokerageRole, NodeScores>>;
  /** Expected counts per person (they depend on the size of the person's group). */
  readonly expected: Readonly<Record<BrokerageRole, NodeScores>>;
  /** Standard deviation of the count per person under the null model. */
  readonly sd: Readonly<Record<BrokerageRole, NodeScores>>;
  /**
   * (count - expected) / sd per person; NaN where sd = 0 (then the count is 0 too: e.g. coordinator
   * in a group of one, or density 0 or 1).
   */
  readonly z: Readonly<Record<BrokerageRole, NodeScores>>;
  /** Whole-network counts, expectations, sds and z-scores. */
  readonly network: {
    readonly counts: RoleNumbers;
    readonly expected: RoleNumbers;
    readonly sd: RoleNumbers;
    readonly z: RoleNumbers;
  };
  /** d = arcs / (n (n - 1)) used by the null model (undirected ties count as two arcs). */
  readonly density: number;
}

/**
 * Gould-Fernandez brokerage roles for every person.
 *
 * For every open two-path i -> j -> k (i != k, no tie i -> k), broker j scores one role:
 *   coordinator     g(i) = g(j) = g(k)
 *   itinerant       g(i) = g(k) != g(j)        (sna: w_O, "consultant")
 *   representative  g(i) = g(j) != g(k)        (sna: b_IO)
 *   gatekeeper      g(i) != g(j) = g(k)        (sna: b_OI)
 *   liaison         all three groups differ    (sna: b_O)
 * Expected counts and variances follow Gould & Fernandez for a graph whose arcs are drawn
 * independently with density d = arcs / (n (n - 1)); z = (count - expected) / sd.
 *
 * Direction is read from the view; on an undirected view each tie is two arcs, so every open triad
 * counts twice (once per direction) and d is the undirected density, exactly as R's
 * `sna::brokerage` on a symmetric matrix. Tie values are ignored (presence only). People without a
 * group value form one group of their own. Isolates score 0. An empty or one-person view gives
 * counts 0 and NaN z-scores. Complexity: O(n + m + sum_j indeg(j) outdeg(j) + groups).
 *
 * @param group attribute name (e.g. 'department') or partition aligned with `view.personIds`
 * @returns results aligned with `view.personIds`; equal to `sna::brokerage(g, cl)` raw.nli,
 *   exp.nli, sd.nli, z.nli and the *.gli network values
 * @example
 * const r = brokerageRoles(project(graph, { directed: true, relations: ['advice'] }), 'department');
 * r.counts.gatekeeper.top(3);
 */
export function brokerageRoles(view: OrgView, group: GroupInput): BrokerageRolesResult {
  const g = view.csr;
  const n = g.n;
  const { codes, count, sizes } = groupCodes(view, group);
  const raw = brokerageRolesKernel(g, codes);
  const density = n > 1 ? g.arcCount / (n * (n - 1)) : NaN;
  const ex = brokerageExpectation(sizes, density);
  const ids = view.personIds;
  const counts = {} as Record<BrokerageRole, NodeScores>;
  const expected = {} as Record<BrokerageRole, NodeScores>;
  const sd = {} as Record<BrokerageRole, NodeScores>;
  const z = {} as Record<BrokerageRole, NodeScores>;
  const net = { counts: {}, expected: {}, sd: {}, z: {} } as Record<'counts' | 'expected' | 'sd' | 'z', Record<BrokerageRole, number>>;
  BROKERAGE_ROLES.forEach((role, r) => {
    const c = raw.slice(r * n, (r + 1) * n);
    const e = new Float64Array(n);
    const s = new Float64Array(n);
    const zz = new Float64Array(n);
    let total = 0;
    for (let v = 0; v < n; v++) {
      e[v] = ex.expected[r * count + codes[v]];
      s[v] = Math.sqrt(ex.variance[r * count + codes[v]]);
      zz[v] = (c[v] - e[v]) / s[v];
      total += c[v];
    }
    const key = role === 'total' ? 'brokerageTotal' : role;
    counts[role] = new NodeScores(key, ids, c);
    expected[role] = new NodeScores(`${key}Expected`, ids, e);
    sd[role] = new NodeScores(`${key}Sd`, ids, s);
    z[role] = new NodeScores(`${key}Z`, ids, zz);
    net.counts[role] = total;
    net.expected[role] = ex.networkExpected[r];
    net.sd[role] = Math.sqrt(ex.networkVariance[r]);
    net.z[role] = (total - net.expected[role]) / net.sd[role];
  });
  return { counts, expected, sd, z, network: net, density };
}
