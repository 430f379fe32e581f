/**
 * Reads an .xlsx file into source grids, completely and deterministically, whatever the order of the
 * parts in its zip and however many sheets it has.
 *
 * The workbook, its relationships, shared strings, styles and table definitions are read first, through
 * random access to the zip (./xlsx-package); then each sheet's XML is streamed once, so a sheet of a
 * million rows is never held as text or as cell objects: only the values arrays of its grids remain.
 * Values are what Office.js gives the task pane (numbers, text, booleans, null; dates as serials in the
 * 1900 date system), so the same src/reports code reads both.
 *
 * Grids: each Excel table (from its definition, anywhere on its sheet); on a sheet without tables, one
 * plain range whose header row is the first of the sheet's first rows that `isHeaderRow` accepts (titles
 * above it are skipped). Cells the reports must not trust (a formula with no calculated value, an Excel
 * error, text longer than a cell may hold) are returned as issues, for the caller to report where used.
 */
import { type CellIssue, type SourceGrid, errorCellDetail } from "../reports";
import { WorkbookReadError, XlsxPackage } from "./xlsx-package";

export { WorkbookReadError };
export type { CellIssue };

/** A value as a host gives it: what src/reports accepts. */
export type HostValue = string | number | boolean | null;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
  /** Names of the Excel tables on the sheet. */
  tables: string[];
  /** True when the sheet holds no value at all. */
  empty: boolean;
}

/** Something on a sheet that was not turned into a grid, and why. */
export interface NotRead {
  sheet: string;
  table?: string;
  reason: string;
}

export interface WorkbookContents {
  grids: SourceGrid[];
  sheets: SheetInfo[];
  issues: CellIssue[];
  notRead: NotRead[];
}

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
}

export interface ReadXlsxOptions {
  /** Called every `progressEvery` rows of a sheet. */
  onProgress?: (progress: ReadProgress) => void;
  progressEvery?: number;
  /** Whether a row (dense cells from column A) is a header row; default: any non-empty row. */
  isHeaderRow?: (cells: readonly HostValue[]) => boolean;
}

/** How many non-empty rows at the top of a sheet are searched for its header row. */
export const HEADER_SEARCH_ROWS = 20;

/** Excel's limit on the characters in one cell. */
export const EXCEL_MAX_TEXT_LENGTH = 32_767;

/** Serial of 1904-01-01 in the 1900 date system: added to dates of a workbook in the 1904 system. */
const DATE_1904_OFFSET = 1462;
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** Built-in number formats that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time (quoted text, escapes and [colour] ignored). */
export function isDateFormatCode(code: string): boolean {
  const firstSection = code.split(";")[0];
  const bare = firstSection
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/general/gi, "");
  return /[dmyhs]/i.test(bare);
}

