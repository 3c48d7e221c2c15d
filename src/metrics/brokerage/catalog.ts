/** brokerage entries of the metric catalog (see ../catalog.ts). */
import type { MetricSpec } from '../catalog.js';

export const BROKERAGE_METRICS: readonly MetricSpec[] = [];
