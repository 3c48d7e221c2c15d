/**
 * Path centralities against NetworkX on real data sets (fixtures by scripts/reference/paths.py,
 * NetworkX version recorded in each file). Agreement to relative 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { betweennessSync } from '../../../src/metrics/centrality/betweenness.js';
import { closenessSync } from '../../../src/metrics/centrality/closeness.js';
import { harmonicSync } from '../../../src/metrics/centrality/harmonic.js';
import { maxRelativeError, referenceCases, referenceView } from './path-fixtures.js';

describe.each(referenceCases())('NetworkX reference $name', (c) => {
  const weighted = referenceView(c, true);
  const hops = referenceView(c, false);
  it('records the tool and version', () => {
    expect(c.version).toMatch(/^3\.6/);
  });
  it('betweenness, lengths 1/w, normalised and raw', () => {
    expect(maxRelativeError(betweennessSync(weighted).values, c.results['betweenness.weighted'])).toBeLessThan(1e-9);
    expect(maxRelativeError(betweennessSync(weighted, { normalized: false }).values, c.results['betweenness.weighted.raw'])).toBeLessThan(
      1e-9,
    );
  });
  it('betweenness on hops, from an unweighted view and from weighted: false', () => {
    expect(maxRelativeError(betweennessSync(hops).values, c.results['betweenness.hops'])).toBeLessThan(1e-9);
    expect(
      maxRelativeError(betweennessSync(weighted, { weighted: false, normalized: false }).values, c.results['betweenness.hops.raw']),
    ).toBeLessThan(1e-9);
  });
  it('closeness (incoming, Wasserman-Faust)', () => {
    expect(maxRelativeError(closenessSync(weighted).values, c.results['closeness.weighted'])).toBeLessThan(1e-9);
    expect(maxRelativeError(closenessSync(hops).values, c.results['closeness.hops'])).toBeLessThan(1e-9);
  });
  it('harmonic (incoming)', () => {
    expect(maxRelativeError(harmonicSync(weighted).values, c.results['harmonic.weighted'])).toBeLessThan(1e-9);
    expect(maxRelativeError(harmonicSync(weighted, { weighted: false }).values, c.results['harmonic.hops'])).toBeLessThan(1e-9);
  });
});
