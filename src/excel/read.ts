/**
 * Reads the workbook's input grids, selects cells, and inserts the sample data.
 *
 * Reading takes two metadata syncs whatever the workbook's size (the sheet and table lists; then
 * every table's range and every other sheet's used range with its first row), then the values in
 * row chunks packed into as few syncs as the response limit allows.
 *
 * Error cells (#N/A, #REF!, ...) come back from `values` as their text, like text typed by a person.
 * Cells whose text looks like an error are checked in one more pass, on those cells only: `valueTypes`
 * says whether each is an error and `formulas` whether it is a formula's result. Each error becomes an
 * issue on its grid, which the checks report as a problem where an input uses the column.
 *
 * Sheets the product wrote are skipped, recognised by name: the report sheets (as the registry names
 * them, also with a " (2)" suffix) and the writer's temporary sheets.
 */
import { type CellIssue, errorCellDetail } from "../reports/cell-issues";
import type { SourceGrid } from "../reports/inputs";
import type { CellValue, SheetLayout } from "../reports/layout";
import { REPORT_SHEET_PATTERN } from "../reports/registry";
import { writeLayouts } from "./write";
import { TEMPORARY_SHEET_PREFIXES } from "./write-names";

/** True for sheets this product writes; readWorkbookInputs leaves them out. */
export function isReportSheetName(name: string): boolean {
  return (
    REPORT_SHEET_PATTERN.test(name) ||
    TEMPORARY_SHEET_PREFIXES.some((prefix) => name.startsWith(`${prefix} `))
  );
}

export interface ReadOptions {
  /** Sheets to leave out; default isReportSheetName. */
  skipSheet?: (name: string) => boolean;
  /** Cells loaded per sync (halved automatically if a response is too large); default 200,000. */
  maxCellsPerRequest?: number;
}

interface Block {
  sheet: string;
  table?: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  /** Values already read (the first row of a plain range). */
  values: unknown[][];
  issues: CellIssue[];
}

/** Text as `values` gives it for an error cell: "#N/A", "#DIV/0!", "#NAME?", "#SPILL!", "#GETTING_DATA" ... */
const ERROR_LIKE_TEXT = /^#[A-Z][A-Z0-9_/]*[!?]?$/;

/** How many ranges of error-like cells one sync asks about: keeps the request far under 5 MB. */
const ERROR_RANGES_PER_SYNC = 2_000;

/** "Sheet1!B2:D10" or "'My sheet'!B2:D10" -> sheet name and 0-based top-left. */
export function parseRangeAddress(address: string): { sheet: string; row: number; col: number } {
  const bang = address.lastIndexOf("!");
  const ref = address.slice(0, bang);
  const sheet = ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
  const cell = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1));
  if (bang < 0 || !cell) throw new Error(`Excel returned an address that could not be read: ${address}`);
  let col = 0;
  for (const ch of cell[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(cell[2]) - 1, col: col - 1 };
}

/** A first row that reads as headers: two or more text cells and nothing but text or blanks. */
export function looksLikeHeader(row: readonly unknown[]): boolean {
  let text = 0;
  for (const cell of row) {
    if (cell === null || cell === "") continue;
    if (typeof cell !== "string" || cell.trim() === "") return false;
    text += 1;
  }
  return text >= 2;
}

function isResponseTooLarge(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded"
  );
}

/**
 * Every Excel table (header and body) and, on sheets without tables, the used range when its first
 * row looks like a header. Grids come in sheet order, tables in their order on the sheet.
 */
