/**
 * The `orgraph` command. Imports everything; nothing imports it.
 * Exit codes: 0 clean, 1 data errors (bad input), 2 usage errors, 3 out of memory (analyze), 70
 * internal error. Errors are one line on stderr, never a stack trace (set ORGRAPH_DEBUG=1 to see one).
 * `analyze` runs in a supervised child process (src/cli/supervisor.ts) so that even running out of
 * memory ends in one line naming the stage.
 */
import { Command, CommanderError } from 'commander';
import { isOrgraphError } from '../model/errors.js';
import { commands } from './commands/index.js';
import { UsageError, VERSION } from './command-kit.js';
import { isClosedPipe, processIo, type CliIo } from './io.js';
import { shouldSupervise, supervise } from './supervisor.js';

export type { CliIo } from './io.js';

export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('orgraph')
    .description('Organisational network analysis: who holds the network together, where the silos are, which links are missing.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run `orgraph --help` for usage)');
  let code = 0;
  for (const register of commands) {
    register(program, io, (c) => {
      code = Math.max(code, c);
    });
  }
  try {
    await program.parseAsync(['node', 'orgraph', ...argv]);
    return code;
  } catch (e) {
    return handleError(e, io);
  }
}

function handleError(e: unknown, io: CliIo): number {
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; their text is already written.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 2;
  }
  if (e instanceof UsageError) {
    io.err(`orgraph: ${e.message}\n(run \`orgraph --help\` for usage)\n`);
    return 2;
  }
  if (isOrgraphError(e)) {
    io.err(`orgraph: error ${e.code}: ${e.message}\n`);
    return e.code === 'E_BAD_OPTION' || e.code === 'E_UNKNOWN_METRIC' ? 2 : 1;
  }
  if (isClosedPipe(e)) return 0; // the reader of our output has gone: not an error
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') {
    io.err(`orgraph: error E_FILE_NOT_FOUND: ${err.path ?? err.message}: no such file or directory\n`);
    return 1;
  }
  if (process.env.ORGRAPH_DEBUG) io.err(`${(e as Error)?.stack ?? String(e)}\n`);
  io.err(`orgraph: internal error: ${(e as Error)?.message ?? String(e)} (set ORGRAPH_DEBUG=1 for details)\n`);
  return 70;
}

const isMain = (() => {
  const entry = process.argv[1] ?? '';
  return /(^|[\\/])(main\.(c?js|ts)|orgraph)$/.test(entry);
})();

if (isMain && shouldSupervise(process.argv.slice(2))) {
  // The parent: the job runs in a child; a closed stdout ends the parent quietly, as processIo does.
  process.stdout.on('error', (e) => {
    if (isClosedPipe(e)) process.exit(0);
  });
  void supervise(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
} else if (isMain) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      if (isClosedPipe(e)) return;
      process.stderr.write(`orgraph: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
