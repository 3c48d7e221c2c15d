/** centrality entries of the metric catalog (see ../catalog.ts). */
import type { MetricSpec } from '../catalog.js';

export const CENTRALITY_METRICS: readonly MetricSpec[] = [];
