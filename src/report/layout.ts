/**
 * Group layout for the report map
 * Places every person in a disc for their group (most central people at the middle, on a
 * golden-angle spiral) and packs the group discs around the origin, so that a map of an
 * organisation reads as its departments and the ties between them. Deterministic and O(n).
 * Reference: Vogel, H. (1979). A better way to construct the sunflower head. Math. Biosci. 44,
 * 179-189 (phyllotaxis spiral).
 */

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface GroupLayoutOptions {
  /** Distance between neighbouring people inside a group disc. @defaultValue 1 */
  readonly spacing?: number;
  /** Empty space between two group discs, in people spacings. @defaultValue 3 */
  readonly gap?: number;
}

export const DEFAULT_GROUP_LAYOUT_OPTIONS = Object.freeze({ spacing: 1, gap: 3 });

/**
 * Coordinates for people by group.
 *
 *   person j of a group (0 = most central): r = spacing sqrt(j + 0.5), angle = j * 137.5 degrees
 *   group disc radius R_g = spacing sqrt(size_g + 0.5); discs placed largest first, each on the
 *   golden-angle spiral (steps scaled by the mean disc radius) at the first point where it overlaps
 *   no disc already placed
 *
 * @param labels group of each person (-1 = no group: they share one extra disc)
 * @param order people from most to least central; people not listed are placed after the others
 * Complexity: O(n + G^2 * steps) for G groups.
 * @returns x and y arrays aligned with `labels`
 * @example
 * const { x, y } = groupLayout(Int32Array.from([0, 0, 1]), [0, 1, 2]);
 */
export function groupLayout(
  labels: Int32Array,
  order: readonly number[],
  options: GroupLayoutOptions = {},
): { x: Float64Array; y: Float64Array } {
  const spacing = options.spacing ?? DEFAULT_GROUP_LAYOUT_OPTIONS.spacing;
  const gap = (options.gap ?? DEFAULT_GROUP_LAYOUT_OPTIONS.gap) * spacing;
  const n = labels.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (labels[i] + 1 > k) k = labels[i] + 1;
  // Step 1: members of each disc (disc k = no group), in centrality order.
  const disc = (i: number) => (labels[i] < 0 ? k : labels[i]);
  const members: number[][] = Array.from({ length: k + 1 }, () => []);
  const placed = new Uint8Array(n);
  for (const i of order) {
    if (i >= 0 && i < n && !placed[i]) {
      placed[i] = 1;
      members[disc(i)].push(i);
    }
  }
  for (let i = 0; i < n; i++) if (!placed[i]) members[disc(i)].push(i);
  // Step 2: pack discs, largest first.
  const discs = members
    .map((m, g) => ({ g, size: m.length, r: spacing * Math.sqrt(m.length + 0.5), cx: 0, cy: 0 }))
    .filter((d) => d.size > 0);
  discs.sort((a, b) => b.size - a.size || a.g - b.g);
  const meanR = discs.reduce((s, d) => s + d.r, 0) / Math.max(1, discs.length);
  const done: typeof discs = [];
  for (let d = 0; d < discs.length; d++) {
    const c = discs[d];
    if (d > 0) {
      for (let step = 1; ; step++) {
        const rad = (meanR + gap) * 0.6 * Math.sqrt(step);
        const a = step * GOLDEN_ANGLE;
        const cx = rad * Math.cos(a);
        const cy = rad * Math.sin(a);
        let free = true;
        for (const o of done) {
          const dx = o.cx - cx;
          const dy = o.cy - cy;
          const min = o.r + c.r + gap;
          if (dx * dx + dy * dy < min * min) {
            free = false;
            break;
          }
        }
        if (free) {
          c.cx = cx;
          c.cy = cy;
          break;
        }
      }
    }
    done.push(c);
  }
  // Step 3: people on each disc's spiral.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (const c of done) {
    const m = members[c.g];
    for (let j = 0; j < m.length; j++) {
      const r = spacing * Math.sqrt(j + 0.5);
      x[m[j]] = c.cx + r * Math.cos(j * GOLDEN_ANGLE);
      y[m[j]] = c.cy + r * Math.sin(j * GOLDEN_ANGLE);
    }
  }
  return { x, y };
}
