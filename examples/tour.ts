/**
 * The README's five-minute tour, runnable: `npx tsx examples/tour.ts`.
 * (In an app, import from 'orgraph' instead of '../src/index.js'.)
 */
import { OrgGraph, betweenness, constraint, eiIndex, groupPartition, loadFolder, louvain, project } from '../src/index.js';

export async function tour(folder = new URL('./manufacturing-email', import.meta.url).pathname) {
  // 1. People and ties: from files (strict by default; { mode: 'lenient' } keeps going and reports)...
  const { graph, report } = await loadFolder(folder);
  // ...or from records in your app.
  const small = OrgGraph.from({
    people: [
      { id: 'ana', attributes: { department: 'Sales' } },
      { id: 'bo', attributes: { department: 'Eng' } },
    ],
    ties: [{ source: 'ana', target: 'bo', weight: 3, relation: 'advice' }],
  });

  // 2. A view: which relations, directed or not, weighted or not, staff only or with stakeholders.
  //    Tie values are strengths; path metrics read them as lengths d = 1/w.
  const view = project(graph, { directed: false, weighted: true });

  // 3. Per-person metrics are NodeScores: values aligned with view.personIds, plus helpers.
  const b = await betweenness(view); // worker threads, NetworkX-normalised
  const brokers = b.top(5); // [{ id, value, rank }, ...]
  const lowConstraint = constraint(view).top(5, { ascending: true });

  // 4. Groups and communities.
  const divisions = groupPartition(view, 'division');
  const ei = eiIndex(view, divisions, { permutations: 99 }); // network, group and person level
  const communities = louvain(view, { seed: 1 }); // seeded, reproducible

  return { report, small, view, brokers, lowConstraint, ei, communities };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { brokers, lowConstraint, ei, communities } = await tour();
  console.log('top brokers (betweenness):', brokers);
  console.log('lowest constraint:', lowConstraint);
  console.log('network E-I:', ei.network);
  console.log('communities:', communities.count, 'modularity', communities.modularity);
}
