/**
 * Child process for the signal tests of analyze-output.test.ts (not a test file): writes an old
 * run into argv[2], then replaces it with a new run, sending itself the signal argv[4] just before
 * file-system operation number argv[3] of the replacement. The process's own handlers must clean
 * up and exit with 128 + the signal number.
 */
import { NODE_OUTPUT_FS, writeOutputFolder, type OutputFs } from '../../src/cli/output.js';

const [out, stepText, signal] = process.argv.slice(2);
const at = Number(stepText);
const files = (tag: string) =>
  new Map([
    ['people.csv', `id\r\n${tag}\r\n`],
    ['report.html', `<html>${tag}</html>\n`],
    ['summary.json', JSON.stringify({ orgraph: 'test', tag, files: ['people.csv', 'report.html', 'summary.json'] })],
  ]);
let calls = 0;
async function step<T>(op: () => Promise<T>): Promise<T> {
  calls++;
  if (calls === at) {
    process.kill(process.pid, signal as NodeJS.Signals);
    await new Promise((r) => setTimeout(r, 2000)); // the handler runs (and exits) meanwhile
  }
  return op();
}
const fs: OutputFs = {
  writeFile: (p, t) => step(() => NODE_OUTPUT_FS.writeFile(p, t)),
  rename: (a, b) => step(() => NODE_OUTPUT_FS.rename(a, b)),
  mkdir: (p) => step(() => NODE_OUTPUT_FS.mkdir(p)),
  rm: (p) => step(() => NODE_OUTPUT_FS.rm(p)),
};
await writeOutputFolder(out, files('old'), []);
process.stdout.write('old written\n');
await writeOutputFolder(out, files('new'), [], fs);
process.stdout.write('new written\n');
