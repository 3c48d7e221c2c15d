/**
 * HTML escaping for reports
 * Every piece of text a report shows (names, attribute values, group names, reasons) passes through
 * these functions, so that input such as `<img src=x onerror=alert(1)>` is shown as text and data
 * embedded for the page's script cannot close its `<script>` element.
 * Reference: OWASP Cross Site Scripting Prevention Cheat Sheet, rules 1 and 3.1 (HTML entity
 * encoding; JSON embedded in a script element, decoded with JSON.parse).
 */

export { escapeHtml } from '../model/tables.js';

/**
 * JSON text that is safe inside `<script type="application/json">`: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as \u escapes, so no `</script>` or `<!--` can appear; JSON.parse reads the
 * same value back. Non-finite numbers become null, as in every orgraph JSON output.
 *
 * Complexity: O(size of the JSON).
 * @example
 * scriptJson({ name: '</script><script>alert(1)</script>' }); // '{"name":"\\u003c/script\\u003e..."}'
 */
export function scriptJson(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * Script source that is safe to inline in a `<script>` element: every `</script` (any case) and
 * `<!--` is broken with a backslash, which JavaScript reads as the same string (`<\/script`).
 * Used for the inlined libraries, which must not be able to end their own element early.
 *
 * Complexity: O(length).
 * @example
 * inlineScript('var s = "</script>";'); // 'var s = "<\\/script>";'
 */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
