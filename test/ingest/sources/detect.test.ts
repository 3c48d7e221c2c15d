/**
 * loadSource's dispatch: every format read from one path goes to its own reader (the same graph,
 * report and stats as calling that reader), the format is detected when not given, a G2G table is
 * refused with a pointer to its reader, and an unknown format (including a name every object
 * inherits) is E_BAD_OPTION naming the file and the `from` field.
 */
import { describe, expect, it } from 'vitest';
import { loadEvents } from '../../../src/ingest/events.js';
import { loadJson } from '../../../src/ingest/json.js';
import { loadSource, type SourceFormat } from '../../../src/ingest/sources/detect.js';
import { loadM365 } from '../../../src/ingest/sources/m365.js';
import { loadVivaPerson } from '../../../src/ingest/sources/viva-person.js';
import { OrgraphError } from '../../../src/model/errors.js';

const JSON_FILE = 'test/ingest/fixtures/small.json';
const EVENTS = 'test/ingest/fixtures/events-small.csv';
const M365 = 'test/fixtures/sources/m365.json';
const PERSON = 'test/fixtures/sources/viva-person.csv';
const G2G = 'test/fixtures/sources/viva-g2g.csv';

async function errorOf(p: Promise<unknown>): Promise<OrgraphError> {
  try {
    await p;
  } catch (e) {
    return e as OrgraphError;
  }
  throw new Error('expected an error');
}

describe('loadSource dispatch', () => {
  it('detects each format and returns what its own reader returns, with the format', async () => {
    const cases: [string, SourceFormat, () => Promise<{ graph: { personIds: readonly string[]; tieCount: number } }>][] = [
      [JSON_FILE, 'json', () => loadJson(JSON_FILE)],
      [EVENTS, 'events', () => loadEvents(EVENTS)],
      [M365, 'm365', () => loadM365(M365)],
      [PERSON, 'viva-person', () => loadVivaPerson(PERSON)],
    ];
    for (const [path, format, direct] of cases) {
      const viaSource = await loadSource(path);
      const own = await direct();
      expect(viaSource.format).toBe(format);
      expect([...viaSource.graph.personIds]).toEqual([...own.graph.personIds]);
      expect(viaSource.graph.tieCount).toBe(own.graph.tieCount);
      const { graph: _g1, format: _f, ...restSource } = viaSource;
      const { graph: _g2, ...restOwn } = own as typeof own & Record<string, unknown>;
      expect(restSource).toEqual(restOwn);
    }
  });

  it('refuses a G2G table, given or detected, with a pointer to loadVivaG2G', async () => {
    for (const format of ['viva-g2g', null] as const) {
      const e = await errorOf(loadSource(G2G, format));
      expect(e).toBeInstanceOf(OrgraphError);
      expect(e.code).toBe('E_BAD_OPTION');
      expect(e.message).toContain('loadVivaG2G');
      expect(e.file).toBe(G2G);
      expect(e.field).toBe('from');
    }
  });

  it('an unknown format, even a name every object has, is E_BAD_OPTION', async () => {
    for (const format of ['bogus', 'toString', 'constructor']) {
      const e = await errorOf(loadSource(JSON_FILE, format as SourceFormat));
      expect(e.code).toBe('E_BAD_OPTION');
      expect(e.message).toBe(`${JSON_FILE}: field "from": no reader for --from ${format}`);
      expect(e.field).toBe('from');
    }
  });
});
