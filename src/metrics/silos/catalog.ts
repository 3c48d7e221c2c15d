/** silos entries of the metric catalog (see ../catalog.ts). */
import type { MetricSpec } from '../catalog.js';

export const SILO_METRICS: readonly MetricSpec[] = [];
