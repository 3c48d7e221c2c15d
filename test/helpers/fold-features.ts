import type { FoldCandidates } from '../../src/recommend/score-fit.js';

/**
 * The features (CN, RA, RAw, RA3) of every pair a fold scored, listed rows and three-step-only
 * negatives alike, sorted: a held-out partner reached by three steps only is a listed row with the
 * ties held out and a bare RA3 without them, so two folds are compared as multisets of pairs.
 */
export function foldPairFeatures(c: FoldCandidates): string[] {
  const out: string[] = [];
  for (let r = 0; r < c.cnCol.length; r++) out.push(`${c.cnCol[r]} ${c.raCol[r]} ${c.rawCol[r]} ${c.ra3Col[r]}`);
  for (const r3 of c.threeOnly) out.push(`0 0 0 ${r3}`);
  return out.sort();
}
