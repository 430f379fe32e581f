/**
 * Formats, colours and the sheet builder that every report's layout uses: a layout is built top to
 * bottom, and the builder decides the shared things once (header block, tables, charts beside them).
 */
import { type MonthKey, type VarianceStatus, formatMonthLong } from "../../sec";
import {
  type CellStyle,
  type CellValue,
  type ChartSpec,
  type Classification,
  type ReportKind,
  type SheetLayout,
  type TableSpec,
  tableDataRows,
} from "../layout";

export const DATE_FORMAT = "dd/mm/yyyy";
export const LONG_DATE_FORMAT = "d mmmm yyyy";
export const COUNT_FORMAT = "#,##0";
export const DIFFERENCE_FORMAT = "+#,##0;-#,##0;0";
export const PERCENT_FORMAT = "0.0%";
const TABLE_STYLE = "TableStyleMedium2";
export const AMBER = "#FFC000";
const TAB_COLORS: Record<Classification, string> = { "AMBER: SEC Panel only": AMBER, WHITE: "#D9D9D9" };

/** The fill and font a status is shown in. */
export interface StatusColor {
  fill: string;
  fontColor: string;
}

/** Fill and font of each variance status in the Status columns. */
export const STATUS_COLORS: Record<VarianceStatus, StatusColor> = {
  Over: { fill: "#F4CCCC", fontColor: "#9C0006" },
  Under: { fill: "#FFE599", fontColor: "#7F6000" },
  "No forecast": { fill: "#D9D2E9", fontColor: "#5B2C6F" },
  Within: { fill: "#D9EAD3", fontColor: "#274E13" },
};

/** Columns to the right of the tables where chart sources and charts go. */
export const SIDE_COL = 10;

/** Builds one sheet top to bottom; `next` is the first free row. */
export class SheetBuilder {
  readonly layout: SheetLayout;
  next = 0;

  constructor(name: string, kind: ReportKind, classification: Classification, columnWidths: number[]) {
    this.layout = {
      name,
      kind,
      classification,
      tabColor: TAB_COLORS[classification],
      values: [],
      styles: [],
      tables: [],
      conditionalFormats: [],
      charts: [],
      columnWidths,
      freezeRows: 0,
    };
  }

  put(row: number, col: number, values: CellValue[][]): void {
    this.layout.values.push({ row, col, values });
  }

  style(row: number, col: number, rowCount: number, colCount: number, style: CellStyle): void {
    this.layout.styles.push({ row, col, rowCount, colCount, style });
  }

  /** One line of text in column A. */
  line(text: string, style?: CellStyle): number {
    const row = this.next++;
    this.put(row, 0, [[text]]);
    if (style) this.style(row, 0, 1, 1, style);
    return row;
  }

  heading(text: string, fontSize = 12): number {
    return this.line(text, { bold: true, fontSize });
  }

  blank(): void {
    this.next++;
  }

  /** A label in column A and its value in column B. */
  labelValue(label: string, value: CellValue, numberFormat?: string): number {
    const row = this.next++;
    this.put(row, 0, [[label, value]]);
    if (numberFormat && typeof value === "number") {
      this.style(row, 1, 1, 1, { numberFormat, horizontalAlignment: "Right" });
    } else {
      this.style(row, 1, 1, 1, { horizontalAlignment: "Right" });
    }
    return row;
  }

  /** Title, SEC section, period, due date and classification. */
  headerBlock(
    title: string,
    section: string,
    period: MonthKey,
    dueDate: number,
    classification: Classification
  ): void {
    this.line(title, { bold: true, fontSize: 16 });
    this.line(section, { italic: true });
    this.labelValue("Period", formatMonthLong(period));
    this.labelValue("Due date", dueDate, LONG_DATE_FORMAT);
    const row = this.labelValue("Classification", classification);
    this.style(row, 1, 1, 1, {
      bold: true,
      fill: classification === "WHITE" ? "#FFFFFF" : AMBER,
      horizontalAlignment: "Left",
    });
    // Frozen, so the title and the classification marking stay on screen over a long table.
    this.layout.freezeRows = row + 1;
    this.layout.headerRows = row + 1;
  }

  /**
   * An Excel table (header + rows) at the next row; leaves a blank row after it. `status` colours
   * the cells of a status column by their text.
   */
  table(
    spec: Omit<TableSpec, "row" | "col" | "rowCount" | "style">,
    rows: CellValue[][],
    status?: { col: number; colors: Readonly<Record<string, StatusColor>> }
  ): TableSpec {
    const row = this.next;
    const values: CellValue[][] = new Array<CellValue[]>(rows.length + 1);
    values[0] = spec.headers.slice();
    for (let index = 0; index < rows.length; index++) values[index + 1] = rows[index];
    this.put(row, 0, values);
    const table: TableSpec = { ...spec, row, col: 0, rowCount: rows.length, style: TABLE_STYLE };
    this.layout.tables.push(table);
    if (status && rows.length > 0) {
      for (const [text, color] of Object.entries(status.colors)) {
        this.layout.conditionalFormats.push({
          row: row + 1,
          col: status.col,
          rowCount: rows.length,
          colCount: 1,
          text,
          ...color,
        });
      }
    }
    this.next = row + 1 + tableDataRows(table) + 1;
    return table;
  }

  /** A small chart source block (header + rows) at (row, SIDE_COL), and a chart over it below the block. */
  sideChart(
    row: number,
    title: string,
    type: ChartSpec["type"],
    values: CellValue[][],
    numberFormat: string
  ): void {
    this.put(row, SIDE_COL, values);
    this.style(row, SIDE_COL, 1, values[0].length, { bold: true });
    if (values.length > 1)
      this.style(row + 1, SIDE_COL + 1, values.length - 1, values[0].length - 1, { numberFormat });
    this.chart(
      title,
      type,
      { row, col: SIDE_COL, rowCount: values.length, colCount: values[0].length },
      row + values.length + 1
    );
  }

  chart(title: string, type: ChartSpec["type"], source: ChartSpec["source"], anchorRow: number): void {
    this.layout.charts.push({
      title,
      type,
      source,
      anchor: { row: anchorRow, col: SIDE_COL, widthCols: 8, heightRows: 16 },
    });
  }
}
