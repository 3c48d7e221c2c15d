/**
 * IdIndex against a JavaScript Map (the oracle): the same answers for every lookup, through table
 * growth, for ids that differ only in length, in one character, or in non-ASCII characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/ingest/id-index.js';

describe('IdIndex', () => {
  it('empty index: nothing found, not even the empty id', () => {
    const ids = new IdIndex();
    expect([ids.size, ids.get(''), ids.get('a')]).toEqual([0, -1, -1]);
  });

  it('one id; the empty id is an id like any other', () => {
    const ids = new IdIndex();
    ids.set('', 0);
    ids.set('a', 1);
    expect([ids.size, ids.get(''), ids.get('a'), ids.get('aa')]).toEqual([2, 0, 1, -1]);
  });

  it('prefixes, one-character differences and non-ASCII ids are told apart', () => {
    const keys = ['p1', 'p12', 'p123', 'p124', 'P123', 'é', 'e\u0301', '😀', '😁', 'p12 '];
    const ids = new IdIndex(1);
    keys.forEach((k, i) => ids.set(k, i));
    expect(keys.map((k) => ids.get(k))).toEqual(keys.map((_, i) => i));
    expect(['p', 'p1234', 'p1 ', 'e', '😂'].map((k) => ids.get(k))).toEqual([-1, -1, -1, -1, -1]);
  });

  it('grows past many table and character-array doublings (100,000 ids)', () => {
    const ids = new IdIndex(1);
    for (let i = 0; i < 100_000; i++) ids.set(`person-${i}`, i);
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) if (ids.get(`person-${i}`) !== i) wrong++;
    expect([ids.size, wrong, ids.get('person-100000')]).toEqual([100_000, 0, -1]);
  });

  it('property: answers as a Map does for any sequence of inserts and lookups', () => {
    const key = fc.array(fc.constantFrom('a', 'b', '1', 'é', '😀', ' '), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), key), { maxLength: 200 }), (ops) => {
        const ids = new IdIndex(1);
        const ref = new Map<string, number>();
        for (const [insert, k] of ops) {
          if (insert && !ref.has(k)) {
            ref.set(k, ref.size);
            ids.set(k, ref.size - 1);
          }
          expect(ids.get(k)).toBe(ref.get(k) ?? -1);
        }
        expect(ids.size).toBe(ref.size);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('getAscii on bytes gives what get gives on the same ASCII string, in place inside a larger buffer', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom('p', 'q', '1', '2', '_', ' ', '-'), maxLength: 12 }), { maxLength: 60 }),
        fc.array(fc.string({ unit: fc.constantFrom('p', 'q', '1', '2', '_', ' ', '-'), maxLength: 12 }), { maxLength: 30 }),
        (keys, probes) => {
          const ids = new IdIndex(1);
          keys.forEach((k, i) => ids.set(k, i));
          for (const probe of [...keys, ...probes]) {
            const bytes = Buffer.from(`xx,${probe},yy`, 'latin1');
            expect(ids.getAscii(bytes, 3, 3 + probe.length)).toBe(ids.get(probe));
          }
        },
      ),
    );
  });

  it('getAscii: hand cases (prefix, longer id, empty id, absent id)', () => {
    const ids = new IdIndex();
    ['p1', 'p12', ''].forEach((k, i) => ids.set(k, i));
    const b = Buffer.from('p123,p12,p1,,p2', 'latin1');
    expect([
      ids.getAscii(b, 0, 4),
      ids.getAscii(b, 5, 8),
      ids.getAscii(b, 9, 11),
      ids.getAscii(b, 12, 12),
      ids.getAscii(b, 13, 15),
    ]).toEqual([-1, 1, 0, 2, -1]);
  });

  it('clone: an independent copy (later sets on either side are not seen by the other)', () => {
    const a = new IdIndex(1);
    a.set('p1', 0);
    a.set('p2', 1);
    const c = a.clone();
    a.set('p3', 2);
    c.set('q', 2);
    expect([a.get('p1'), a.get('p3'), a.get('q'), a.size]).toEqual([0, 2, -1, 3]);
    expect([c.get('p2'), c.get('p3'), c.get('q'), c.size]).toEqual([1, -1, 2, 3]);
  });
});
