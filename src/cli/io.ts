/**
 * Where the CLI writes. Commands receive a {@link CliIo}; tests pass their own, the `orgraph`
 * binary uses {@link processIo}. Nothing here imports a command, so every command can import it.
 */

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly isTTY: boolean;
}

/** Whether an error is a write to a pipe whose reader has gone (`orgraph metrics … | head`). */
export function isClosedPipe(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/**
 * The process's stdout and stderr. A closed stdout (the reader of a pipe exited, as `head` does)
 * ends the process quietly with exit code 0: the reader asked for no more, so this is not an error
 * and no stack trace is printed. Later writes are dropped.
 */
export function processIo(exit: (code: number) => void = (code) => process.exit(code)): CliIo {
  let closed = false;
  process.stdout.on('error', (e) => {
    if (isClosedPipe(e)) {
      closed = true;
      exit(0);
      return;
    }
    process.stderr.write(`orgraph: cannot write output: ${e.message}\n`);
    exit(1);
  });
  return {
    out: (s) => {
      if (!closed) process.stdout.write(s);
    },
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
  };
}