/** 0-based column of an A1 reference ("AB12" -> 27), or -1. */
function columnOfReference(reference: string): number {
  let col = 0;
  let index = 0;
  for (; index < reference.length; index++) {
    const code = reference.charCodeAt(index) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return index === 0 ? -1 : col - 1;
}

function rowOfReference(reference: string): number {
  const match = /\d+$/.exec(reference);
  return match ? Number(match[0]) - 1 : -1;
}

function isEmpty(value: HostValue): boolean {
  return value === null || value === "";
}

interface TableDefinition {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

/** A sheet row as it streams in: the non-empty cells only. */
interface StreamedRow {
  row: number;
  cols: number[];
  values: HostValue[];
}

interface Collector {
  add(row: StreamedRow): void;
  grid(): SourceGrid | null;
}

/** The rows of one Excel table, from its definition. */
class TableCollector implements Collector {
  private readonly rows: HostValue[][] = [];
  private lastNonEmpty = 0;
  private readonly width: number;
  private readonly lastDataRow: number;

  constructor(
    private readonly sheet: string,
    private readonly table: TableDefinition
  ) {
    this.width = table.right - table.left + 1;
    this.lastDataRow = table.bottom - table.totalsRows;
    // The header comes from the definition, which Excel keeps equal to the header cells.
    const header = new Array<HostValue>(this.width).fill(null);
    table.columns.forEach((name, index) => {
      if (index < this.width) header[index] = name;
    });
    this.rows.push(header);
  }

  add({ row, cols, values }: StreamedRow): void {
    if (row <= this.table.top || row > this.lastDataRow) return;
    const cells = new Array<HostValue>(this.width).fill(null);
    let any = false;
    for (let index = 0; index < cols.length; index++) {
      const offset = cols[index] - this.table.left;
      if (offset < 0 || offset >= this.width) continue;
      cells[offset] = values[index];
      any = true;
    }
    if (!any) return;
    const offset = row - this.table.top;
    while (this.rows.length < offset) this.rows.push(new Array<HostValue>(this.width).fill(null));
    this.rows.push(cells);
    this.lastNonEmpty = offset;
  }

  grid(): SourceGrid {
    this.rows.length = this.lastNonEmpty + 1;
    return {
      sheet: this.sheet,
      table: this.table.name,
      row: this.table.top,
      col: this.table.left,
      values: this.rows,
    };
  }
}

/**
 * A plain range: the header is the first of the sheet's first non-empty rows that `isHeaderRow` accepts
 * (else the first non-empty row), its columns span that header, its data rows run to the last non-empty row.
 */
class PlainRangeCollector implements Collector {
  private readonly candidates: StreamedRow[] = [];
  private headerRow = -1;
  private firstCol = 0;
  private width = 0;
  private readonly rows: HostValue[][] = [];
  private lastNonEmpty = 0;

  constructor(
    private readonly sheet: string,
    private readonly isHeaderRow: (cells: readonly HostValue[]) => boolean
  ) {}

  add(row: StreamedRow): void {
    if (this.headerRow >= 0) {
      this.addData(row);
      return;
    }
    if (!row.values.some((value) => !isEmpty(value))) return;
    this.candidates.push(row);
    if (this.isHeaderRow(dense(row))) this.takeHeader(this.candidates.length - 1);
    else if (this.candidates.length >= HEADER_SEARCH_ROWS) this.takeHeader(0);
  }

  private takeHeader(index: number): void {
    const header = this.candidates[index];
    let first = Infinity;
    let last = -1;
    header.cols.forEach((col, at) => {
      if (isEmpty(header.values[at])) return;
      first = Math.min(first, col);
      last = Math.max(last, col);
    });
    this.headerRow = header.row;
    this.firstCol = first;
    this.width = last - first + 1;
    this.rows.push(this.slice(header));
    const later = this.candidates.slice(index + 1);
    this.candidates.length = 0;
    for (const row of later) this.addData(row);
  }

  private slice({ cols, values }: StreamedRow): HostValue[] {
    const cells = new Array<HostValue>(this.width).fill(null);
    for (let index = 0; index < cols.length; index++) {
      const offset = cols[index] - this.firstCol;
      if (offset >= 0 && offset < this.width) cells[offset] = values[index];
    }
    return cells;
  }

  private addData(row: StreamedRow): void {
    const cells = this.slice(row);
    if (cells.every(isEmpty)) return;
    const offset = row.row - this.headerRow;
    // Rows the file skips (empty) still count: problems name sheet rows.
    while (this.rows.length < offset) this.rows.push(new Array<HostValue>(this.width).fill(null));
    this.rows.push(cells);
    this.lastNonEmpty = offset;
  }

  grid(): SourceGrid | null {
    if (this.headerRow < 0 && this.candidates.length > 0) this.takeHeader(0);
    if (this.headerRow < 0) return null;
    this.rows.length = this.lastNonEmpty + 1;
    return { sheet: this.sheet, row: this.headerRow, col: this.firstCol, values: this.rows };
  }
}

function dense({ cols, values }: StreamedRow): HostValue[] {
  const cells: HostValue[] = [];
  for (let index = 0; index < cols.length; index++) {
    while (cells.length < cols[index]) cells.push(null);
    cells[cols[index]] = values[index];
  }
  return cells;
}

interface WorkbookParts {
  sheets: { name: string; visibility: SheetVisibility; part: string }[];
  sharedStringsPart?: string;
  stylesPart?: string;
  date1904: boolean;
}

async function readWorkbookPart(xlsx: XlsxPackage): Promise<WorkbookParts> {
  const rootRelationships = await xlsx.relationships("");
  const officeDocument = [...rootRelationships.values()].find(
    (relationship) => relationship.type === "officeDocument"
  );
  const workbookPart = officeDocument?.target ?? "xl/workbook.xml";
  if (!xlsx.has(workbookPart)) {
    throw new WorkbookReadError(
      "not an .xlsx workbook: the file is a zip package with no workbook in it (is it a .docx, .pptx or .ods?)"
    );
  }
  const relationships = await xlsx.relationships(workbookPart);
  const declared: { name: string; visibility: SheetVisibility; id: string }[] = [];
  let date1904 = false;
  await xlsx.walk(workbookPart, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      if (name !== "sheet") return;
      const idAttribute = Object.keys(attributes).find((key) => key === "id" || key.endsWith(":id"));
      const state = attributes.state;
      declared.push({
        name: attributes.name ?? "",
        visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
        id: idAttribute ? attributes[idAttribute] : "",
      });
    },
  });
  const sheets: WorkbookParts["sheets"] = [];
  for (const sheet of declared) {
    const relationship = relationships.get(sheet.id);
    // Chart sheets and dialog sheets hold no cells.
    if (relationship?.type !== "worksheet") continue;
    sheets.push({ name: sheet.name, visibility: sheet.visibility, part: relationship.target });
  }
  const partOfType = (type: string): string | undefined =>
    [...relationships.values()].find((relationship) => relationship.type === type)?.target;
  return {
    sheets,
    sharedStringsPart: partOfType("sharedStrings"),
    stylesPart: partOfType("styles"),
    date1904,
  };
}

