/**
 * A stage of the analysis pipeline and the plan that orders them. A stage is a small object:
 * its name (the one progress reports use), the intermediate results it reads (`needs`) and
 * writes (`provides`), and `run`. {@link planAnalysis} checks, before anything runs, that every
 * need is provided by an earlier stage and every result by exactly one stage, so a result needed
 * by several stages is computed once and read from the shared context.
 */
import type { AnalysisContext, IntermediateName } from './context.js';

/** One named stage of the report pipeline. */
export interface AnalysisStage {
  /** The name progress reports use (see `ANALYSIS_STAGES`), or 'layout' for the table layout (no progress of its own). */
  readonly name: string;
  /** Intermediate results read from the context (written by earlier stages). */
  readonly needs: readonly IntermediateName[];
  /** Intermediate results this stage writes into the context. */
  readonly provides: readonly IntermediateName[];
  run(ctx: AnalysisContext): Promise<void>;
}

/**
 * The stages in run order, after checking that each `needs` entry is provided by an earlier
 * stage and no result is provided twice. Complexity O(stages x needs). Throws on a broken plan
 * (a programming error, not bad input).
 */
export function planAnalysis(stages: readonly AnalysisStage[]): readonly AnalysisStage[] {
  const provided = new Map<IntermediateName, string>();
  for (const s of stages) {
    for (const need of s.needs)
      if (!provided.has(need)) throw new Error(`analysis plan: stage '${s.name}' needs '${need}', which no earlier stage provides`);
    for (const out of s.provides) {
      const by = provided.get(out);
      if (by !== undefined) throw new Error(`analysis plan: '${out}' provided by both '${by}' and '${s.name}'`);
      provided.set(out, s.name);
    }
  }
  return Object.freeze([...stages]);
}
