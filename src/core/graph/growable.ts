/**
 * Growable typed arrays: append-only buffers that double their capacity, for streaming ingest
 * where the final size is unknown. Numbers only; no strings are ever held here.
 */

type TypedCtor<T> = { new (length: number): T };

abstract class Growable<T extends Int32Array | Float64Array> {
  protected data: T;
  length = 0;
  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new this.ctor(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i];
  }
  set(i: number, value: number): void {
    this.data[i] = value;
  }
  /** The contents without a copy (a subarray; invalidated by the next push that grows the buffer). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
  /** A trimmed copy of the contents. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor(capacity?: number) {
    super(Int32Array, capacity);
  }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor(capacity?: number) {
    super(Float64Array, capacity);
  }
}