/** The shared strings, rich text as its plain text; phonetic runs (<rPh>) left out, as Excel shows them. */
async function readSharedStrings(xlsx: XlsxPackage, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (part === undefined || !xlsx.has(part)) return strings;
  let current = "";
  let inText = false;
  let inPhonetic = false;
  await xlsx.walk(part, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "t") inText = !inPhonetic;
      else if (name === "rPh") inPhonetic = true;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") strings.push(current);
    },
  });
  return strings;
}

/** For each cell style index, whether its number format shows a date. */
async function readDateStyles(xlsx: XlsxPackage, part: string | undefined): Promise<boolean[]> {
  const dateStyles: boolean[] = [];
  if (part === undefined || !xlsx.has(part)) return dateStyles;
  const customFormats = new Map<number, string>();
  let inCellFormats = false;
  await xlsx.walk(part, {
    open(name, attributes) {
      if (name === "numFmt") customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellFormats = true;
      else if (name === "xf" && inCellFormats) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = customFormats.get(id);
        dateStyles.push(code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellFormats = false;
    },
  });
  return dateStyles;
}

async function readTables(xlsx: XlsxPackage, sheetPart: string): Promise<TableDefinition[]> {
  const tables: TableDefinition[] = [];
  for (const relationship of (await xlsx.relationships(sheetPart)).values()) {
    if (relationship.type !== "table" || !xlsx.has(relationship.target)) continue;
    let table: TableDefinition | null = null;
    await xlsx.walk(relationship.target, {
      open(name, attributes) {
        if (name === "table") {
          const [from, to = from] = (attributes.ref ?? "").split(":");
          table = {
            name: attributes.displayName ?? attributes.name ?? "",
            top: rowOfReference(from),
            left: columnOfReference(from),
            bottom: rowOfReference(to),
            right: columnOfReference(to),
            headerRows: attributes.headerRowCount === undefined ? 1 : Number(attributes.headerRowCount),
            totalsRows: Number(attributes.totalsRowCount ?? 0),
            columns: [],
          };
        } else if (name === "tableColumn" && table) {
          table.columns.push(attributes.name ?? "");
        }
      },
    });
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Shared by every sheet of one workbook. */
interface CellContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * Streams one sheet's XML, giving each row (non-empty cells only) to `onRow` in sheet order and each
 * untrustworthy cell to `onIssue`.
 */
async function streamSheet(
  xlsx: XlsxPackage,
  part: string,
  context: CellContext,
  onRow: (row: StreamedRow) => void,
  onIssue: (row: number, col: number, detail: string) => void
): Promise<void> {
  const { sharedStrings, dateStyles, date1904 } = context;
  let inSheetData = false;
  let rowIndex = -1;
  let cols: number[] = [];
  let values: HostValue[] = [];
  let col = -1;
  let cellType = "n";
  let cellStyle = 0;
  let hasFormula = false;
  let hasValue = false;
  let collecting = false;
  let inInlineString = false;
  let inPhonetic = false;
  let text = "";

  const cellValue = (): HostValue => {
    if (cellType === "inlineStr") return text;
    if (!hasValue) {
      if (hasFormula)
        onIssue(rowIndex, col, "a formula with no calculated value (open the file in Excel and save it)");
      return null;
    }
    switch (cellType) {
      case "s": {
        const shared = sharedStrings[Number(text)];
        if (shared === undefined)
          throw new WorkbookReadError(`the workbook is damaged: ${part} refers to a missing string`);
        return shared;
      }
      case "str":
        return text;
      case "b":
        return text === "1" || text === "true";
      case "e":
        onIssue(rowIndex, col, errorCellDetail(text, hasFormula));
        return text;
      case "d": {
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
        return Number.isNaN(ms) ? text : ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
      }
      default: {
        const number = Number(text);
        if (text.trim() === "" || Number.isNaN(number)) return text;
        return date1904 && dateStyles[cellStyle] === true ? number + DATE_1904_OFFSET : number;
      }
    }
  };

  await xlsx.walk(part, {
    open(name, attributes) {
      if (!inSheetData) {
        if (name === "sheetData") inSheetData = true;
        return;
      }
      switch (name) {
        case "row":
          rowIndex = attributes.r === undefined ? rowIndex + 1 : Number(attributes.r) - 1;
          col = -1;
          cols = [];
          values = [];
          break;
        case "c":
          col = attributes.r === undefined ? col + 1 : columnOfReference(attributes.r);
          cellType = attributes.t ?? "n";
          cellStyle = attributes.s === undefined ? 0 : Number(attributes.s);
          hasFormula = false;
          hasValue = false;
          inInlineString = false;
          text = "";
          break;
        case "f":
          hasFormula = true;
          break;
        case "v":
          hasValue = true;
          collecting = true;
          text = "";
          break;
        case "is":
          inInlineString = true;
          break;
        case "rPh":
          inPhonetic = true;
          break;
        case "t":
          collecting = inInlineString && !inPhonetic;
          break;
      }
    },
    text(chunk) {
      if (collecting) text += chunk;
    },
    close(name) {
      if (!inSheetData) return;
      switch (name) {
        case "v":
        case "t":
          collecting = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "is":
          inInlineString = false;
          break;
        case "c": {
          const value = cellValue();
          if (isEmpty(value)) break;
          if (typeof value === "string" && value.length > EXCEL_MAX_TEXT_LENGTH) {
            onIssue(
              rowIndex,
              col,
              `text of ${value.length.toLocaleString("en-GB")} characters, over Excel's limit of 32,767 per cell`
            );
          }
          cols.push(col);
          values.push(value);
          break;
        }
        case "row":
          if (cols.length > 0) onRow({ row: rowIndex, cols, values });
          break;
        case "sheetData":
          inSheetData = false;
          break;
      }
    },
  });
}

const anyNonEmptyRow = (cells: readonly HostValue[]): boolean => cells.some((cell) => !isEmpty(cell));

/** Reads every worksheet of a workbook: its grids, its sheets, its untrustworthy cells. */
export async function readXlsxWorkbook(
  filePath: string,
  options: ReadXlsxOptions = {}
): Promise<WorkbookContents> {
  const every = options.progressEvery ?? 100_000;
  const isHeaderRow = options.isHeaderRow ?? anyNonEmptyRow;
  const xlsx = await XlsxPackage.open(filePath);
  try {
    const parts = await readWorkbookPart(xlsx);
    const context: CellContext = {
      sharedStrings: await readSharedStrings(xlsx, parts.sharedStringsPart),
      dateStyles: await readDateStyles(xlsx, parts.stylesPart),
      date1904: parts.date1904,
    };
    const contents: WorkbookContents = { grids: [], sheets: [], issues: [], notRead: [] };
    for (const sheet of parts.sheets) {
      const info: SheetInfo = { name: sheet.name, visibility: sheet.visibility, tables: [], empty: true };
      contents.sheets.push(info);
      if (!xlsx.has(sheet.part)) {
        throw new WorkbookReadError(
          `the workbook is incomplete: sheet "${sheet.name}" (${sheet.part}) is missing`
        );
      }
      const tables = await readTables(xlsx, sheet.part);
      const collectors: Collector[] = [];
      for (const table of tables) {
        info.tables.push(table.name);
        if (table.headerRows < 1 || table.top < 0 || table.left < 0) {
          contents.notRead.push({
            sheet: sheet.name,
            table: table.name,
            reason: "the table has no header row",
          });
        } else {
          collectors.push(new TableCollector(sheet.name, table));
        }
      }
      // A sheet with tables is read through them; other cells on it are notes around the tables.
      if (tables.length === 0) collectors.push(new PlainRangeCollector(sheet.name, isHeaderRow));
      let rowsRead = 0;
      await streamSheet(
        xlsx,
        sheet.part,
        context,
        (row) => {
          info.empty = false;
          for (const collector of collectors) collector.add(row);
          rowsRead++;
          if (options.onProgress && rowsRead % every === 0)
            options.onProgress({ sheet: sheet.name, rowsRead });
        },
        (row, col, detail) => contents.issues.push({ sheet: sheet.name, row, col, detail })
      );
      for (const collector of collectors) {
        const grid = collector.grid();
        if (grid) contents.grids.push(grid);
      }
    }
    return contents;
  } finally {
    xlsx.close();
  }
}

/** The grids of a workbook (see readXlsxWorkbook). */
export async function readXlsxGrids(filePath: string, options: ReadXlsxOptions = {}): Promise<SourceGrid[]> {
  return (await readXlsxWorkbook(filePath, options)).grids;
}