export async function readWorkbookInputs(options: ReadOptions = {}): Promise<SourceGrid[]> {
  const skip = options.skipSheet ?? isReportSheetName;
  let cellsPerSync = options.maxCellsPerRequest ?? 200_000;
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();

    const sheetNames = sheets.items.map((s) => s.name).filter((name) => !skip(name));
    const tableRanges = tables.items.map((table) => ({
      name: table.name,
      range: table.getRange().load("address,rowCount,columnCount"),
    }));
    const usedRanges = sheetNames.map((name) => {
      const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
      used.load("address,rowCount,columnCount");
      return { name, used, firstRow: used.getRow(0).load("values") };
    });
    await context.sync();

    const blocks: Block[] = [];
    const sheetsWithTables = new Set<string>();
    for (const { name, range } of tableRanges) {
      const at = parseRangeAddress(range.address);
      sheetsWithTables.add(at.sheet.toLowerCase());
      if (skip(at.sheet)) continue;
      blocks.push({
        sheet: at.sheet,
        table: name,
        row: at.row,
        col: at.col,
        rowCount: range.rowCount,
        colCount: range.columnCount,
        values: [],
        issues: [],
      });
    }
    for (const { name, used, firstRow } of usedRanges) {
      if (sheetsWithTables.has(name.toLowerCase())) continue;
      const header = firstRow.values[0];
      if (!looksLikeHeader(header)) continue;
      const at = parseRangeAddress(used.address);
      blocks.push({
        sheet: name,
        row: at.row,
        col: at.col,
        rowCount: used.rowCount,
        colCount: used.columnCount,
        values: [header],
        issues: [],
      });
    }
    const order = new Map(sheetNames.map((name, i) => [name.toLowerCase(), i]));
    blocks.sort(
      (a, b) =>
        (order.get(a.sheet.toLowerCase()) ?? 0) - (order.get(b.sheet.toLowerCase()) ?? 0) ||
        a.row - b.row ||
        a.col - b.col
    );

    // Row chunks still to read: [block, first row within the block, row count].
    const pending: { block: Block; start: number; count: number }[] = [];
    for (const block of blocks) {
      const start = block.values.length;
      if (start < block.rowCount) pending.push({ block, start, count: block.rowCount - start });
    }
    while (pending.length > 0) {
      // Take chunks up to the cell budget (splitting the first one if it alone is larger).
      const batch: { block: Block; start: number; count: number; range: Excel.Range }[] = [];
      let cells = 0;
      while (pending.length > 0) {
        const next = pending[0];
        const rowsThatFit = Math.floor((cellsPerSync - cells) / next.block.colCount);
        if (rowsThatFit < 1 && batch.length > 0) break;
        const count = Math.max(1, Math.min(next.count, rowsThatFit));
        const sheet = context.workbook.worksheets.getItem(next.block.sheet);
        const range = sheet.getRangeByIndexes(
          next.block.row + next.start,
          next.block.col,
          count,
          next.block.colCount
        );
        batch.push({ block: next.block, start: next.start, count, range: range.load("values") });
        cells += count * next.block.colCount;
        if (count === next.count) pending.shift();
        else pending[0] = { block: next.block, start: next.start + count, count: next.count - count };
        if (cells >= cellsPerSync) break;
      }
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk of up to cellsPerSync cells, not per row
        await context.sync();
      } catch (error) {
        if (!isResponseTooLarge(error) || cellsPerSync <= 1) throw error;
        // Too much came back at once: read the same chunks again, in smaller syncs.
        cellsPerSync = Math.floor(cellsPerSync / 2);
        pending.unshift(...batch.map(({ block, start, count }) => ({ block, start, count })));
        mergeAdjacent(pending);
        continue;
      }
      for (const { block, range } of batch) {
        for (const row of range.values) block.values.push(row);
      }
    }
    await findErrorCells(context, blocks, cellsPerSync);
    return blocks.map((b): SourceGrid => {
      const grid: SourceGrid = { sheet: b.sheet, row: b.row, col: b.col, values: b.values };
      if (b.table !== undefined) grid.table = b.table;
      if (b.issues.length > 0) grid.issues = b.issues;
      return grid;
    });
  });
}

/** A column run of cells whose text looks like an error: rows [start, start + count) of the block. */
interface ErrorLikeRun {
  block: Block;
  start: number;
  col: number;
  count: number;
}

/** Runs of error-like text in the blocks' data rows, column by column. */
function errorLikeRuns(blocks: readonly Block[]): ErrorLikeRun[] {
  const runs: ErrorLikeRun[] = [];
  for (const block of blocks) {
    const open = new Map<number, ErrorLikeRun>();
    for (let r = 1; r < block.values.length; r++) {
      const row = block.values[r];
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value !== "string" || value.charCodeAt(0) !== 35 /* # */ || !ERROR_LIKE_TEXT.test(value))
          continue;
        const run = open.get(c);
        if (run && run.start + run.count === r) run.count += 1;
        else {
          const next = { block, start: r, col: c, count: 1 };
          open.set(c, next);
          runs.push(next);
        }
      }
    }
  }
  return runs;
}

