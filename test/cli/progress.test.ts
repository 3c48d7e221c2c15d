/** The terminal progress bar: the line, the ETA, throttling and silence. */
import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/cli/progress.js';

describe('progressLine', () => {
  it('nothing done: empty bar and unknown ETA', () => {
    expect(progressLine('load', 0, 10, 500, 10)).toBe('load [..........]   0%  ETA --');
  });
  it('ETA = elapsed x left / done: half done after 4 s leaves 4 s', () => {
    expect(progressLine('betweenness', 50, 100, 4000, 20)).toBe('betweenness [##########..........]  50%  ETA 4s');
  });
  it('minutes past 60 s, and done shows 0s', () => {
    // 1 of 4 done in 30 s: 3 x 30 = 90 s left.
    expect(progressLine('x', 1, 4, 30_000, 4)).toBe('x [#...]  25%  ETA 1m30s');
    expect(progressLine('x', 4, 4, 30_000, 4)).toBe('x [####] 100%  ETA 0s');
  });
});

describe('createProgress', () => {
  it('disabled (not a TTY, or --quiet) writes nothing at all', () => {
    let text = '';
    const p = createProgress({ enabled: false, write: (s) => void (text += s) });
    p.update('a', 1, 2);
    p.done();
    expect(text).toBe('');
  });
  it('redraws in place at most once per interval, always at the end of a stage, and clears the line', () => {
    const writes: string[] = [];
    let t = 0;
    const p = createProgress({ enabled: true, write: (s) => void writes.push(s), now: () => t, width: 4, interval: 100 });
    p.update('a', 0, 4);
    t = 50;
    p.update('a', 1, 4); // throttled
    t = 200;
    p.update('a', 2, 4);
    p.update('a', 4, 4); // end of stage: drawn
    expect(writes).toEqual(['\ra [....]   0%  ETA --', '\ra [##..]  50%  ETA 1s', '\ra [####] 100%  ETA 0s']);
    p.done();
    expect(writes[writes.length - 1]).toBe(`\r${' '.repeat(writes[2].length - 1)}\r`);
  });
});
