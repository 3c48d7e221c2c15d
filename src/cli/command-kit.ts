/**
 * Pieces every CLI command shares: the version, usage errors, and reading a graph from
 * `<dir>` or `--people F --ties F`.
 */
import type { Command } from 'commander';
import type { CliIo } from './io.js';

export const VERSION = '0.1.0';

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Each command module exports one of these; `setExit` raises the process exit code. */
export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/** Parse a comma-separated option value into a trimmed, non-empty list. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
