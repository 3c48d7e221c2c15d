/**
 * Group names file (`orgraph analyze --group-names FILE`)
 * HR systems often hold group codes ("69", "FIN-2") where a reader wants names ("Sales"). A groups
 * file is a CSV with a header holding `group` (the code, as it appears in the group attribute) and
 * `name` (what the report shows), one row per code:
 *
 *   group,name
 *   69,Sales
 *   104,"Research & Development"
 *
 * Codes the file does not list are shown as they are. Two codes with the same name would merge two
 * groups, so they are refused. Reference: RFC 4180 (CSV).
 */
import { readFile } from 'node:fs/promises';
import { CsvTokenizer, syntaxMessage } from '../ingest/csv-tokenizer.js';
import { OrgraphError } from '../model/errors.js';
import type { OrgGraph } from '../model/org-graph.js';

/**
 * Read a groups file: code -> name. Errors name the file, line and field: `E_MISSING_COLUMN` (no
 * `group` or `name` column), `E_EMPTY_ID` (an empty code or name), `E_BAD_VALUE` (a code listed
 * twice, or one name for two codes), `E_CSV_SYNTAX`, `E_FILE_NOT_FOUND`.
 * Complexity: O(size of the file).
 * @example
 * const names = await readGroupNames('groups.csv'); // Map { '69' => 'Sales', ... }
 */
export async function readGroupNames(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new OrgraphError('E_FILE_NOT_FOUND', 'the groups file cannot be read', { file });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(
    ',',
    (fields) => void records.push(fields),
    (problem) => {
      throw new OrgraphError('E_CSV_SYNTAX', syntaxMessage(problem), { file, line: records.length + 1 });
    },
  );
  tokenizer.push(text);
  tokenizer.end();
  const header = (records[0] ?? []).map((h) => h.trim());
  const gi = header.indexOf('group');
  const ni = header.indexOf('name');
  if (gi < 0 || ni < 0) throw new OrgraphError('E_MISSING_COLUMN', 'a groups file needs the columns group and name', { file, line: 1 });
  const names = new Map<string, string>();
  const codeOf = new Map<string, string>();
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length === 1 && rec[0].trim() === '') continue; // blank line
    const line = r + 1;
    const code = (rec[gi] ?? '').trim();
    const name = (rec[ni] ?? '').trim();
    if (code === '') throw new OrgraphError('E_EMPTY_ID', 'empty group code', { file, line, field: 'group' });
    if (name === '') throw new OrgraphError('E_EMPTY_ID', `empty name for group ${code}`, { file, line, field: 'name' });
    if (names.has(code)) throw new OrgraphError('E_BAD_VALUE', `group ${code} is listed twice`, { file, line, field: 'group' });
    const other = codeOf.get(name);
    if (other !== undefined)
      throw new OrgraphError('E_BAD_VALUE', `groups ${other} and ${code} have the same name (they would be merged)`, {
        file,
        line,
        field: 'name',
      });
    names.set(code, name);
    codeOf.set(name, code);
  }
  return names;
}

/**
 * The graph with the group attribute's codes replaced by their names (codes not listed kept).
 * A name that is also another, unlisted code of the data is refused (`E_BAD_VALUE`): it would merge
 * two groups. Complexity: O(people); ties and the other columns are shared (see OrgGraph.withAttribute).
 * @example
 * const named = nameGroups(graph, 'division', new Map([['69', 'Sales']]));
 */
export function nameGroups(graph: OrgGraph, group: string, names: ReadonlyMap<string, string>, file?: string): OrgGraph {
  const col = graph.attribute(group);
  const present = new Set(col.filter((v): v is string => v !== null));
  for (const [code, name] of names)
    if (name !== code && present.has(name) && !names.has(name))
      throw new OrgraphError('E_BAD_VALUE', `the name of group ${code}, "${name}", is another group's code in the data`, {
        file,
        field: 'name',
      });
  return graph.withAttribute(
    group,
    col.map((v) => (v !== null ? (names.get(v) ?? v) : v)),
  );
}
