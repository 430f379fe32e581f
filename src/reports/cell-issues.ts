/**
 * Cells a reader found it cannot trust (an Excel error, a formula with no calculated value, text too
 * long for a cell), turned into problems where an input uses their column. The headless runner's reader
 * and the task pane's reader both describe such cells here, so a person reads the same words in both.
 */
import { cellAddress, sheetReference } from "./address";
import type { Problem } from "./check";
import type { DetectedInput, InputKind } from "./inputs";

/** A cell whose value cannot be trusted; row and col are 0-based sheet coordinates. */
export interface CellIssue {
  sheet: string;
  row: number;
  col: number;
  detail: string;
}

/** What an error cell holds, e.g. "the error #N/A (a formula's result)"; at most 60 characters of it. */
export function errorCellDetail(errorText: string, isFormulaResult: boolean): string {
  return `the error ${errorText.slice(0, 60)}${isFormulaResult ? " (a formula's result)" : ""}`;
}

/** A problem at a sheet cell, worded as every problem is: `Sheet!A1: detail`. */
export function problemAt(kind: InputKind, sheet: string, row: number, col: number, detail: string): Problem {
  const address = cellAddress(row, col);
  return { kind, sheet, row, col, address, message: `${sheetReference(sheet)}!${address}: ${detail}` };
}

/** Problems for the issues in the rows and columns an input uses (issues of one sheet or many). */
export function cellIssueProblems(input: DetectedInput, issues: readonly CellIssue[]): Problem[] {
  const { source, kind } = input;
  const usedColumns = new Set(Object.values(input.columns).map((index) => source.col + index));
  const lastRow = source.row + source.values.length - 1;
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.sheet !== source.sheet || issue.row < source.row || issue.row > lastRow) continue;
    if (!usedColumns.has(issue.col)) continue;
    problems.push(problemAt(kind, source.sheet, issue.row, issue.col, issue.detail));
  }
  return problems;
}

/**
 * The input with the rows that hold an issue in a used column blanked out, so the checks skip them and
 * "leave out the bad rows" leaves them out; `leftOut` counts them. The input itself is returned when clean.
 */
export function withoutIssueRows(input: DetectedInput): { input: DetectedInput; leftOut: number } {
  const issues = input.source.issues;
  if (!issues || issues.length === 0) return { input, leftOut: 0 };
  const rows = new Set(cellIssueProblems(input, issues).map((problem) => problem.row - input.source.row));
  rows.delete(0); // the header row is never data
  if (rows.size === 0) return { input, leftOut: 0 };
  const values = input.source.values.map((row, index) => (rows.has(index) ? [] : row));
  return { input: { ...input, source: { ...input.source, values } }, leftOut: rows.size };
}

/**
 * The checks' problems with the cell issues the grids carry (the pane's reader puts them there): where
 * both name a cell, the reader's, which says what the cell really holds, is kept. Sheets in input order.
 */
export function withGridIssues(inputs: readonly DetectedInput[], fromChecks: Problem[]): Problem[] {
  const fromReader = inputs.flatMap((input) =>
    input.source.issues && input.source.issues.length > 0 ? cellIssueProblems(input, input.source.issues) : []
  );
  if (fromReader.length === 0) return fromChecks;
  const cellKey = (problem: Problem): string => `${problem.sheet}\u0000${problem.row}\u0000${problem.col}`;
  const seen = new Set(fromReader.map(cellKey));
  const sheetOrder = new Map<string, number>();
  for (const input of inputs)
    if (!sheetOrder.has(input.source.sheet)) sheetOrder.set(input.source.sheet, sheetOrder.size);
  return [...fromReader, ...fromChecks.filter((problem) => !seen.has(cellKey(problem)))].sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col
  );
}
