import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrgraphError } from '../../src/model/errors.js';
import { OrgGraph } from '../../src/model/org-graph.js';
import { project } from '../../src/model/projection.js';
import { groupLabels } from '../../src/recommend/groups.js';
import { checkObjectiveGroups, DEFAULT_AT_RISK, loadObjectives, parseObjectives } from '../../src/recommend/objectives.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'objectives');

function errorOf(f: () => unknown): OrgraphError {
  try {
    f();
  } catch (e) {
    return e as OrgraphError;
  }
  throw new Error('no error thrown');
}

describe('parseObjectives', () => {
  it('accepts an empty list', () => {
    expect(parseObjectives('{"objectives": []}')).toEqual({ attribute: null, objectives: [], file: undefined });
  });

  it('reads flow and group objectives from JSON and YAML alike', () => {
    const json = parseObjectives(
      '{"attribute":"dept","objectives":[{"flow":{"from":"Sales","to":"Product"},"metric":"ties","min":40},{"group":"Ops","metric":"gatekeepers","max":3,"atRisk":0.2}]}',
    );
    const yaml = parseObjectives(
      'attribute: dept\nobjectives:\n  - flow: { from: Sales, to: Product }\n    metric: ties\n    min: 40\n  - group: Ops\n    metric: gatekeepers\n    max: 3\n    atRisk: 0.2\n',
      { format: 'yaml' },
    );
    expect(yaml).toEqual(json);
    expect(json.objectives[0]).toMatchObject({
      kind: 'flow',
      from: 'Sales',
      to: 'Product',
      metric: 'ties',
      min: 40,
      atRisk: DEFAULT_AT_RISK,
      field: 'objectives[0]',
    });
    expect(json.objectives[1]).toMatchObject({ kind: 'group', group: 'Ops', metric: 'gatekeepers', max: 3, atRisk: 0.2 });
  });

  it('reads numeric group names as names', () => {
    const o = parseObjectives('objectives:\n  - group: 1\n    metric: size\n    min: 2\n', { format: 'yaml' });
    expect(o.objectives[0]).toMatchObject({ kind: 'group', group: '1' });
  });

  it('names the file and field of malformed objectives', () => {
    const cases: [string, string, string][] = [
      ['{"objectives": [', 'E_JSON_SYNTAX', ''],
      ['{"objectives": [{"group": "A", "metric": "size"}]}', 'E_BAD_VALUE', 'objectives[0]'],
      ['{"objectives": [{"group": "A", "metric": "size", "min": 3, "max": 1}]}', 'E_BAD_VALUE', 'objectives[0].min'],
      ['{"objectives": [{"group": "A", "flow": {"from": "A", "to": "B"}, "metric": "ties", "min": 1}]}', 'E_BAD_VALUE', 'objectives[0]'],
      ['{"objectives": [{"group": "A", "metric": "size", "min": "3"}]}', 'E_BAD_VALUE', 'objectives[0].min'],
      ['{"objectives": [{"group": "A", "metric": "size", "min": 1, "colour": 2}]}', 'E_BAD_VALUE', 'objectives[0].colour'],
      ['{"objectives": [{"flow": {"from": "A", "to": "B"}, "metric": "density", "min": 1}]}', 'E_UNKNOWN_METRIC', 'objectives[0].metric'],
      ['{"objectives": [{"group": "A", "metric": "reach", "min": 1}]}', 'E_UNKNOWN_METRIC', 'objectives[0].metric'],
      ['{"goals": []}', 'E_BAD_VALUE', 'goals'],
    ];
    for (const [text, code, field] of cases) {
      const e = errorOf(() => parseObjectives(text, { file: 'o.json' }));
      expect(e).toBeInstanceOf(OrgraphError);
      expect(e.code).toBe(code);
      expect(e.file).toBe('o.json');
      if (field) expect(e.field).toBe(field);
    }
  });
});

describe('loadObjectives and checkObjectiveGroups', () => {
  it('loads the fixture files and names unknown metrics and groups', async () => {
    const ok = await loadObjectives(join(FIX, 'krackhardt-hightech.yaml'));
    expect(ok.attribute).toBe('department');
    expect(ok.objectives).toHaveLength(6);
    await expect(loadObjectives(join(FIX, 'unknown-metric.yaml'))).rejects.toMatchObject({
      code: 'E_UNKNOWN_METRIC',
      field: 'objectives[0].metric',
    });
    await expect(loadObjectives(join(FIX, 'missing.yaml'))).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
    const unknown = await loadObjectives(join(FIX, 'unknown-group.json'));
    const view = project(
      OrgGraph.from({
        people: [
          { id: 'a', attributes: { department: '1' } },
          { id: 'b', attributes: { department: '2' } },
        ],
        ties: [],
      }),
    );
    const e = errorOf(() => checkObjectiveGroups(unknown, groupLabels(view, 'department', { minGroupSize: 1 })));
    expect(e.code).toBe('E_UNKNOWN_GROUP');
    expect(e.file).toMatch(/unknown-group\.json$/);
    expect(e.field).toMatch(/^objectives\[\d+\]/);
  });

  it('reads members (staff / stakeholders), owner and initiative, and names a bad members value', () => {
    const o = parseObjectives(
      'objectives:\n  - flow: { from: Support, to: Customers, toMembers: stakeholders }\n    metric: reach\n    min: 0.5\n    owner: Head of Support\n    initiative: account reviews\n  - group: Customers\n    members: staff\n    metric: size\n    max: 0\n',
      { format: 'yaml', file: 'o.yaml' },
    );
    expect(o.objectives[0]).toMatchObject({
      kind: 'flow',
      fromMembers: 'all',
      toMembers: 'stakeholders',
      owner: 'Head of Support',
      initiative: 'account reviews',
      label: 'Support -> Customers (stakeholders): reach >= 0.5',
    });
    expect(o.objectives[1]).toMatchObject({ kind: 'group', members: 'staff', max: 0, label: 'Customers (staff): size <= 0' });
    expect(() =>
      parseObjectives('{"objectives":[{"group":"A","members":"partners","metric":"size","min":1}]}', { file: 'o.json' }),
    ).toThrow(/must be all, staff or stakeholders/);
    expect(() =>
      parseObjectives('{"objectives":[{"flow":{"from":"A","to":"B","via":"C"},"metric":"ties","min":1}]}', { file: 'o.json' }),
    ).toThrow(/unknown key "via"/);
  });
});
