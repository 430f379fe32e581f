/**
 * The workbook state behind the in-memory Excel host (see excel-host.ts for what is modelled),
 * with A1 addresses, Excel's cell-input rules and the name rules for sheets and tables.
 * Plain data and pure functions; no Node APIs, so it also runs in a browser bundle.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** What a cell holds after input: empty cells are `undefined` in the grid. */
export type StoredValue = string | number | boolean;

/** The cell-level formats the host keeps (last application wins). */
export interface FormatProps {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface ChartState {
  id: string;
  name: string;
  chartType: string;
  seriesBy: string;
  source: { sheetId: string; rect: Rect };
  title: string;
  /** Cells the chart is placed over (top-left, bottom-right); null until setPosition. */
  position: { start: Rect; end: Rect | null } | null;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rect: Rect;
  /** The rule as set through the API (textComparison, cellValue or custom). */
  rule: Record<string, unknown> | null;
  fill: string | null;
  fontColor: string | null;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  /** cells[row][col]; rows and cells created on demand. */
  cells: (StoredValue | undefined)[][];
  /** Formulas by cell key (row * MAX_COLUMNS + col); the cell's value is then FORMULA_RESULT. */
  formulas: Map<number, string>;
  /** Keys of the cells holding an error (#N/A, ...): the cell's value is the error's text. */
  errors: Set<number>;
  numberFormats: (string | undefined)[][];
  formats: { rect: Rect; props: FormatProps }[];
  /** Column widths in points by column index. */
  columnWidths: Map<number, number>;
  frozenRows: number;
  charts: ChartState[];
  conditionalFormats: ConditionalFormatState[];
}

export interface TableState {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included. */
  rect: Rect;
  style: string;
}

/** A defined name: workbook scope (sheetId null) or one sheet's. */
export interface NameState {
  name: string;
  sheetId: string | null;
  /** What it refers to, as Excel shows it ("=Sheet1!$A$1"). */
  formula: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  names: NameState[];
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect } | null;
  nextId: number;
}

/** The host does not evaluate formulas: every formula cell shows this error. */
export const FORMULA_RESULT = "#NAME?";

/**
 * The errors a person can type into a cell (Excel stores them as errors, not text). Newer errors
 * (#SPILL!, #CALC!, #FIELD!, ...) only come from formulas: give them to createExcelHost as `cellError`.
 */
export const TYPED_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
]);
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_FONT = {
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
};

/** An Office.js-shaped error: `code` as Office.js names it, and `debugInfo`. */
export class HostOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function newId(state: WorkbookState, prefix: string): string {
  state.nextId += 1;
  return `{${prefix}-${String(state.nextId).padStart(8, "0")}}`;
}

export function emptySheet(state: WorkbookState, name: string): SheetState {
  return {
    id: newId(state, "sheet"),
    name,
    visibility: "Visible",
    tabColor: "",
    cells: [],
    formulas: new Map(),
    errors: new Set(),
    numberFormats: [],
    formats: [],
    columnWidths: new Map(),
    frozenRows: 0,
    charts: [],
    conditionalFormats: [],
  };
}

// ---------------------------------------------------------------------------------------------
// A1 addresses

