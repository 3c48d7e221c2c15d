/**
 * Gould-Fernandez brokerage roles benchmark
 * Times `brokerageRoles` (counts, expectations and z-scores for every person) on a seeded generated
 * org grouped by department, on a prebuilt undirected view. Target (issue): under 30 s at 1M people.
 * Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. Sociological Methodology 19.
 *
 * Usage: npx tsx benchmarks/metrics/brokerage/brokerage-roles.ts [--people 1000000] [--seed 1] [--degree 20]
 */
import { parseArgs } from 'node:util';
import { brokerageRoles } from '../../../src/metrics/brokerage/brokerage-roles.js';
import { project } from '../../../src/model/projection.js';
import { generateOrg, toOrgGraph } from '../../generate/org-graph.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    degree: { type: 'string', default: '20' },
  },
});

const org = generateOrg({ people: Number(values.people), seed: Number(values.seed), averageDegree: Number(values.degree) });
const view = project(toOrgGraph(org));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = brokerageRoles(view, 'department');
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const mb = process.resourceUsage().maxRSS / 1024;
console.log(
  `brokerage roles, org n=${view.csr.n} ties=${view.csr.arcCount / 2} by department: ${wall.toFixed(2)} s wall, ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu, peak RSS ${mb.toFixed(0)} MB; network liaison z ${result.network.z.liaison.toFixed(2)}`,
);
