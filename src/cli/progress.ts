/**
 * Terminal progress bar for long CLI commands: the stage name, a bar, the share done and an
 * estimated time left, redrawn in place on stderr. Silent when stderr is not a terminal or with
 * `--quiet`, so logs and pipes never see control characters.
 */

export interface ProgressOptions {
  /** Draw at all (false when not a TTY or `--quiet`). */
  readonly enabled: boolean;
  /** Where to draw (the CLI's stderr). */
  readonly write: (text: string) => void;
  /** Clock in milliseconds (tests pass their own). @defaultValue Date.now */
  readonly now?: () => number;
  /** Characters of the bar. @defaultValue 24 */
  readonly width?: number;
  /** Least time between two redraws of the same stage, in ms. @defaultValue 100 */
  readonly interval?: number;
}

/** A progress display: `update` as work is done, `done` at the end (clears the line). */
export interface Progress {
  update(stage: string, done: number, total: number): void;
  done(): void;
}

/**
 * The line drawn for a stage: `stage [#####.....]  42%  ETA 12s`. The ETA is the stage's elapsed
 * time scaled by what is left (elapsed (total - done) / done); unknown ('--') before any work is done.
 * @example
 * progressLine('betweenness', 50, 100, 4000, 20); // 'betweenness [##########..........]  50%  ETA 4s'
 */
export function progressLine(stage: string, done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(share * width);
  const pct = `${Math.floor(share * 100)}`.padStart(3);
  const eta = done > 0 && done < total ? formatSeconds((elapsedMs * (total - done)) / done) : done >= total && total > 0 ? '0s' : '--';
  return `${stage} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%  ETA ${eta}`;
}

function formatSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * A progress display on a terminal. When `enabled` is false every call does nothing.
 * @example
 * const p = createProgress({ enabled: io.isTTY && !opts.quiet, write: (s) => io.err(s) });
 * p.update('betweenness', 10, 100);
 * p.done();
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled) return { update: () => {}, done: () => {} };
  const now = options.now ?? Date.now;
  const width = options.width ?? 24;
  const interval = options.interval ?? 100;
  let stage = '';
  let started = 0;
  let lastDraw = -Infinity;
  let lastLength = 0;
  const draw = (line: string) => {
    const pad = lastLength > line.length ? ' '.repeat(lastLength - line.length) : '';
    options.write(`\r${line}${pad}`);
    lastLength = line.length;
  };
  return {
    update(name, done, total) {
      const t = now();
      if (name !== stage) {
        stage = name;
        started = t;
        lastDraw = -Infinity;
      }
      if (t - lastDraw < interval && done < total) return;
      lastDraw = t;
      draw(progressLine(stage, done, total, t - started, width));
    },
    done() {
      if (lastLength > 0) options.write(`\r${' '.repeat(lastLength)}\r`);
      lastLength = 0;
    },
  };
}
