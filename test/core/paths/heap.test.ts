/** Indexed 4-ary min-heap: pops in key order, decrease-key reorders. */
import { describe, expect, it } from 'vitest';
import { IndexedMinHeap } from '../../../src/core/paths/heap.js';

describe('IndexedMinHeap', () => {
  it('pops 200 pseudo-random keys in sorted order, honouring decrease-key', () => {
    const n = 200;
    const keys = new Float64Array(n);
    const heap = new IndexedMinHeap(keys);
    for (let i = 0; i < n; i++) {
      keys[i] = ((i * 7919) % 211) + 0.5;
      heap.push(i);
    }
    // Lower every tenth key below all others, in reverse order.
    for (let i = 0; i < n; i += 10) {
      keys[i] = -i;
      heap.decrease(i);
    }
    const popped: number[] = [];
    while (heap.size > 0) popped.push(keys[heap.pop()]);
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
    expect(heap.has(0)).toBe(false);
  });
});
