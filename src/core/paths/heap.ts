/**
 * Indexed 4-ary min-heap on typed arrays
 * A priority queue of node indices keyed by a float, with decrease-key, for Dijkstra's algorithm.
 * Reference: Cormen, Leiserson, Rivest & Stein (2009). Introduction to Algorithms, 3rd ed., ch. 6.
 */

/**
 * Min-heap over node indices `0 .. capacity-1`, keyed by `keys[node]`.
 *
 * The caller owns `keys` (for Dijkstra: the tentative distances) and writes a smaller key before
 * calling {@link IndexedMinHeap.decrease}. Every buffer is allocated once and reused across runs.
 * Ties between equal keys pop in no particular order. Four children per slot and keys kept
 * inline in the heap make a shallower, more cache-friendly tree than a binary heap.
 *
 * Complexity: push, pop and decrease O(log size); minKey O(1); clear O(size).
 * @example
 * const keys = new Float64Array(3);
 * const heap = new IndexedMinHeap(keys);
 * keys[2] = 0.5; heap.push(2);
 * heap.pop(); // 2
 */
export class IndexedMinHeap {
  /** Heap slots -> node. */
  private readonly items: Int32Array;
  /** Heap slots -> key (a copy of keys[node], kept inline so comparisons read contiguous memory). */
  private readonly slotKeys: Float64Array;
  /** Node -> heap slot, or -1 when the node is not in the heap. */
  private readonly slot: Int32Array;
  size = 0;

  constructor(readonly keys: Float64Array) {
    this.items = new Int32Array(keys.length);
    this.slotKeys = new Float64Array(keys.length);
    this.slot = new Int32Array(keys.length).fill(-1);
  }

  has(node: number): boolean {
    return this.slot[node] >= 0;
  }

  /** Insert a node whose key is already written in `keys`. */
  push(node: number): void {
    this.siftUp(node, this.keys[node], this.size++);
  }

  /** Restore order after `keys[node]` was lowered; the node must be in the heap. */
  decrease(node: number): void {
    this.siftUp(node, this.keys[node], this.slot[node]);
  }

  /** The smallest key in the heap, or Infinity when it is empty. */
  minKey(): number {
    return this.size > 0 ? this.slotKeys[0] : Infinity;
  }

  /** Remove every node. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.items[i]] = -1;
    this.size = 0;
  }

  /** Remove and return the node with the smallest key. The heap must not be empty. */
  pop(): number {
    const items = this.items;
    const top = items[0];
    this.slot[top] = -1;
    const last = --this.size;
    if (last > 0) this.siftDown(items[last], this.slotKeys[last], 0);
    return top;
  }

  // NOTE: 4-ary layout: children of slot i are 4i+1 .. 4i+4, parent is (i-1) >> 2.
  // NOTE: siftUp and siftDown move an entry (node, key, slot) with the same three writes, in the
  // loop and at the end; keep the two in sync. Written out, not shared through a helper, because
  // they are the inner loops of every heap Dijkstra run.
  private siftUp(node: number, key: number, at: number): void {
    const items = this.items;
    const slotKeys = this.slotKeys;
    const slot = this.slot;
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pk = slotKeys[parent];
      if (pk <= key) break;
      const p = items[parent];
      items[i] = p;
      slotKeys[i] = pk;
      slot[p] = i;
      i = parent;
    }
    items[i] = node;
    slotKeys[i] = key;
    slot[node] = i;
  }

  private siftDown(node: number, key: number, at: number): void {
    const items = this.items;
    const slotKeys = this.slotKeys;
    const slot = this.slot;
    const size = this.size;
    let i = at;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      let best = first;
      let bk = slotKeys[first];
      const end = first + 4 < size ? first + 4 : size;
      for (let c = first + 1; c < end; c++) {
        const ck = slotKeys[c];
        if (ck < bk) {
          best = c;
          bk = ck;
        }
      }
      if (bk >= key) break;
      const b = items[best];
      items[i] = b;
      slotKeys[i] = bk;
      slot[b] = i;
      i = best;
    }
    items[i] = node;
    slotKeys[i] = key;
    slot[node] = i;
  }
}
