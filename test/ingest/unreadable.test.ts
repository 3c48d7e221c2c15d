/**
 * An input file the process may not read (EACCES) is exit 1 with `E_UNREADABLE` naming the file,
 * never exit 70 "internal error", for people.csv, ties.csv, an event log (`aggregate`, DuckDB), a
 * Viva export and a Slack export. Tests run as root, where chmod 000 does not stop a read: the CLI
 * then runs as the unprivileged user nobody (uid 65534), as a real user would meet the error.
 */
import { chmodSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SOURCES = join(root, 'test', 'fixtures', 'sources');
const asRoot = process.getuid?.() === 0;

/** Run the CLI as nobody when the tests run as root (else as the current user). */
function cli(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, HOME: tmpdir(), ORGRAPH_DEBUG: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** A world-readable scratch folder (mkdtemp makes it 0700, which nobody could not enter). */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-unreadable-'));
  chmodSync(dir, 0o755);
  return dir;
}

function expectUnreadable(r: { status: number | null; stderr: string }, file: string): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(`orgraph: error E_UNREADABLE: ${file}: cannot be read (EACCES)\n`);
}

describe('an unreadable input file (EACCES) is exit 1 with E_UNREADABLE naming it', () => {
  it('people.csv and ties.csv of a folder', async () => {
    for (const name of ['people.csv', 'ties.csv']) {
      const dir = scratch();
      writeFileSync(join(dir, 'people.csv'), 'id,dept\na,X\nb,Y\n');
      writeFileSync(join(dir, 'ties.csv'), 'source,target\na,b\n');
      chmodSync(join(dir, name), 0o000);
      expectUnreadable(await cli(['validate', dir]), join(dir, name));
    }
  }, 60_000);

  it('an event log (aggregate on DuckDB), a Viva person-to-person export and a Slack export', async () => {
    const dir = scratch();
    const events = join(dir, 'events.csv');
    writeFileSync(events, 'sender,recipients,timestamp\na,b,2026-01-01T00:00:00Z\n');
    chmodSync(events, 0o000);
    expectUnreadable(await cli(['aggregate', events, '--out', join(dir, 'out')]), events);
    const viva = join(dir, 'viva.csv');
    cpSync(join(SOURCES, 'viva-p2p-current.csv'), viva);
    chmodSync(viva, 0o000);
    expectUnreadable(await cli(['validate', '--ties', viva, '--from', 'viva-p2p']), viva);
    const slack = join(dir, 'slack');
    cpSync(join(SOURCES, 'slack-export'), slack, { recursive: true });
    chmodSync(join(slack, 'channels.json'), 0o000);
    expectUnreadable(await cli(['validate', slack]), join(slack, 'channels.json'));
  }, 60_000);
});
