/**
 * Sheet layouts: the plain-data description of a finished report sheet.
 *
 * The report builders produce layouts; two thin writers render them (src/excel into the open
 * workbook, src/cli into an .xlsx file). Everything a person sees on a report sheet is decided
 * here, so that both writers produce the same sheet and tests can inspect it without a host.
 *
 * Coordinates are 0-based (row 0, col 0 is A1). Every range is a rectangle.
 */
import type { PrintSetup } from "./print";
import type { ReportChoice } from "./registry";

/** A value written to a cell. Strings are always literal text, never formulas. */
export type CellValue = string | number | boolean | null;

/** A rectangle of values anchored at (row, col). All rows have the same length. */
export interface ValueBlock {
  row: number;
  col: number;
  values: CellValue[][];
}

/** Named colours used by layouts, as #RRGGBB. */
export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
}

/** A style applied to a rectangle of cells. */
export interface StyledRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  style: CellStyle;
}

/** An Excel table over a written range: header row at `row`, then `rowCount` data rows. */
export interface TableSpec {
  /** Unique in a workbook, e.g. `SR_2018_01`. */
  name: string;
  row: number;
  col: number;
  headers: string[];
  /** Data rows, not counting the header. May be 0 (Excel tables keep one empty row then). */
  rowCount: number;
  /** Number format per column (null = General), applied to the data rows. */
  columnFormats: (string | null)[];
  /** Excel built-in table style, e.g. `TableStyleMedium2`. */
  style: string;
}

/** The data rows a table covers: an empty Excel table still keeps one (blank) data row. */
export function tableDataRows(table: Pick<TableSpec, "rowCount">): number {
  return Math.max(table.rowCount, 1);
}

/** Colour cells of a range whose text equals `text` (used for the Status column). */
export interface TextConditionalFormat {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  text: string;
  fill: string;
  fontColor: string;
}

/**
 * A chart over a range written on the same sheet. The source range has a header row (series
 * names) and its first column holds the categories.
 */
export interface ChartSpec {
  title: string;
  type: "column" | "line";
  source: { row: number; col: number; rowCount: number; colCount: number };
  /** Top-left cell the chart is placed over, and its size in cells. */
  anchor: { row: number; col: number; widthCols: number; heightRows: number };
}

export type Classification = "AMBER: SEC Panel only" | "WHITE";

export type ReportKind = ReportChoice | "cover";

export interface SheetLayout {
  /** Sheet name, at most 31 characters, e.g. `SR Variance Jan-2018`. */
  name: string;
  kind: ReportKind;
  classification: Classification;
  /** Tab colour as #RRGGBB. */
  tabColor: string;
  values: ValueBlock[];
  styles: StyledRange[];
  tables: TableSpec[];
  conditionalFormats: TextConditionalFormat[];
  charts: ChartSpec[];
  /** Column widths in characters (index = column). */
  columnWidths: number[];
  /** Rows frozen at the top (0 = none). */
  freezeRows: number;
  /** Rows of the header block (title to classification, then the audit stamp); report sheets set it. */
  headerRows?: number;
  /** How the sheet prints (report sheets; see print.ts). Sheets without it keep Excel's defaults. */
  print?: PrintSetup;
}
