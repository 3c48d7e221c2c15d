/**
 * A stage whose results are metric-catalogue entries, each written to the slot of its own name
 * (the centrality and brokerage stages): the same entries and memo as `orgraph metrics`, read
 * through {@link AnalysisContext.catalogScores}.
 */
import type { NodeScores } from '../../metrics/scores.js';
import type { AnalysisContext, IntermediateName, Intermediates } from './context.js';
import type { AnalysisStage } from './plan.js';

/** The slots that hold per-person scores: each can be the catalogue entry of the same key. */
export type CatalogSlot = { [K in IntermediateName]: Intermediates[K] extends NodeScores ? K : never }[IntermediateName];

/** Catalogue entries computed together, and the progress (units done) reached after them. */
export interface CatalogStep {
  readonly slots: readonly CatalogSlot[];
  readonly done: number;
}

/**
 * The stage `name` (no needs): progress 0 of `total`, then each step in order, its entries
 * written to their slots and progress brought to its `done`, the event loop given a turn between
 * steps; `also` (optional) writes the stage's other slots last and brings progress to `total`.
 * Provides the steps' slots, then `also.provides`. Complexity: the entries'.
 */
export function catalogStage(
  name: string,
  total: number,
  steps: readonly CatalogStep[],
  also?: { readonly provides: readonly IntermediateName[]; write(ctx: AnalysisContext): void },
): AnalysisStage {
  return {
    name,
    needs: [],
    provides: [...steps.flatMap((s) => s.slots), ...(also?.provides ?? [])],
    async run(ctx) {
      ctx.progress(name, 0, total);
      for (let i = 0; i < steps.length; i++) {
        if (i > 0) await ctx.breathe();
        for (const slot of steps[i].slots) ctx.set(slot, await ctx.catalogScores(slot));
        ctx.progress(name, steps[i].done, total);
      }
      if (also) {
        await ctx.breathe();
        also.write(ctx);
        ctx.progress(name, total, total);
      }
    },
  };
}
