/**
 * Python peers (igraph, NetworKit) through scripts/bench/peers.py, on the raw edge arrays of the
 * very same generated org. Only the algorithm call is timed there; graph construction is not.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { overlap, type PeerResult } from '../harness.js';

export const PEERS_SCRIPT = fileURLToPath(new URL('../../scripts/bench/peers.py', import.meta.url));

interface PeerJson {
  readonly tools: Record<
    string,
    { available: boolean; reason?: string; version?: string; seconds?: number; threads?: number; top?: number[] }
  >;
}

const LABEL: Record<string, string> = { igraph: 'igraph', networkit: 'NetworKit' };

/**
 * Run the peers for one case. Failures (no python, a missing module, a timeout) become unavailable
 * results with the reason; they never stop the run.
 */
export function pythonPeers(options: {
  readonly peerCase: string;
  readonly dir: string;
  readonly threads: number;
  readonly timeoutSeconds: number;
  readonly orgraphSeconds?: number;
  readonly orgraphTop10?: readonly number[];
  readonly referenceTop?: readonly number[];
  readonly tools?: readonly string[];
}): PeerResult[] {
  const tools = options.tools ?? ['igraph', 'networkit'];
  // NOTE: one process per tool, so that a slow or failing tool does not cost the other's figure.
  return tools.flatMap((tool) => pythonPeer(tool, options));
}

function pythonPeer(tool: string, options: Parameters<typeof pythonPeers>[0]): PeerResult[] {
  const tools = [tool];
  const top = Math.max(10, options.referenceTop?.length ?? 0);
  const proc = spawnSync(
    'python3',
    [
      PEERS_SCRIPT,
      '--dir',
      options.dir,
      '--case',
      options.peerCase,
      '--tools',
      tools.join(','),
      '--threads',
      String(options.threads),
      '--top',
      String(top),
    ],
    { encoding: 'utf8', timeout: options.timeoutSeconds * 1000, maxBuffer: 16 * 2 ** 20 },
  );
  const fail = (reason: string): PeerResult[] => tools.map((t) => ({ tool: LABEL[t] ?? t, available: false, reason }));
  if (proc.error)
    return fail(
      (proc.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `timed out after ${options.timeoutSeconds} s` : proc.error.message,
    );
  if (proc.status !== 0) return fail(`peers.py exited ${proc.status}: ${proc.stderr.trim().split('\n').pop() ?? ''}`);
  const json = JSON.parse(proc.stdout.trim().split('\n').pop()!) as PeerJson;
  return tools.map((t): PeerResult => {
    const r = json.tools[t];
    if (!r || !r.available) return { tool: LABEL[t] ?? t, available: false, reason: r?.reason ?? 'no result' };
    return {
      tool: LABEL[t] ?? t,
      available: true,
      version: r.version,
      threads: r.threads,
      seconds: r.seconds,
      ...(options.orgraphSeconds && r.seconds !== undefined ? { speedup: r.seconds / options.orgraphSeconds } : {}),
      ...(options.orgraphTop10 && r.top ? { top10Agreement: overlap(options.orgraphTop10 as number[], r.top.slice(0, 10)) } : {}),
      ...(options.referenceTop && r.top
        ? { recall: overlap(options.referenceTop as number[], r.top.slice(0, options.referenceTop.length)) }
        : {}),
    };
  });
}
