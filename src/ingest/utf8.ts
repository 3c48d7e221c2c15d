/**
 * Strict streaming UTF-8 decoding for the CSV readers: valid text is decoded as Node decodes it;
 * each invalid byte sequence becomes one lone surrogate (U+DC00), a value valid UTF-8 can never
 * produce, so that the reader can find the record holding it and report or drop that record
 * instead of silently merging ids (a replacement character would make `x\xff` and `x\xfe` equal).
 * Reference: The Unicode Standard 15, §3.9 Table 3-7 (well-formed UTF-8 byte sequences) and
 * "U+FFFD substitution of maximal subparts" (one mark per maximal subpart).
 */
import { isUtf8 } from 'node:buffer';

/** Marks one invalid byte sequence in decoded text. */
export const INVALID_MARK = '\udc00';

/** Whether decoded text holds an invalid-byte mark (or any other lone surrogate). */
export function hasInvalidMark(s: string): boolean {
  // NOTE: String.prototype.isWellFormed is native in Node 20 (ES2024; not in this lib's typings).
  return !(s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** Length of a complete, well-formed sequence at `i`, or the length of its maximal invalid subpart as a negative number. */
function sequenceAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return -1;
  for (let k = 1; k < n; k++) {
    if (i + k >= end) return -k;
    const x = b[i + k];
    if (x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return -k;
  }
  return n;
}

/** Decode bytes, marking each maximal invalid subpart with {@link INVALID_MARK}. */
function decodeMarked(b: Uint8Array): string {
  const parts: string[] = [];
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let from = 0;
  let i = 0;
  while (i < b.length) {
    const n = sequenceAt(b, i, b.length);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > from) parts.push(buf.toString('utf8', from, i));
    parts.push(INVALID_MARK);
    i += -n;
    from = i;
  }
  if (from < b.length) parts.push(buf.toString('utf8', from, b.length));
  return parts.join('');
}

/**
 * Streaming decoder: `push` byte chunks, then `end`. A sequence cut between two chunks is decoded
 * whole. `invalid` turns true once any invalid sequence was seen.
 */
export class Utf8Decoder {
  private pending: Uint8Array | null = null;
  invalid = false;

  push(chunk: Uint8Array): string {
    let b = chunk;
    if (this.pending) {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      b = joined;
      this.pending = null;
    }
    // Step 1: hold back an incomplete sequence at the end (at most 3 bytes).
    let cut = b.length;
    for (let k = 1; k <= 3 && k <= b.length; k++) {
      const c = b[b.length - k];
      if (c < 0x80) break;
      if (c >= 0xc0) {
        const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (k < n) cut = b.length - k;
        break;
      }
    }
    if (cut < b.length) this.pending = b.slice(cut);
    const head = cut < b.length ? b.subarray(0, cut) : b;
    // Step 2: valid text (the usual case) is decoded natively; otherwise sequence by sequence.
    if (isUtf8(head)) return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
    this.invalid = true;
    return decodeMarked(head);
  }

  end(): string {
    const p = this.pending;
    this.pending = null;
    if (!p) return '';
    this.invalid = true;
    return decodeMarked(p);
  }
}
