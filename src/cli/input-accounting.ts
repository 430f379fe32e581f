/**
 * Accounts for everything the runner read: each table or sheet is either used, for a named input, or
 * not used with the reason; and the cells the reader could not trust become problems where an input
 * uses them, together with what the reader alone can see (duplicate headers, two tables for one input
 * on one sheet).
 */
import {
  INPUT_LABELS,
  type DetectedInput,
  type InputField,
  type InputKind,
  type Problem,
  type SourceGrid,
  cellAddress,
  cellIssueProblems,
  detectInputs,
  fieldLabel,
  mapColumns,
  problemAt,
  sheetReference,
} from "../reports";
import { quoteText } from "../sec/coerce";
import { HEADER_SEARCH_ROWS, type HostValue, type WorkbookContents } from "./read-xlsx";

/** Whether a row names an input (the reader's header search: titles above it are skipped). */
export function isInputHeaderRow(cells: readonly HostValue[]): boolean {
  return detectInputs([{ sheet: "", row: 0, col: 0, values: [[...cells]] }]).length > 0;
}

export interface InputUse {
  /** e.g. `table SR on sheet 'Service Requests' (A1:F58)`, with "hidden sheet" when it is. */
  where: string;
  /** The input it was used for, or undefined when not used. */
  input?: InputKind;
  /** Why it was not used. */
  reason?: string;
  rowCount: number;
}

function gridRange(grid: SourceGrid): string {
  const width = grid.values[0]?.length ?? 1;
  return `${cellAddress(grid.row, grid.col)}:${cellAddress(grid.row + grid.values.length - 1, grid.col + width - 1)}`;
}

function visibilityNote(contents: WorkbookContents, sheet: string): string {
  const visibility = contents.sheets.find((info) => info.name === sheet)?.visibility;
  return visibility === "hidden"
    ? ", hidden sheet"
    : visibility === "veryHidden"
      ? ", very hidden sheet"
      : "";
}

function describeGrid(contents: WorkbookContents, grid: SourceGrid): string {
  const where = grid.table
    ? `table ${grid.table} on sheet ${sheetReference(grid.sheet)}`
    : `sheet ${sheetReference(grid.sheet)}`;
  return `${where} (${gridRange(grid)}${visibilityNote(contents, grid.sheet)})`;
}

/** One entry per grid, empty sheet and unreadable table, in workbook order. */
export function accountInputs(contents: WorkbookContents, detected: readonly DetectedInput[]): InputUse[] {
  const uses: InputUse[] = [];
  for (const sheet of contents.sheets) {
    const grids = contents.grids.filter((grid) => grid.sheet === sheet.name);
    const notRead = contents.notRead.filter((entry) => entry.sheet === sheet.name);
    if (sheet.empty && grids.length === 0) {
      const note = visibilityNote(contents, sheet.name).replace(/^, /, "");
      uses.push({
        where: `sheet ${sheetReference(sheet.name)}${note === "" ? "" : ` (${note})`}`,
        reason: "empty",
        rowCount: 0,
      });
    }
    for (const grid of grids) {
      const input = detected.find((candidate) => candidate.source === grid);
      uses.push({
        where: describeGrid(contents, grid),
        input: input?.kind,
        reason: input
          ? undefined
          : grid.table
            ? "its headers name no input (an input needs User ID, Subscriber ID, or Device ID and Commissioned)"
            : `no header row naming User ID, Subscriber ID, or Device ID and Commissioned in its first ${HEADER_SEARCH_ROWS} rows`,
        rowCount: grid.values.length - 1,
      });
    }
    for (const entry of notRead) {
      uses.push({
        where: `table ${entry.table ?? ""} on sheet ${sheetReference(sheet.name)}${visibilityNote(contents, sheet.name)}`,
        reason: entry.reason,
        rowCount: 0,
      });
    }
  }
  return uses;
}

/** The field a header names for a kind, if any. */
function fieldOfHeader(kind: InputKind, header: unknown): InputField | undefined {
  return Object.keys(mapColumns(kind, [header]))[0] as InputField | undefined;
}

/**
 * Problems the checks of src/reports cannot see: untrustworthy cells in the columns an input uses, a
 * field headed twice, and two tables for one input on one sheet.
 */
export function readerProblems(contents: WorkbookContents, detected: readonly DetectedInput[]): Problem[] {
  const problems: Problem[] = [];
  const issuesBySheet = new Map<string, WorkbookContents["issues"]>();
  for (const issue of contents.issues) {
    const list = issuesBySheet.get(issue.sheet) ?? [];
    list.push(issue);
    issuesBySheet.set(issue.sheet, list);
  }
  const firstOnSheet = new Map<string, DetectedInput>();
  for (const input of detected) {
    const { source, kind } = input;
    const headers = source.values[0] ?? [];

    const key = `${kind}\u0000${source.sheet}`;
    const first = firstOnSheet.get(key);
    if (first) {
      problems.push(
        problemAt(
          kind,
          source.sheet,
          source.row,
          source.col,
          `a second ${INPUT_LABELS[kind]} input on this sheet (the first starts at ${cellAddress(first.source.row, first.source.col)}): keep one table per input on a sheet`
        )
      );
    } else {
      firstOnSheet.set(key, input);
    }

    const headedAt = new Map<InputField, number>();
    headers.forEach((header, index) => {
      const field = fieldOfHeader(kind, header);
      if (field === undefined) return;
      const earlier = headedAt.get(field);
      if (earlier === undefined) {
        headedAt.set(field, index);
        return;
      }
      problems.push(
        problemAt(
          kind,
          source.sheet,
          source.row,
          source.col + index,
          `${quoteText(String(header))} is a second column for ${fieldLabel(kind, field)} (the first is ${cellAddress(source.row, source.col + earlier)}): keep one`
        )
      );
    });

    problems.push(...cellIssueProblems(input, issuesBySheet.get(source.sheet) ?? []));
  }
  return problems;
}

/**
 * The reader's problems and the checks' problems in one list: where both name a cell, the reader's
 * (which says what the cell really holds) is kept.
 */
export function mergeProblems(
  contents: WorkbookContents,
  fromReader: readonly Problem[],
  fromChecks: readonly Problem[]
): Problem[] {
  const cellKey = (problem: Problem): string => `${problem.sheet}\u0000${problem.row}\u0000${problem.col}`;
  const seen = new Set(fromReader.map(cellKey));
  const sheetOrder = new Map(contents.sheets.map((sheet, index) => [sheet.name, index]));
  return [...fromReader, ...fromChecks.filter((problem) => !seen.has(cellKey(problem)))].sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col
  );
}
