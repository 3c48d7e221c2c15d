/**
 * CSV ingest throughput
 * Rows per second, CPU time and peak RSS of streaming people.csv + ties.csv into an OrgGraph
 * (loadFolder), at 1M and 10M ties rows; each size runs in a fresh child process so that peak RSS
 * belongs to that size alone.
 * Reference: RFC 4180 (CSV); Node.js process.resourceUsage() (maxRSS is the process high-water mark).
 *
 * Usage:
 *   npx tsx benchmarks/ingest/csv-throughput.ts [--rows 1000000,10000000] [--seed 1] [--dir .bench-data]
 *   npx tsx benchmarks/ingest/csv-throughput.ts --rows 1000000 --lenient     (lenient mode)
 * Files are generated once (seeded) into <dir>/csv-throughput-r<rows>-s<seed>/: people = rows / 10
 * with `id,department,team,level,manager`; ties `source,target,weight,relation` with integer and
 * decimal weights, three relations, LF line endings and no quoting (the common export shape), plus
 * every 1000th row a quoted field (a relation written "a, b") so the quoted path is exercised.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MB = 2 ** 20;

/** A small seeded PRNG (mulberry32); the same seed gives the same files. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeLines(path: string, count: number, line: (i: number) => string, header: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  out.write(`${header}\n`);
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += `${line(i)}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

/** Generate (once) a folder with people.csv and ties.csv of `rows` ties. */
export async function ensureThroughputFiles(rows: number, seed: number, root: string): Promise<string> {
  const dir = resolve(root, `csv-throughput-r${rows}-s${seed}`);
  if (existsSync(join(dir, 'ties.csv')) && existsSync(join(dir, 'people.csv'))) return dir;
  mkdirSync(dir, { recursive: true });
  const people = Math.max(2, Math.floor(rows / 10));
  const rnd = mulberry32(seed);
  await writeLines(
    join(dir, 'people.csv'),
    people,
    (i) => `p${i},D${i % 97},T${i % 4099},${1 + (i % 3)},p${Math.floor(rnd() * people)}`,
    'id,department,team,level,manager',
  );
  const relations = ['interaction', 'email', 'advice'];
  await writeLines(
    join(dir, 'ties.csv'),
    rows,
    (i) => {
      const s = Math.floor(rnd() * people);
      let t = Math.floor(rnd() * people);
      if (t === s) t = (t + 1) % people;
      const w = i % 7 === 0 ? (1 + rnd() * 9).toFixed(3) : String(1 + Math.floor(rnd() * 40));
      const rel = i % 1000 === 999 ? '"advice, formal"' : relations[i % 3];
      return `p${s},p${t},${w},${rel}`;
    },
    'source,target,weight,relation',
  );
  return dir;
}

interface Figures {
  rows: number;
  people: number;
  ties: number;
  wallSeconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  rowsPerCpuSecond: number;
  peakRssMB: number;
  tiesFileMB: number;
}

/** Child: ingest one folder, print figures as JSON. */
async function child(dir: string, rows: number, lenient: boolean): Promise<void> {
  const { loadFolder } = await import('../../src/ingest/index.js');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { graph } = await loadFolder(dir, { mode: lenient ? 'lenient' : 'strict' });
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (graph.tieCount !== rows) throw new Error(`read ${graph.tieCount} ties, expected ${rows}`);
  const wall = (t1 - t0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const figures: Figures = {
    rows,
    people: graph.personCount,
    ties: graph.tieCount,
    wallSeconds: wall,
    cpuSeconds,
    rowsPerSecond: rows / wall,
    rowsPerCpuSecond: rows / cpuSeconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    tiesFileMB: statSync(join(dir, 'ties.csv')).size / MB,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const seed = Number(arg('seed', '1'));
  const root = arg('dir', '.bench-data');
  const lenient = process.argv.includes('--lenient');
  if (process.argv.includes('--child')) {
    await child(arg('child', ''), Number(arg('rows', '0')), lenient);
    return;
  }
  const sizes = arg('rows', '1000000,10000000').split(',').map(Number);
  const self = fileURLToPath(import.meta.url);
  console.log(
    `csv-throughput  node ${process.version}  mode ${lenient ? 'lenient' : 'strict'}  load ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
  console.log('rows        people     ties MB   wall s   cpu s   rows/s (wall)   rows/s (cpu)   peak RSS MB');
  for (const rows of sizes) {
    const dir = await ensureThroughputFiles(rows, seed, root);
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, self, '--child', dir, '--rows', String(rows), ...(lenient ? ['--lenient'] : [])],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const f = JSON.parse(out.trim().split('\n').pop()!) as Figures;
    console.log(
      [
        String(f.rows).padEnd(11),
        String(f.people).padEnd(10),
        f.tiesFileMB.toFixed(0).padStart(7),
        f.wallSeconds.toFixed(2).padStart(8),
        f.cpuSeconds.toFixed(2).padStart(7),
        Math.round(f.rowsPerSecond).toLocaleString('en-US').padStart(15),
        Math.round(f.rowsPerCpuSecond).toLocaleString('en-US').padStart(14),
        f.peakRssMB.toFixed(0).padStart(13),
      ].join(' '),
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
