/** Small hand-built orgs written to a temp folder (people.csv + ties.csv) for the CLI's privacy tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An org in a new temp folder: groups of the given sizes under the attribute `dept`, ids
 * `<name lower-case><1..n>`; a ring inside each group (one tie for a pair, none for one person),
 * and member i tied to member i of the next group (cyclically).
 */
export function orgFolder(sizes: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'orgraph-privacy-'));
  const members = Object.entries(sizes).map(([name, n]) => Array.from({ length: n }, (_, i) => [`${name.toLowerCase()}${i + 1}`, name]));
  writeFileSync(
    join(dir, 'people.csv'),
    'id,dept\n' +
      members
        .flat()
        .map(([id, g]) => `${id},${g}\n`)
        .join(''),
  );
  const ties: string[] = [];
  members.forEach((m, g) => {
    if (m.length > 1) for (let i = 0; i < (m.length === 2 ? 1 : m.length); i++) ties.push(`${m[i][0]},${m[(i + 1) % m.length][0]}`);
    const next = members[(g + 1) % members.length];
    for (let i = 0; i < Math.min(m.length, next.length); i++) ties.push(`${m[i][0]},${next[i][0]}`);
  });
  writeFileSync(join(dir, 'ties.csv'), 'source,target\n' + ties.join('\n') + '\n');
  return dir;
}
