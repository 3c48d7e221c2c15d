/** Cell parsers: weights, timestamps, yes/no flags. Epoch values computed with Python's datetime (UTC). */
import { describe, expect, it } from 'vitest';
import { parseFlag, parseTime, parseWeight } from '../../src/ingest/values.js';

describe('parseWeight', () => {
  it('reads finite decimals > 0', () => {
    expect(parseWeight('3')).toEqual({ ok: true, value: 3 });
    expect(parseWeight(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseWeight('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseWeight('1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseWeight('+4')).toEqual({ ok: true, value: 4 });
  });
  it.each([
    ['', /empty weight/],
    ['abc', /not a number/],
    ['0x10', /not a number/],
    ['1,5', /decimal comma\? write "1.5"/],
    ['NaN', /not a finite number/],
    ['-Infinity', /not a finite number/],
    ['1e999', /not a finite number/],
    ['0', /weight is 0/],
    ['-0.0', /weight is 0/],
    ['-2', /negative/],
  ])('refuses %j', (text, reason) => {
    const r = parseWeight(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseTime', () => {
  it.each([
    ['0', 0],
    ['1262454010000', 1262454010000],
    ['1970-01-01T00:00:01Z', 1000],
    // datetime(2010,1,2,17,40,10, tzinfo=utc).timestamp()*1000 = 1262454010000
    ['2010-01-02 17:40:10', 1262454010000],
    ['2010-01-02T17:40:10Z', 1262454010000],
    ['2010-01-02T18:40:10+01:00', 1262454010000],
    ['2010-01-02T12:40:10-0500', 1262454010000],
    ['2010-01-02T17:40:10.5Z', 1262454010500],
    ['2024-02-29', 1709164800000],
    ['1999-12-31T23:59:59Z', 946684799000],
    // datetime(50,1,1,tzinfo=utc): year 50, not 1950
    ['0050-01-01', -60589296000000],
  ])('reads %j', (text, ms) => {
    expect(parseTime(text)).toEqual({ ok: true, value: ms });
  });
  it.each([
    '',
    'yesterday',
    '2010-13-01',
    '2023-02-29',
    '2010-01-32',
    '2010-01-02T25:00',
    '2010-01-02T10:60',
    '02/01/2010',
    '2010-1-2',
    '1e3',
  ])('refuses %j', (text) => {
    expect(parseTime(text).ok).toBe(false);
  });
});

describe('parseFlag', () => {
  it.each([
    ['true', true],
    ['Yes', true],
    ['Y', true],
    ['1', true],
    ['false', false],
    ['no', false],
    ['N', false],
    ['0', false],
    ['', false],
  ])('reads %j as %s', (text, value) => {
    expect(parseFlag(text)).toEqual({ ok: true, value });
  });
  it('refuses other values', () => {
    expect(parseFlag('maybe').ok).toBe(false);
    expect(parseFlag('2').ok).toBe(false);
  });
});
