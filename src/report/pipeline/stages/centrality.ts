/** Stage "centrality": degree, strength and PageRank of every person in the view, from the metric catalogue. */
import { catalogStage } from '../catalog-stage.js';
import type { AnalysisStage } from '../plan.js';

// Progress: degree and strength are one unit, PageRank's iterations the other 9 (its share of the time; see createContext).
export const centralityStage: AnalysisStage = catalogStage('centrality', 10, [
  { slots: ['degree', 'strength'], done: 1 },
  { slots: ['pagerank'], done: 10 },
]);
