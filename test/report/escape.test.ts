/** HTML escaping, JSON for script elements and inlined scripts. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineScript, scriptJson } from '../../src/report/escape.js';
import { HOSTILE } from './fixtures.js';

describe('escapeHtml', () => {
  it('leaves empty and plain text alone, writes null and undefined as empty', () => {
    expect(escapeHtml('')).toBe('');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml('Sales 2')).toBe('Sales 2');
    expect(escapeHtml(3.5)).toBe('3.5');
  });
  it('turns every character that can open markup or end an attribute into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&\``)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;&#96;');
    for (const s of Object.values(HOSTILE)) expect(escapeHtml(s)).not.toMatch(/[<>"'`]/);
  });
  it('escapes & first, so existing entities are shown as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('scriptJson', () => {
  it('reads back to the same value and never contains < > & or line separators', () => {
    const value = { names: Object.values(HOSTILE), sep: 'a\u2028b\u2029c', comment: '<!-- x -->' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
  it('writes non-finite numbers as null', () => {
    expect(scriptJson({ a: NaN, b: Infinity, c: 1 })).toBe('{"a":null,"b":null,"c":1}');
  });
});

describe('inlineScript', () => {
  it('breaks </script (any case) and <!-- without changing what a string literal holds', () => {
    const src = 'var a = "</script>", b = "</SCRIPT >", c = "<!--";';
    const out = inlineScript(src);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    // Evaluating both gives the same strings (a backslash before / or ! is a no-op escape).
    const read = (code: string) => new Function(`${code}; return [a, b, c];`)() as string[];
    expect(read(out)).toEqual(read(src));
  });
});
