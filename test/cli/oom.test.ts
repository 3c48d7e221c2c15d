/**
 * The supervisor of `orgraph analyze` (src/cli/supervisor.ts): the job runs in a child process, so
 * running out of memory ends in one line naming the stage (exit 3) instead of a V8 trace, and the
 * job completes under a small heap on a 20,000-person org (it does not hold the graph in JS objects).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg, writeOrgFiles } from '../../benchmarks/generate/org-graph.js';
import {
  EXIT_OUT_OF_MEMORY,
  childHeapMb,
  gb,
  hasHeapFlag,
  isFatalReportStart,
  isOutOfMemoryReport,
  outOfMemoryLine,
  shouldSupervise,
  supervise,
} from '../../src/cli/supervisor.js';
import { ANALYSIS_STAGES } from '../../src/report/analysis.js';

const root = join(import.meta.dirname, '..', '..');
const main = join(root, 'src', 'cli', 'main.ts');
const example = join(root, 'examples', 'manufacturing-email');

/** Run the CLI binary (through the supervisor) with extra environment. */
function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      cwd: root,
      env: { ...process.env, ORGRAPH_SUPERVISED: '', ORGRAPH_NO_SUPERVISOR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// A V8 out-of-memory report as Node 20 prints it (abridged from a real run of this analysis).
const V8_REPORT = [
  '',
  '<--- Last few GCs --->',
  '',
  '[17272:0x6a2c000]   228453 ms: Mark-Compact 4071.2 (4138.5) -> 4058.9 (4141.3) MB, 2841.55 / 0.00 ms',
  '',
  '<--- JS stacktrace --->',
  '',
  'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory',
  '----- Native stack trace -----',
  '',
  ' 1: 0xb8d0a3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]',
];

describe('supervisor pieces', () => {
  it('the out-of-memory line names the stage, the peak, the heap limit and what to try', () => {
    expect(outOfMemoryLine('introductions', 1.5 * 2 ** 30, 4096)).toBe(
      'orgraph: out of memory during introductions (peak 1.5 GB, heap limit 4.0 GB); try --groups-only, or fewer relations (--relation)',
    );
    expect(outOfMemoryLine(null, null, null)).toBe(
      'orgraph: out of memory during start-up; try --groups-only, or fewer relations (--relation)',
    );
    expect(gb(64 * 2 ** 20)).toBe('64 MB');
  });
  it('the child heap limit is half the memory, kept within 2 to 8 GB, unless ORGRAPH_HEAP_MB gives it', () => {
    expect(childHeapMb(24 * 2 ** 30, {})).toBe(8192);
    expect(childHeapMb(6 * 2 ** 30, {})).toBe(3072);
    expect(childHeapMb(2 * 2 ** 30, {})).toBe(2048);
    expect(childHeapMb(24 * 2 ** 30, { ORGRAPH_HEAP_MB: '256' })).toBe(256);
    expect(childHeapMb(24 * 2 ** 30, { ORGRAPH_HEAP_MB: 'lots' })).toBe(8192);
  });
  it('a heap flag the user gave (node flags or NODE_OPTIONS) is kept', () => {
    expect(hasHeapFlag(['--max-old-space-size=512'], undefined)).toBe(true);
    expect(hasHeapFlag([], '--enable-source-maps --max_old_space_size=512')).toBe(true);
    expect(hasHeapFlag(['--import', 'tsx'], '')).toBe(false);
  });
  it('only analyze is supervised, not its help, and never inside the child', () => {
    expect(shouldSupervise(['analyze', 'dir'], {})).toBe(true);
    expect(shouldSupervise(['analyze', '--help'], {})).toBe(false);
    expect(shouldSupervise(['metrics', 'dir'], {})).toBe(false);
    expect(shouldSupervise(['analyze'], { ORGRAPH_SUPERVISED: '1' })).toBe(false);
    expect(shouldSupervise(['analyze'], { ORGRAPH_NO_SUPERVISOR: '1' })).toBe(false);
  });
  it("V8's report is recognised from its first line, and as out of memory", () => {
    expect(V8_REPORT.findIndex(isFatalReportStart)).toBe(1);
    expect(isOutOfMemoryReport(V8_REPORT.join('\n'))).toBe(true);
    expect(isOutOfMemoryReport('FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal.')).toBe(false);
  });
});

describe('orgraph analyze under the supervisor', () => {
  let dir = '';
  let org = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgraph-oom-'));
    org = join(dir, 'org20k');
    await writeOrgFiles(generateOrg({ people: 20_000, seed: 1 }), org);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('out of memory in a small heap: one line naming the stage, exit 3, no V8 trace, no output folder', async () => {
    const out = join(dir, 'oom');
    const r = await cli(['analyze', org, '--group', 'department', '--out', out], { ORGRAPH_HEAP_MB: '24' });
    expect(r.code).toBe(EXIT_OUT_OF_MEMORY);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const m = /^orgraph: out of memory during (.+) \(peak (\d+) MB, heap limit 24 MB\); try --groups-only/.exec(lines[0]);
    expect(m).not.toBeNull();
    expect(['reading input', ...ANALYSIS_STAGES]).toContain(m![1]);
    expect(Number(m![2])).toBeGreaterThan(24);
    expect(r.stderr).not.toMatch(/FATAL|<---|Native stack/);
    expect(existsSync(out)).toBe(false);
  }, 600_000);

  it('completes on 20,000 people under a 256 MB heap (no JS object per person or tie)', async () => {
    const out = join(dir, 'small-heap');
    const r = await cli(['analyze', org, '--group', 'department', '--out', out], { ORGRAPH_HEAP_MB: '256' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { input: { people: number; ties: number } };
    expect(summary.input.people).toBe(20_000);
    const rows = readFileSync(join(out, 'people.csv'), 'utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(rows).toHaveLength(20_001);
    expect(rows[0].startsWith('id,name,group,community,')).toBe(true);
  }, 600_000);

  it('the parent draws the child stages on a terminal and clears the line before the result', async () => {
    let err = '';
    let out = '';
    const stderr = Object.assign(
      new Writable({
        write(chunk, _enc, cb) {
          err += String(chunk);
          cb();
        },
      }),
      { isTTY: true },
    );
    const stdout = new Writable({
      write(chunk, _enc, cb) {
        out += String(chunk);
        cb();
      },
    });
    const target = join(dir, 'tty');
    let t = 0;
    const code = await supervise(['analyze', example, '--out', target], {
      stdout,
      stderr,
      execArgv: ['--import', 'tsx'],
      script: main,
      env: { ...process.env, ORGRAPH_SUPERVISED: '', ORGRAPH_NO_SUPERVISOR: '', ORGRAPH_TIMINGS: join(dir, 'timings.json') },
      now: () => (t += 1000), // every message is a second later: nothing throttled
    });
    expect(code).toBe(0);
    // The timings file: every stage once, in run order, with wall and CPU seconds (CPU unknown for the last).
    const timings = JSON.parse(readFileSync(join(dir, 'timings.json'), 'utf8')) as {
      exit: number;
      peakRssBytes: number;
      stages: { stage: string; seconds: number; cpuSeconds: number | null }[];
    };
    expect(timings.exit).toBe(0);
    expect(timings.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
    const ran = ANALYSIS_STAGES.filter((s) => s !== 'scorecard'); // no objectives given
    expect(timings.stages.map((s) => s.stage)).toEqual(['reading input', ...ran, 'writing report']);
    for (const s of timings.stages.slice(0, -1)) expect(s.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(timings.stages[timings.stages.length - 1].cpuSeconds).toBeNull();
    expect(out).toMatch(/^orgraph: report for 167 people written to /);
    for (const stage of ['reading input', 'centrality', 'betweenness', 'introductions', 'writing report'])
      expect(err).toContain(`\r${stage} [`);
    // The last thing written clears the line: spaces, then the cursor back to the start.
    expect(err).toMatch(/\r {10,}\r$/);
  }, 600_000);
});
