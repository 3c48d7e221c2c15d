/**
 * A closed pipe ends the CLI quietly: `orgraph metrics … | head` must not print an EPIPE stack
 * trace or fail. The reader of the child's stdout is closed before the child writes anything, so
 * every write of the child meets a closed pipe (deterministic, unlike racing `head`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'manufacturing-email');
const cli = [process.execPath, '--import', 'tsx', join(root, 'src', 'cli', 'main.ts')] as const;

function runClosed(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli[0], [...cli.slice(1), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first byte
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('closed output pipe', () => {
  it('metrics into a closed pipe: exit 0, nothing on stderr', async () => {
    const r = await runClosed(['metrics', example, '--metrics', 'degree,strength', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('through a real `| head -n 2` in a shell: two lines out, the CLI exits 0 without a trace', () => {
    const cmd = `${cli.map((s) => JSON.stringify(s)).join(' ')} metrics ${JSON.stringify(example)} --format csv | head -n 2; echo "status \${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', cmd], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout.startsWith('id,')).toBe(true);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stderr.trim()).toBe('status 0');
  });

  it('a usage error still exits 2 with one line (the pipe handling hides nothing else)', () => {
    const r = spawnSync(cli[0], [...cli.slice(1), 'metrics', example, '--format', 'xml'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format');
  });
});
