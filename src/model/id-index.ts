/**
 * Id index
 * Person ids -> dense person indices, for the builder, the graph and streaming ingest: an
 * open-addressing hash table whose keys live in the table itself, so a lookup reads one slot (ids
 * of up to 8 code units are compared inside it) or one slot and one run of one character array,
 * instead of a Map entry and a separate string object: fewer cache misses with a million ids.
 * Reference: Knuth, D. E. (1998). The Art of Computer Programming, vol. 3, §6.4 (linear probing);
 * FNV-1a hash (Fowler, Noll, Vo) with the MurmurHash3 fmix32 finalizer.
 */

/**
 * Ints per slot: hash, key offset, key length, index + 1 (0 = empty slot), then the key's first
 * 8 code units packed two per int (zero-padded). A key of up to 8 code units is compared inside
 * its slot (one memory access per lookup); longer keys are compared in the character array.
 */
const SLOT = 8;

/** Keys of up to this many code units are compared inside their slot. */
const INLINE = 8;

/** FNV-1a over UTF-16 code units, then fmix32 so that linear probing sees well-mixed low bits. */
function hashOf(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** MurmurHash3's 32-bit finalizer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A string -> index map for ids: `get` and `set` only, no deletion. Holds no string objects: ids
 * are copied as code units into one growing Uint16Array.
 * Complexity: O(id length) per operation on average (load factor at most 1/2); memory about
 * 64 bytes per id (two slots of 32 bytes) plus 2 bytes per id character.
 * @example
 * const ids = new IdIndex();
 * ids.set('ana', 0);
 * ids.get('ana'); // 0
 * ids.get('bo');  // -1
 */
export class IdIndex {
  private slots: Int32Array;
  private mask: number;
  private chars: Uint16Array;
  private used = 0;
  private count = 0;

  constructor(expected = 1024) {
    let size = 16;
    while (size < 2 * expected) size *= 2;
    this.slots = new Int32Array(size * SLOT);
    this.mask = size - 1;
    this.chars = new Uint16Array(Math.max(64, expected * 8));
  }

  /** Number of ids. */
  get size(): number {
    return this.count;
  }

  /** The index of `id`, or -1. NOTE: keep in sync with model/id-index.ts:IdIndex.getAscii (the same probe on bytes). */
  get(id: string): number {
    const slots = this.slots;
    const chars = this.chars;
    const n = id.length;
    const h = hashOf(id);
    for (let k = h & this.mask; ; k = (k + 1) & this.mask) {
      const base = k * SLOT;
      const v = slots[base + 3];
      if (v === 0) return -1;
      if (slots[base] === h && slots[base + 2] === n) {
        if (n <= INLINE) {
          let j = 0;
          while (j < n && ((slots[base + 4 + (j >> 1)] >>> ((j & 1) << 4)) & 0xffff) === id.charCodeAt(j)) j++;
          if (j === n) return v - 1;
          continue;
        }
        const o = slots[base + 1];
        let j = 0;
        while (j < n && chars[o + j] === id.charCodeAt(j)) j++;
        if (j === n) return v - 1;
      }
    }
  }

  /**
   * The index of the id spelt by the ASCII bytes `b[start .. end)`, or -1: the same answer as
   * {@link IdIndex.get} for that string (an ASCII byte is its UTF-16 code unit, so the hash agrees).
   * Callers pass ASCII only. Reads the bytes in place: no string is made.
   * NOTE: keep in sync with model/id-index.ts:IdIndex.get (the same probe on a string); kept apart because it runs twice per tie.
   */
  getAscii(b: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const chars = this.chars;
    const n = end - start;
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
    h = fmix32(h);
    for (let k = h & this.mask; ; k = (k + 1) & this.mask) {
      const base = k * SLOT;
      const v = slots[base + 3];
      if (v === 0) return -1;
      if (slots[base] === h && slots[base + 2] === n) {
        if (n <= INLINE) {
          let j = 0;
          while (j < n && ((slots[base + 4 + (j >> 1)] >>> ((j & 1) << 4)) & 0xffff) === b[start + j]) j++;
          if (j === n) return v - 1;
          continue;
        }
        const o = slots[base + 1] - start;
        let j = start;
        while (j < end && chars[o + j] === b[j]) j++;
        if (j === end) return v - 1;
      }
    }
  }

  /** Map `id` (not yet present: callers check with {@link get}) to `index` >= 0. */
  set(id: string, index: number): void {
    if (2 * (this.count + 1) > this.mask + 1) this.grow();
    const n = id.length;
    if (this.used + n > this.chars.length) {
      let cap = this.chars.length * 2;
      while (this.used + n > cap) cap *= 2;
      const next = new Uint16Array(cap);
      next.set(this.chars.subarray(0, this.used));
      this.chars = next;
    }
    const o = this.used;
    for (let j = 0; j < n; j++) this.chars[o + j] = id.charCodeAt(j);
    this.used += n;
    const base = this.place(hashOf(id), o, n, index + 1);
    if (n <= INLINE) for (let j = 0; j < n; j++) this.slots[base + 4 + (j >> 1)] |= id.charCodeAt(j) << ((j & 1) << 4);
    this.count++;
  }

  /** An independent copy (the builder copies before changing an index a built graph holds). */
  clone(): IdIndex {
    const c = new IdIndex(1);
    c.slots = this.slots.slice();
    c.mask = this.mask;
    c.chars = this.chars.slice(0, Math.max(64, this.used));
    c.used = this.used;
    c.count = this.count;
    return c;
  }

  /** Fill the first free slot from the hash's home slot; returns the slot's base (packed key words zero). */
  private place(h: number, offset: number, length: number, value: number): number {
    const slots = this.slots;
    let k = h & this.mask;
    while (slots[k * SLOT + 3] !== 0) k = (k + 1) & this.mask;
    const base = k * SLOT;
    slots[base] = h;
    slots[base + 1] = offset;
    slots[base + 2] = length;
    slots[base + 3] = value;
    return base;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask + 1) * 2 - 1;
    for (let base = 0; base < old.length; base += SLOT) {
      if (old[base + 3] === 0) continue;
      const to = this.place(old[base], old[base + 1], old[base + 2], old[base + 3]);
      for (let w = 4; w < SLOT; w++) this.slots[to + w] = old[base + w];
    }
  }
}
