/** Test helper: split a text into chunks at cut positions, as a stream would deliver it. */

/**
 * `text` cut at the given positions (taken modulo text.length + 1, deduplicated and sorted, so any
 * integers from a property generator are valid cuts).
 */
export function cut(text: string, positions: readonly number[]): string[] {
  const cuts = [...new Set(positions.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}
