/**
 * Error messages are one safe line: untrusted text (ids, file names, cells) is escaped, so a
 * crafted id cannot print a second line, move the cursor or recolour the terminal.
 */
import { describe, expect, it } from 'vitest';
import { escapeText, formatLocation, OrgraphError } from '../../src/model/errors.js';

describe('escapeText', () => {
  it('hand cases: line breaks, tab, ESC, DEL, C1, bidi controls and lone surrogates become visible escapes', () => {
    expect(escapeText('a\nb')).toBe('a\\nb');
    expect(escapeText('a\r\nb\tc')).toBe('a\\r\\nb\\tc');
    expect(escapeText('\u001b[2K\u001b[31mred')).toBe('\\x1b[2K\\x1b[31mred');
    expect(escapeText('\u0000\u007f\u0085')).toBe('\\x00\\x7f\\x85');
    expect(escapeText('abc\u202edcba\u2028')).toBe('abc\\u202edcba\\u2028');
    expect(escapeText('x\udc00y\ud800')).toBe('x\\udc00y\\ud800');
  });

  it('leaves ordinary text alone: letters, accents, emoji (a surrogate pair), quotes, backslashes, paths', () => {
    for (const s of ['Åsa Öberg', 'zoë', '😀 team', 'a "b" c', 'C:\\data\\people.csv', '']) expect(escapeText(s)).toBe(s);
  });

  it('an OrgraphError built from hostile text is a single line, in message, reason and location', () => {
    const id = 'zed\u001b[2K\r\norgraph: all good';
    const e = new OrgraphError('E_UNKNOWN_PERSON', `source "${id}" is unknown`, { file: 'ties\n.csv', line: 3, field: 'so\nurce' });
    expect(e.message).toBe('ties\\n.csv:3: field "so\\nurce": source "zed\\x1b[2K\\r\\norgraph: all good" is unknown');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    expect(e.reason).toBe('source "zed\\x1b[2K\\r\\norgraph: all good" is unknown');
    expect(formatLocation({ file: 'a\u001b', line: 2 })).toBe('a\\x1b:2: ');
  });
});
