/**
 * Input file checks: every way a named input can fail to be a readable file (missing, a folder, a
 * dangling symbolic link, a link loop, no permission) is one OrgraphError naming the file, never
 * a silent "absent" and never an internal error.
 * Reference: docs/ingest.md ("Error codes").
 */
import { lstat, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { IngestContext } from './report.js';

/** An errno code from a failed file-system call, or null for another error. */
function errnoCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Check that `path` can be read as an input file: a regular file, a FIFO or a character device
 * (`/dev/stdin`, process substitution). Throws `E_FILE_NOT_FOUND` (nothing there, or a symbolic
 * link to nothing) or `E_UNREADABLE` (a folder, a link loop, no permission, another kind of file).
 */
export async function checkInputFile(ctx: IngestContext, path: string, file: string): Promise<Stats> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT') {
      let link: boolean;
      try {
        link = (await lstat(path)).isSymbolicLink();
      } catch {
        link = false;
      }
      ctx.fatal('E_FILE_NOT_FOUND', link ? 'a symbolic link to a missing file' : 'no such file', { file });
    }
    if (code === 'ELOOP') ctx.fatal('E_UNREADABLE', 'a loop of symbolic links', { file });
    ctx.fatal('E_UNREADABLE', `cannot be read (${code ?? String(e)})`, { file });
  }
  if (s.isDirectory()) ctx.fatal('E_UNREADABLE', 'a folder, not a file', { file });
  if (!s.isFile() && !s.isFIFO() && !s.isCharacterDevice()) ctx.fatal('E_UNREADABLE', 'not a regular file', { file });
  return s;
}

/**
 * An optional input (people.csv, relations.csv in a folder): absent only when nothing at all is at
 * `path`; anything else there must be a readable file ({@link checkInputFile}).
 */
export async function optionalInputFile(ctx: IngestContext, path: string): Promise<boolean> {
  try {
    await lstat(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return false;
    ctx.fatal('E_UNREADABLE', `cannot be read (${errnoCode(e) ?? String(e)})`, { file: path });
  }
  await checkInputFile(ctx, path, path);
  return true;
}