/**
 * Asks Excel which error-like cells are errors, and which of those are a formula's result, and records
 * each error as an issue of its block. Only those cells are loaded, in syncs of at most `cellsPerSync`
 * cells and ERROR_RANGES_PER_SYNC ranges (halved like the values when a response is too large).
 */
async function findErrorCells(
  context: Excel.RequestContext,
  blocks: Block[],
  cellsPerSync: number
): Promise<void> {
  const pending = errorLikeRuns(blocks);
  let budget = cellsPerSync;
  while (pending.length > 0) {
    const batch: { run: ErrorLikeRun; range: Excel.Range }[] = [];
    let cells = 0;
    while (pending.length > 0 && batch.length < ERROR_RANGES_PER_SYNC && cells < budget) {
      const next = pending[0];
      const count = Math.min(next.count, Math.max(1, budget - cells));
      const run = { ...next, count };
      if (count === next.count) pending.shift();
      else pending[0] = { ...next, start: next.start + count, count: next.count - count };
      const range = context.workbook.worksheets
        .getItem(run.block.sheet)
        .getRangeByIndexes(run.block.row + run.start, run.block.col + run.col, count, 1)
        .load("valueTypes,formulas");
      batch.push({ run, range });
      cells += count;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch of error-like cells
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || budget <= 1) throw error;
      budget = Math.floor(budget / 2);
      pending.unshift(...batch.map(({ run }) => run));
      continue;
    }
    for (const { run, range } of batch) {
      for (let i = 0; i < run.count; i++) {
        if (range.valueTypes[i][0] !== "Error") continue;
        const row = run.start + i;
        const formula = range.formulas[i][0];
        run.block.issues.push({
          sheet: run.block.sheet,
          row: run.block.row + row,
          col: run.block.col + run.col,
          detail: errorCellDetail(
            String(run.block.values[row][run.col]),
            typeof formula === "string" && formula.startsWith("=")
          ),
        });
      }
    }
  }
  for (const block of blocks) block.issues.sort((a, b) => a.row - b.row || a.col - b.col);
}

function mergeAdjacent(pending: { block: Block; start: number; count: number }[]): void {
  for (let i = pending.length - 1; i > 0; i--) {
    const a = pending[i - 1];
    const b = pending[i];
    if (a.block === b.block && a.start + a.count === b.start) {
      pending.splice(i - 1, 2, { block: a.block, start: a.start, count: a.count + b.count });
    }
  }
}

/** Activates `sheet` and selects `address` on it (e.g. the cell a problem names). */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/** "Service Requests" -> "SampleServiceRequests". */
export function sampleTableName(sheetName: string): string {
  return "Sample" + sheetName.replace(/[^A-Za-z0-9]/g, "");
}

/**
 * Writes the sample sheets, each as an Excel table (e.g. SampleServiceRequests), under free names:
 * existing sheets are never touched ("Devices" becomes "Devices (2)" if taken). All or nothing, as
 * writeLayouts. Returns the sheet names written, in order.
 */
export async function insertSampleData(sheets: { name: string; values: CellValue[][] }[]): Promise<string[]> {
  const layouts: SheetLayout[] = sheets.map((sheet) => {
    const headers = (sheet.values[0] ?? []).map((h) => String(h ?? ""));
    return {
      name: sheet.name,
      kind: "cover",
      classification: "WHITE",
      tabColor: "",
      values: [{ row: 0, col: 0, values: sheet.values }],
      styles: [],
      tables: [
        {
          name: sampleTableName(sheet.name),
          row: 0,
          col: 0,
          headers,
          rowCount: Math.max(sheet.values.length - 1, 0),
          columnFormats: headers.map(() => null),
          style: "TableStyleMedium2",
        },
      ],
      conditionalFormats: [],
      charts: [],
      columnWidths: headers.map((h) => Math.max(12, Math.min(40, h.length + 2))),
      freezeRows: 1,
    };
  });
  const result = await writeLayouts(layouts, { confirmReplace: async () => false });
  return result.sheets.map((s) => s.written);
}
