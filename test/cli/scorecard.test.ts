import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const DATA = join(ROOT, 'datasets', 'krackhardt-hightech');
const OBJ = join(ROOT, 'objectives');

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('orgraph scorecard', () => {
  it('scores the objectives on the advice network', async () => {
    const r = await cli(['scorecard', DATA, '--group', 'department', '--relation', 'advice', '--objectives', join(OBJ, 'krackhardt-hightech.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.objectives).toHaveLength(6);
    // Advice arcs from department 1 to department 2, counted from ties.csv: 3.
    expect(doc.objectives[0]).toMatchObject({ subject: '1 -> 2', metric: 'ties', actual: 3, status: 'missed' });
  });

  it('names the file and field of an unknown group (exit 1)', async () => {
    const r = await cli(['scorecard', DATA, '--group', 'department', '--objectives', join(OBJ, 'unknown-group.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('E_UNKNOWN_GROUP');
    expect(r.err).toContain('unknown-group.json');
    expect(r.err).toContain('objectives[0].flow.to');
    expect(r.err).not.toContain('    at ');
  });

  it('names the file and field of an unknown metric', async () => {
    const r = await cli(['scorecard', DATA, '--group', 'department', '--objectives', join(OBJ, 'unknown-metric.yaml')]);
    expect(r.err).toContain('E_UNKNOWN_METRIC');
    expect(r.err).toContain('objectives[0].metric');
  });

  it('is a usage error without --objectives', async () => {
    expect((await cli(['scorecard', DATA, '--group', 'department'])).code).toBe(2);
  });
});
