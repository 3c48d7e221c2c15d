/**
 * Group dependency
 * For each formal group, the members its outside connections depend on: who carries the group's
 * cross-group ties, and which other groups the group reaches only through one member.
 * Reference: Burt, R. S. (1992). Structural Holes, ch. 1 (brokerage across groups); Borgatti, S. P.
 * (2006). Identifying sets of key players in a social network. Comput. Math. Organ. Theory 12.
 */
import { undirectedAdjacency } from '../../core/graph/undirected.js';
import { OrgraphError } from '../../model/errors.js';
import type { OrgView } from '../../model/projection.js';
import { groupMembership } from '../groups.js';

/** Options of {@link groupDependency}. */
export interface GroupDependencyOptions {
  /** The attribute naming each person's group (department, team...). Required. */
  readonly group: string;
}

/** One member's share of their group's outside connections. */
export interface GroupMemberDependency {
  /** The member's id. */
  readonly id: string;
  /** Ties from this member to people of other groups. */
  readonly crossTies: number;
  /** Other groups this member is tied to, sorted. */
  readonly groupsReached: readonly string[];
  /** Groups this member is the group's only direct link to, sorted: lost at distance 1 without them. */
  readonly soleLinkTo: readonly string[];
  /** crossTies / the group's cross-group ties. */
  readonly share: number;
}

/** A group, its outside connections and the members they depend on. */
export interface GroupDependency {
  /** The group's name (the attribute value). */
  readonly group: string;
  /** Members in the view. */
  readonly size: number;
  /** Other groups at distance 1 (tied to at least one member), sorted. */
  readonly groupsReached: readonly string[];
  /** Ties between a member and a person of another group. */
  readonly crossTies: number;
  /**
   * Members with at least one cross-group tie, ranked: most groups reached only through them,
   * then most cross-group ties, then view order.
   */
  readonly members: readonly GroupMemberDependency[];
}

/**
 * Group dependency for every group of an attribute.
 *
 * For group G with members M and a tie {i, j} counted once per pair (i in M, j in another group H):
 *   crossTies(G)      = number of such pairs
 *   crossTies(i)      = number of such pairs that include member i;  share(i) = crossTies(i) / crossTies(G)
 *   reached(G)        = { H : some member of G is tied to some member of H }
 *   soleLinkTo(i)     = { H in reached(G) : i is the only member of G tied to anyone in H }
 * so |soleLinkTo(i)| is the number of groups G would no longer reach directly (at distance 1) if i
 * left; groups still reachable through longer paths are not counted back in.
 *
 * Ties are read as undirected and unweighted (a pair tied in either direction counts once, whatever
 * its strength). People with no value for the attribute belong to no group: they are not listed
 * and their ties are not cross-group ties. Isolated members and a group with no outside ties get
 * crossTies 0 and an empty member list; so does every group when everyone is in one group. An
 * empty view gives an empty list. An unknown attribute throws `E_UNKNOWN_ATTRIBUTE`.
 *
 * Complexity: O(n + m + sum over members of groups reached, log-sorted per member).
 *
 * @returns groups in sorted order of their names
 * @example
 * const deps = groupDependency(view, { group: 'department' });
 * deps[0].members[0]; // { id: 'ana', crossTies: 5, share: 0.5, groupsReached: [...], soleLinkTo: ['Legal'] }
 */
export function groupDependency(view: OrgView, options: GroupDependencyOptions): GroupDependency[] {
  if (!options || typeof options.group !== 'string' || options.group === '') {
    throw new OrgraphError('E_BAD_OPTION', 'group dependency needs a group attribute', { field: 'group' });
  }
  const adj = undirectedAdjacency(view.csr);
  const n = adj.n;
  // Step 1: dense group codes, groups sorted by name (code units); no value = no group (-1).
  const groups = groupMembership(view, options.group, { missing: 'exclude', order: 'code-unit', emptyIsMissing: false }, 'group');
  const groupNames = groups.names as readonly string[];
  const groupOf = groups.codes;
  const size = groups.sizes;
  // Step 2: per member, cross ties and the set of other groups reached (stamped per member).
  const stamp = new Int32Array(groupNames.length).fill(-1);
  const crossOf = new Int32Array(n);
  const reachedOf: number[][] = new Array(n);
  // linkers.get(G * groupCount + H) = number of members of G tied to H
  const groupCount = groupNames.length;
  const linkers = new Map<number, number>();
  const crossOfGroup = new Float64Array(groupCount);
  for (let v = 0; v < n; v++) {
    const g = groupOf[v];
    const reached: number[] = [];
    reachedOf[v] = reached;
    if (g < 0) continue;
    for (let p = adj.offsets[v]; p < adj.offsets[v + 1]; p++) {
      const h = groupOf[adj.targets[p]];
      if (h < 0 || h === g) continue;
      crossOf[v]++;
      if (stamp[h] !== v) {
        stamp[h] = v;
        reached.push(h);
        const key = g * groupCount + h;
        linkers.set(key, (linkers.get(key) ?? 0) + 1);
      }
    }
    crossOfGroup[g] += crossOf[v];
    reached.sort((a, b) => a - b);
  }
  // Step 3: assemble, ranking members within each group.
  const membersOf: number[][] = Array.from({ length: groupCount }, () => []);
  for (let v = 0; v < n; v++) if (groupOf[v] >= 0 && crossOf[v] > 0) membersOf[groupOf[v]].push(v);
  const out: GroupDependency[] = [];
  for (let g = 0; g < groupCount; g++) {
    const reachedByGroup: number[] = [];
    const mark = -2 - g;
    for (const v of membersOf[g]) {
      for (const h of reachedOf[v]) {
        if (stamp[h] === mark) continue;
        stamp[h] = mark;
        reachedByGroup.push(h);
      }
    }
    reachedByGroup.sort((a, b) => a - b);
    const members = membersOf[g].map((v) => {
      const sole = reachedOf[v].filter((h) => linkers.get(g * groupCount + h) === 1);
      return {
        index: v,
        entry: {
          id: view.personIds[v],
          crossTies: crossOf[v],
          share: crossOf[v] / crossOfGroup[g],
          groupsReached: reachedOf[v].map((h) => groupNames[h]),
          soleLinkTo: sole.map((h) => groupNames[h]),
        } satisfies GroupMemberDependency,
      };
    });
    members.sort(
      (a, b) => b.entry.soleLinkTo.length - a.entry.soleLinkTo.length || b.entry.crossTies - a.entry.crossTies || a.index - b.index,
    );
    out.push({
      group: groupNames[g],
      size: size[g],
      crossTies: crossOfGroup[g],
      groupsReached: reachedByGroup.map((h) => groupNames[h]),
      members: members.map((m) => m.entry),
    });
  }
  return out;
}
