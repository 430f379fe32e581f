/**
 * Reads an .xlsx file into source grids with ExcelJS's streaming reader, so that a sheet of a million
 * rows is read without holding the workbook's XML or cell objects: only the values arrays remain.
 * Cell values are mapped to what Office.js gives the task pane (numbers, text, booleans, null; dates as
 * serial numbers), so the same src/reports code reads both and a million dates cost numbers, not objects.
 */
import * as ExcelJS from "exceljs";
import type { SourceGrid } from "../reports";

/** A value as a host gives it: what src/reports accepts. */
export type HostValue = string | number | boolean | null;

/** Days from 1899-12-30 (Excel serial 0) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function richTextToPlain(value: unknown): string | null {
  if (isObject(value) && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return null;
}

/**
 * ExcelJS cell value -> host value: rich text -> its plain text, formula -> its cached result,
 * hyperlink -> its text, error -> its code ("#N/A"), date -> its Excel serial (ExcelJS dates are UTC),
 * empty -> null.
 */
export function hostValue(value: unknown): HostValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? "Invalid Date" : ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  }
  if (!isObject(value)) return null;
  const plain = richTextToPlain(value);
  if (plain !== null) return plain;
  if ("formula" in value || "sharedFormula" in value) return hostValue(value.result);
  if ("hyperlink" in value) return hostValue(value.text);
  if ("error" in value && typeof value.error === "string") return value.error;
  if ("text" in value) return hostValue(value.text);
  return null;
}

function isEmpty(value: HostValue): boolean {
  return value === null || value === "";
}

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
}

export interface ReadXlsxOptions {
  /** Called every `progressEvery` rows of a sheet. */
  onProgress?: (progress: ReadProgress) => void;
  progressEvery?: number;
}

/** Rows of one sheet as they stream in: 0-based sheet row -> cells (0-based column -> value). */
class SheetCollector {
  private headerRow = -1;
  private firstCol = 0;
  private width = 0;
  private readonly rows: HostValue[][] = [];
  private lastNonEmpty = 0;

  constructor(private readonly sheet: string) {}

  add(rowIndex: number, cells: readonly unknown[]): void {
    // ExcelJS row.values is 1-based and sparse.
    if (this.headerRow < 0) {
      let first = -1;
      let last = -1;
      for (let index = 1; index < cells.length; index++) {
        if (!isEmpty(hostValue(cells[index]))) {
          if (first < 0) first = index;
          last = index;
        }
      }
      if (first < 0) return;
      this.headerRow = rowIndex;
      this.firstCol = first - 1;
      this.width = last - first + 1;
      this.rows.push(this.slice(cells));
      return;
    }
    const values = this.slice(cells);
    if (values.every(isEmpty)) return;
    const offset = rowIndex - this.headerRow;
    // Rows the stream skipped (empty) still count: problems name sheet rows.
    while (this.rows.length < offset) this.rows.push(new Array<HostValue>(this.width).fill(null));
    this.rows.push(values);
    this.lastNonEmpty = offset;
  }

  private slice(cells: readonly unknown[]): HostValue[] {
    const values = new Array<HostValue>(this.width);
    for (let index = 0; index < this.width; index++)
      values[index] = hostValue(cells[this.firstCol + index + 1]);
    return values;
  }

  grid(): SourceGrid | null {
    if (this.headerRow < 0) return null;
    this.rows.length = this.lastNonEmpty + 1;
    return { sheet: this.sheet, row: this.headerRow, col: this.firstCol, values: this.rows };
  }
}

/**
 * One grid per worksheet that has any value: its first non-empty row is the header, its columns
 * span that header, and its data rows run to the last non-empty row.
 */
export async function readXlsxGrids(filePath: string, options: ReadXlsxOptions = {}): Promise<SourceGrid[]> {
  const every = options.progressEvery ?? 100_000;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Needed to tell dates from numbers (a date format turns a serial into a JS Date).
    styles: "cache",
    // Hyperlink cells already hold their display text; the link targets are not needed.
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const grids: SourceGrid[] = [];
  for await (const worksheetReader of reader) {
    // ExcelJS's types omit the sheet name that its reader sets from workbook.xml.
    const sheet = (worksheetReader as unknown as { name: string }).name;
    const collector = new SheetCollector(sheet);
    let rowsRead = 0;
    for await (const row of worksheetReader) {
      collector.add(row.number - 1, row.values as unknown[]);
      rowsRead++;
      if (options.onProgress && rowsRead % every === 0) options.onProgress({ sheet, rowsRead });
    }
    const grid = collector.grid();
    if (grid) grids.push(grid);
  }
  return grids;
}
