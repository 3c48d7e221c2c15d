/**
 * CLI output: the `--format` / `--out` options and where a command's text goes. The writers
 * themselves (JSON, CSV) are public library functions in src/model/tables.ts, re-exported here.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { OrgraphError } from '../model/errors.js';
import type { CliIo } from './io.js';
import { UsageError } from './command-kit.js';

export { csvCell, csvRow, recordsToCsv, toCsv, toJson, DEFAULT_CSV_OPTIONS, DEFAULT_JSON_OPTIONS } from '../model/tables.js';
export type { CellValue, CsvOptions, JsonOptions } from '../model/tables.js';

/** Output formats every command accepts through `--format`. */
export type OutputFormat = 'json' | 'csv';

export const OUTPUT_FORMATS: readonly OutputFormat[] = Object.freeze(['json', 'csv'] as const);

// ---------------------------------------------------------------------------------------------
// Options and destinations shared by commands

/** Parse a `--format` value; anything but json / csv is a usage error (exit 2). */
export function parseFormat(value: string): OutputFormat {
  const v = value.trim().toLowerCase();
  if (v === 'json' || v === 'csv') return v;
  throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${value}"`);
}

/**
 * Add `--format <json|csv>` (default `defaultFormat`) and `--out <file>` to a command.
 * The parsed options are `{ format: OutputFormat; out?: string }`.
 */
export function addOutputOptions(cmd: Command, defaultFormat: OutputFormat = 'json'): Command {
  return cmd
    .option('--format <format>', `output format: ${OUTPUT_FORMATS.join(' or ')}`, parseFormat, defaultFormat)
    .option('--out <file>', 'write the output to this file instead of standard output');
}

/**
 * Write a command's output to `out` (a file path) or, without one, to the CLI's standard output.
 * A file that cannot be written is `E_OUTPUT_PATH` (exit 1), naming the path and the reason.
 */
export async function writeOutput(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined || out === '' || out === '-') {
    io.out(text);
    return;
  }
  try {
    await writeFile(out, text, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason =
      err.code === 'ENOENT'
        ? 'its directory does not exist'
        : err.code === 'EISDIR'
          ? 'it is a directory'
          : err.code === 'EACCES' || err.code === 'EPERM'
            ? 'permission denied'
            : (err.message ?? String(e));
    throw new OrgraphError('E_OUTPUT_PATH', `cannot write output: ${reason}`, { file: out });
  }
}
