/**
 * The `orgraph` command line run in-process (src/cli/main.ts `run`), its stdout and stderr
 * collected: what the CLI tests call.
 */
import { run } from '../../src/cli/main.js';

/** Runs `orgraph <args>`; stderr is a terminal when `isTTY` (progress bars then). */
export async function cli(args: string[], isTTY = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY });
  return { code, out, err };
}
