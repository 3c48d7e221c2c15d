/**
 * Key findings for the terminal
 * The same findings as the report's first screen ({@link keyFindings}), as numbered plain-text lines
 * that `orgraph analyze` prints after writing the report, each with the report section to read next.
 * Reference: the report's key findings (src/report/findings.ts).
 */
import type { AnalysisResult } from '../report/analysis.js';
import { keyFindings, type KeyFinding } from '../report/findings.js';

/**
 * Numbered key findings, one paragraph each, with the section of report.html that holds the detail.
 *
 * Complexity: O(size of the result).
 * @example
 * io.out(findingsText(result)); // 'Key findings:\n  1. Sales and R&D have 3 ties ... (report.html#gaps)\n'
 */
export function findingsText(result: AnalysisResult, findings: readonly KeyFinding[] = keyFindings(result)): string {
  if (findings.length === 0) return '';
  const lines = findings.map((f, k) => `  ${k + 1}. ${f.sentence} (report.html#${f.section})`);
  return `Key findings:\n${lines.join('\n')}\n`;
}
