/**
 * `npm run bench` — the benchmark runner's command line.
 *
 *   npm run bench -- [--cases 3,4|betweenness-weighted] [--sizes 1000,10000] [--seed 1] [--degree 20]
 *                    [--workers N] [--peer-threads 2] [--no-peers] [--no-graphology]
 *                    [--peer-timeout SECONDS] [--in-process] [--out benchmarks/results/latest.json]
 *                    [--docs docs/benchmarks.md | --no-docs] [--quiet-machine] [--list] [--docs-only]
 *
 * Each case runs in a child process (`--child KEY`, internal). Figures are merged into the results
 * file (same case and size replaced), and docs/benchmarks.md's results section is regenerated from it.
 */
import { ALL_CASES } from './cases.js';
import { updateDocs } from './report.js';
import { childMain, DEFAULT_RUNNER_OPTIONS, refreshTargets, runBenchmarks } from './runner.js';

function parse(argv: readonly string[]) {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const takesValue = new Set([
    'cases',
    'sizes',
    'seed',
    'degree',
    'workers',
    'peer-threads',
    'peer-timeout',
    'out',
    'docs',
    'child',
    'data-dir',
  ]);
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const name = a.slice(2);
    if (takesValue.has(name)) {
      if (k + 1 >= argv.length) throw new Error(`${a} needs a value`);
      values.set(name, argv[++k]);
    } else flags.add(name);
  }
  const list = (s: string | undefined) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
  const int = (name: string, dflt: number) => {
    const v = values.get(name);
    if (v === undefined) return dflt;
    const x = Number(v.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
    if (!Number.isFinite(x) || x < 0) throw new Error(`--${name} must be a number, got ${v}`);
    return x;
  };
  return { flags, values, list, int };
}

async function main(): Promise<void> {
  const { flags, values, list, int } = parse(process.argv.slice(2));
  const sizes = list(values.get('sizes')).map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
  if (sizes.some((s) => !Number.isInteger(s) || s < 0)) throw new Error(`--sizes must be integers, got ${values.get('sizes')}`);
  if (flags.has('list')) {
    for (const c of ALL_CASES) console.log(`${c.id}\t${c.key}\tdefault sizes ${c.sizes.join(', ')}\t${c.name(c.sizes[0], 20)}`);
    return;
  }
  const child = values.get('child');
  if (child) {
    await childMain(child, {
      size: sizes[0],
      seed: int('seed', 1),
      degree: int('degree', 20),
      workers: values.has('workers') ? int('workers', 1) : undefined,
      graphology: !flags.has('no-graphology'),
      smoke: false,
      dataDir: values.get('data-dir'),
      log: (line) => process.stderr.write(line + '\n'),
    });
    return;
  }
  const out = values.get('out') ?? DEFAULT_RUNNER_OPTIONS.out;
  const docs = flags.has('no-docs') ? null : (values.get('docs') ?? DEFAULT_RUNNER_OPTIONS.docs);
  if (flags.has('docs-only')) {
    refreshTargets(out);
    if (docs) updateDocs(out, docs);
    return;
  }
  await runBenchmarks({
    cases: list(values.get('cases')),
    sizes,
    seed: int('seed', 1),
    degree: int('degree', 20),
    workers: values.has('workers') ? int('workers', 1) : undefined,
    peerThreads: int('peer-threads', 2),
    peerTimeoutSeconds: int('peer-timeout', 900),
    pythonPeers: !flags.has('no-peers'),
    graphology: !flags.has('no-graphology'),
    inProcess: flags.has('in-process'),
    out,
    docs,
    provisional: !flags.has('quiet-machine'),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