export function columnLetters(col: number): string {
  let letters = "";
  let rest = col + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

export function rectToA1(rect: Rect): string {
  const first = columnLetters(rect.col) + String(rect.row + 1);
  if (rect.rowCount === 1 && rect.colCount === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.colCount - 1)}${rect.row + rect.rowCount}`;
}

/** A sheet name as Excel writes it before "!": quoted unless it is a plain identifier. */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheetName: string, rect: Rect): string {
  return `${sheetReference(sheetName)}!${rectToA1(rect)}`;
}

function invalidAddress(address: string): HostOfficeError {
  return new HostOfficeError("InvalidArgument", `The address "${address}" is not valid.`);
}

/** Parses "A1", "$B$2:C3", "A:C", "2:5", with an optional "Sheet!" or "'My sheet'!" prefix. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    const ref = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    sheet = ref.startsWith("'") && ref.endsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
  }
  const parts = rest.replace(/\$/g, "").split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw invalidAddress(address);
  const ends = parts.map((part) => {
    const cell = /^([A-Za-z]{1,3})?(\d+)?$/.exec(part);
    if (!cell || (cell[1] === undefined && cell[2] === undefined)) throw invalidAddress(address);
    return {
      col: cell[1] === undefined ? null : columnIndex(cell[1]),
      row: cell[2] === undefined ? null : Number(cell[2]) - 1,
    };
  });
  const first = ends[0];
  const last = ends[ends.length - 1];
  // Whole columns ("A:C") or whole rows ("2:5") need both ends of the same kind.
  if ((first.row === null) !== (last.row === null) || (first.col === null) !== (last.col === null)) {
    throw invalidAddress(address);
  }
  if (ends.length === 1 && (first.row === null || first.col === null)) throw invalidAddress(address);
  const row0 = first.row ?? 0;
  const row1 = last.row ?? MAX_ROWS - 1;
  const col0 = first.col ?? 0;
  const col1 = last.col ?? MAX_COLUMNS - 1;
  const rect = {
    row: Math.min(row0, row1),
    col: Math.min(col0, col1),
    rowCount: Math.abs(row1 - row0) + 1,
    colCount: Math.abs(col1 - col0) + 1,
  };
  checkRect(rect, address);
  return { sheet, rect };
}

export function checkRect(rect: Rect, what = "range"): void {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rowCount) &&
    Number.isInteger(rect.colCount) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rowCount >= 1 &&
    rect.colCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.col + rect.colCount <= MAX_COLUMNS;
  if (!ok) throw new HostOfficeError("InvalidArgument", `The ${what} is outside the worksheet.`);
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

export function rectContainsCell(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount
  );
}

// ---------------------------------------------------------------------------------------------
// Cell input: what Excel stores when a value is written through Range.values / Range.formulas

export type CellInput =
  | { kind: "keep" }
  | { kind: "clear" }
  | { kind: "value"; value: StoredValue }
  | { kind: "error"; text: string }
  | { kind: "formula"; formula: string };

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * Excel's reading of one written cell, as if typed: `null` keeps the cell, "" clears it, a leading
 * apostrophe makes the rest text, "=..." is a formula, number-like text becomes a number ("110",
 * "-5", "1e3", "50%"), TRUE/FALSE become booleans, and other text starting with "+", "-" or "@" is
 * taken as a formula (Excel's documented behaviour for values starting with + - =).
 */
export function readCellInput(input: unknown): CellInput {
  if (input === null || input === undefined) return { kind: "keep" };
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      throw new HostOfficeError("InvalidArgument", "A cell value is not a finite number.");
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string") {
    throw new HostOfficeError("InvalidArgument", `A cell value of type ${typeof input} is not valid.`);
  }
  if (input === "") return { kind: "clear" };
  const first = input.charCodeAt(0);
  if (first === 39 /* ' */) {
    const text = input.slice(1);
    return text === "" ? { kind: "clear" } : { kind: "value", value: text };
  }
  if (first === 61 /* = */ && input.length > 1) return { kind: "formula", formula: input };
  const trimmed = input.trim();
  if (NUMBER_TEXT.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
    return { kind: "value", value: percent ? number / 100 : number };
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (TYPED_ERRORS.has(upper)) return { kind: "error", text: upper };
  if (first === 43 /* + */ || first === 45 /* - */) return { kind: "formula", formula: "=" + input };
  if (first === 64 /* @ */ && input.length > 1) return { kind: "formula", formula: "=" + input.slice(1) };
  return { kind: "value", value: input };
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function getCell(sheet: SheetState, row: number, col: number): StoredValue | undefined {
  const cells = sheet.cells[row];
  return cells === undefined ? undefined : cells[col];
}

export function setCell(sheet: SheetState, row: number, col: number, value: StoredValue | undefined): void {
  let cells = sheet.cells[row];
  if (cells === undefined) {
    if (value === undefined) return;
    cells = [];
    sheet.cells[row] = cells;
  }
  cells[col] = value;
}

export function applyCellInput(sheet: SheetState, row: number, col: number, input: CellInput): void {
  switch (input.kind) {
    case "keep":
      return;
    case "clear":
      setCell(sheet, row, col, undefined);
      sheet.formulas.delete(cellKey(row, col));
      sheet.errors.delete(cellKey(row, col));
      return;
    case "value":
      setCell(sheet, row, col, input.value);
      if (sheet.formulas.size > 0) sheet.formulas.delete(cellKey(row, col));
      if (sheet.errors.size > 0) sheet.errors.delete(cellKey(row, col));
      return;
    case "error":
      setCell(sheet, row, col, input.text);
      sheet.formulas.delete(cellKey(row, col));
      sheet.errors.add(cellKey(row, col));
      return;
    case "formula":
      setCell(sheet, row, col, FORMULA_RESULT);
      sheet.formulas.set(cellKey(row, col), input.formula);
      sheet.errors.add(cellKey(row, col));
      return;
  }
}

/** The values Excel returns for a range: "" for empty cells. */
export function readValues(sheet: SheetState, rect: Rect): StoredValue[][] {
  const out: StoredValue[][] = new Array(rect.rowCount);
  for (let r = 0; r < rect.rowCount; r++) {
    const cells = sheet.cells[rect.row + r];
    const row: StoredValue[] = new Array(rect.colCount);
    for (let c = 0; c < rect.colCount; c++) {
      const value = cells === undefined ? undefined : cells[rect.col + c];
      row[c] = value === undefined ? "" : value;
    }
    out[r] = row;
  }
  return out;
}

export function readFormulas(sheet: SheetState, rect: Rect): StoredValue[][] {
  const values = readValues(sheet, rect);
  if (sheet.formulas.size === 0) return values;
  for (let r = 0; r < rect.rowCount; r++) {
    for (let c = 0; c < rect.colCount; c++) {
      const formula = sheet.formulas.get(cellKey(rect.row + r, rect.col + c));
      if (formula !== undefined) values[r][c] = formula;
    }
  }
  return values;
}

/** Excel's valueTypes: "Empty", "String", "Double", "Boolean" or "Error". */
export function readValueTypes(sheet: SheetState, rect: Rect): string[][] {
  const out: string[][] = new Array(rect.rowCount);
  for (let r = 0; r < rect.rowCount; r++) {
    const cells = sheet.cells[rect.row + r];
    const row: string[] = new Array(rect.colCount);
    for (let c = 0; c < rect.colCount; c++) {
      const value = cells === undefined ? undefined : cells[rect.col + c];
      row[c] =
        value === undefined
          ? "Empty"
          : sheet.errors.has(cellKey(rect.row + r, rect.col + c))
            ? "Error"
            : typeof value === "number"
              ? "Double"
              : typeof value === "boolean"
                ? "Boolean"
                : "String";
    }
    out[r] = row;
  }
  return out;
}

export function readNumberFormats(sheet: SheetState, rect: Rect): string[][] {
  const out: string[][] = new Array(rect.rowCount);
  for (let r = 0; r < rect.rowCount; r++) {
    const formats = sheet.numberFormats[rect.row + r];
    const row: string[] = new Array(rect.colCount);
    for (let c = 0; c < rect.colCount; c++) {
      const format = formats === undefined ? undefined : formats[rect.col + c];
      row[c] = format === undefined ? "General" : format;
    }
    out[r] = row;
  }
  return out;
}

/** The smallest rectangle holding every non-empty cell, or null for an empty sheet. */
export function usedRect(sheet: SheetState): Rect | null {
  let minRow = -1;
  let maxRow = -1;
  let minCol = Number.MAX_SAFE_INTEGER;
  let maxCol = -1;
  sheet.cells.forEach((cells, row) => {
    let any = false;
    cells.forEach((value, col) => {
      if (value === undefined) return;
      any = true;
      if (col < minCol) minCol = col;
      if (col > maxCol) maxCol = col;
    });
    if (!any) return;
    if (minRow < 0) minRow = row;
    maxRow = row;
  });
  if (minRow < 0) return null;
  return { row: minRow, col: minCol, rowCount: maxRow - minRow + 1, colCount: maxCol - minCol + 1 };
}

/** The format of one cell: every application covering it, in order. */
export function defaultFormat(): Required<FormatProps> {
  return {
    ...DEFAULT_FONT,
    fill: "#FFFFFF",
    wrapText: false,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
  };
}

export function cellFormat(sheet: SheetState, row: number, col: number): Required<FormatProps> {
  const format = defaultFormat();
  for (const application of sheet.formats) {
    if (rectContainsCell(application.rect, row, col)) Object.assign(format, application.props);
  }
  return format;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Excel's sheet name rules: 1-31 characters, none of : \ / ? * [ ], no leading/trailing apostrophe. */
export function checkSheetName(state: WorkbookState, name: unknown, except?: SheetState): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
    throw new HostOfficeError("InvalidArgument", `The sheet name "${String(name)}" is not valid.`);
  }
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new HostOfficeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
  }
  const lower = name.toLowerCase();
  if (state.sheets.some((s) => s !== except && s.name.toLowerCase() === lower)) {
    throw new HostOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }
  return name;
}

/**
 * Excel's table name rules: a letter (any script), _ or \ first; letters, digits, _ . \ after; at most
 * 255 characters; not TRUE or FALSE; not a cell reference and not beginning like an R1C1 one
 * ("C1_x", "R2C3a"); unique among tables and defined names (of any scope), ignoring case.
 */
export function checkTableName(state: WorkbookState, name: unknown, except?: TableState): string {
  const valid =
    typeof name === "string" &&
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !looksLikeCellReference(name);
  if (!valid) throw new HostOfficeError("InvalidArgument", `The table name "${String(name)}" is not valid.`);
  const lower = name.toLowerCase();
  if (state.tables.some((t) => t !== except && t.name.toLowerCase() === lower)) {
    throw new HostOfficeError("ItemAlreadyExists", `A table named "${name}" already exists.`);
  }
  if (state.names.some((n) => n.name.toLowerCase() === lower)) {
    throw new HostOfficeError("ItemAlreadyExists", `A defined name "${name}" already exists.`);
  }
  return name;
}

function looksLikeCellReference(name: string): boolean {
  if (/^[rRcC]$/.test(name) || /^[rR]\d*[cC]\d*$/.test(name)) return true;
  // Begins like an R1C1 reference: R or C with a number, then anything but a letter or digit.
  if (/^([rR]\d+([cC]\d*)?|[cC]\d+)([^\p{L}\p{N}]|$)/u.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  return a1 !== null && columnIndex(a1[1]) < MAX_COLUMNS && Number(a1[2]) <= MAX_ROWS && Number(a1[2]) >= 1;
}

export function findSheetByName(state: WorkbookState, name: string): SheetState | undefined {
  const lower = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function findSheetById(state: WorkbookState, id: string): SheetState {
  const sheet = state.sheets.find((s) => s.id === id);
  if (!sheet) throw new HostOfficeError("ItemNotFound", "The worksheet no longer exists.");
  return sheet;
}

export function findTableByName(state: WorkbookState, name: string): TableState | undefined {
  const lower = name.toLowerCase();
  return state.tables.find((t) => t.name.toLowerCase() === lower);
}
