/** Options resolution: an option explicitly undefined keeps its default. */
import { describe, expect, it } from 'vitest';
import { definedOnly, withDefaults } from '../../../src/core/util/options.js';

describe('options', () => {
  const DEFAULTS = Object.freeze({ alpha: 0.85, seed: 1 });
  it('overlays set options and keeps defaults for undefined ones', () => {
    expect(withDefaults(DEFAULTS, { alpha: 0.5, seed: undefined })).toEqual({ alpha: 0.5, seed: 1 });
    expect(withDefaults(DEFAULTS, undefined)).toEqual({ alpha: 0.85, seed: 1 });
    expect({ ...DEFAULTS, ...definedOnly({ seed: undefined as number | undefined }) }).toEqual(DEFAULTS);
  });
  it('does not mutate the frozen defaults', () => {
    withDefaults(DEFAULTS, { alpha: 0.1 });
    expect(DEFAULTS.alpha).toBe(0.85);
  });
});
