/**
 * The Office.js translation of a resolved sheet: a list of work items, each the calls that write one
 * part of the sheet (queued on the request context, not yet sent) and the bytes that part adds to a
 * request, so the transaction can send them in requests under Excel's size limit. Large value blocks
 * and number formats are split by rows so that no item is larger than a request may be.
 */
import type { CellValue, ChartSpec } from "../reports/layout";
import type { ResolvedSheet } from "../reports/resolve";
import {
  cellInputValue,
  estimateRequestBytes,
  OPERATION_OVERHEAD_BYTES,
  rowInputBytes,
  subRangeBytesPerRow,
} from "./payload";
import { PRINT_SETUP_OPERATIONS, printSetupSupported, queuePrintSetup } from "./print-setup";
import type { NamePlan } from "./write-names";

/** The request being built: its context and the sheets created so far, by layout. */
export interface Writer {
  context: Excel.RequestContext;
  sheets: Excel.Worksheet[];
  /** Sheets added since the last sync (their ids arrive with it). */
  added: Excel.Worksheet[];
}

export interface WorkItem {
  layout: number;
  bytes: number;
  queue: (writer: Writer) => void;
}

/** Splits `rowCount` rows into runs whose bytes (rowBytes each) fit `budget`. */
function rowRuns(rowCount: number, rowBytes: (i: number) => number, budget: number, what: string) {
  const runs: { start: number; count: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rowCount; i++) {
    const size = rowBytes(i);
    if (size + 2 > budget) {
      throw new Error(`One row of ${what} needs ${size} bytes, more than a request may carry (${budget}).`);
    }
    if (i > start && bytes + size > budget) {
      runs.push({ start, count: i - start, bytes });
      start = i;
      bytes = 2;
    }
    bytes += size;
  }
  if (rowCount > start) runs.push({ start, count: rowCount - start, bytes });
  return runs;
}

/** Work items that write a range in runs of rows, each run one getRangeByIndexes and one property set. */
function rowRunItems(
  index: number,
  rowCount: number,
  rowBytes: (i: number) => number,
  budget: number,
  what: string,
  queueRun: (sheet: Excel.Worksheet, start: number, count: number) => void
): WorkItem[] {
  const operations = 2;
  const runs = rowRuns(rowCount, rowBytes, budget - operations * OPERATION_OVERHEAD_BYTES, what);
  return runs.map((run) => ({
    layout: index,
    bytes: run.bytes + operations * OPERATION_OVERHEAD_BYTES,
    queue: ({ sheets }) => queueRun(sheets[index], run.start, run.count),
  }));
}

function valueItems(
  index: number,
  row: number,
  col: number,
  values: CellValue[][],
  budget: number
): WorkItem[] {
  if (values.length === 0 || values[0].length === 0) return [];
  const width = values[0].length;
  values.forEach((line, i) => {
    if (line.length !== width)
      throw new Error(`Row ${row + i + 1} of a value block has ${line.length} cells, not ${width}.`);
  });
  const rowBytes = (i: number): number => rowInputBytes(values[i]);
  return rowRunItems(index, values.length, rowBytes, budget, "values", (sheet, start, count) => {
    const grid = new Array<(string | number | boolean)[]>(count);
    for (let r = 0; r < count; r++) grid[r] = values[start + r].map(cellInputValue);
    sheet.getRangeByIndexes(row + start, col, count, width).values = grid;
  });
}

/** One number format over a rectangle, as the 2-D array Office.js takes, split by rows if large. */
function numberFormatItems(
  index: number,
  rect: { row: number; col: number; rowCount: number; colCount: number },
  format: string,
  budget: number
): WorkItem[] {
  const cellBytes = estimateRequestBytes(format, 0) + 1;
  const rowBytes = rect.colCount * cellBytes + 2 + subRangeBytesPerRow(rect.colCount);
  return rowRunItems(
    index,
    rect.rowCount,
    () => rowBytes,
    budget,
    "number formats",
    (sheet, start, count) => {
      const line = new Array<string>(rect.colCount).fill(format);
      const grid = new Array<string[]>(count);
      for (let r = 0; r < count; r++) grid[r] = line;
      sheet.getRangeByIndexes(rect.row + start, rect.col, count, rect.colCount).numberFormat = grid;
    }
  );
}

/** Column widths are given in characters; Excel takes points (about 7 px a character, 0.75 pt a px). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function chartType(spec: ChartSpec): "ColumnClustered" | "Line" {
  return spec.type === "line" ? "Line" : "ColumnClustered";
}

export function itemsForLayout(
  index: number,
  layout: ResolvedSheet,
  plan: NamePlan,
  budget: number
): WorkItem[] {
  const items: WorkItem[] = [];
  const small = (operations: number, payload: unknown, queue: (writer: Writer) => void): void => {
    items.push({ layout: index, bytes: estimateRequestBytes(payload, operations), queue });
  };
  const tempName = plan.tempNames[index];
  small(3, [tempName, layout.tabColor], (writer) => {
    const sheet = writer.context.workbook.worksheets.add(tempName);
    if (layout.tabColor) sheet.tabColor = layout.tabColor;
    sheet.load("id");
    writer.sheets[index] = sheet;
    writer.added.push(sheet);
  });

  // Values first (the tables' header cells among them), then formats.
  for (const block of layout.values)
    items.push(...valueItems(index, block.row, block.col, block.values, budget));
  for (const styled of layout.styles) {
    const { style } = styled;
    const rect = { row: styled.row, col: styled.col, rowCount: styled.rowCount, colCount: styled.colCount };
    if (style.numberFormat !== undefined)
      items.push(...numberFormatItems(index, rect, style.numberFormat, budget));
    const hasOther =
      style.bold !== undefined ||
      style.italic !== undefined ||
      style.fontSize !== undefined ||
      style.fontColor !== undefined ||
      style.fill !== undefined ||
      style.wrap !== undefined ||
      style.horizontalAlignment !== undefined;
    if (!hasOther) continue;
    small(8, style, ({ sheets }) => {
      const range = sheets[index].getRangeByIndexes(rect.row, rect.col, rect.rowCount, rect.colCount);
      if (style.bold !== undefined) range.format.font.bold = style.bold;
      if (style.italic !== undefined) range.format.font.italic = style.italic;
      if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
      if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
      if (style.fill !== undefined) range.format.fill.color = style.fill;
      if (style.wrap !== undefined) range.format.wrapText = style.wrap;
      if (style.horizontalAlignment !== undefined)
        range.format.horizontalAlignment = style.horizontalAlignment;
    });
  }
  // Tables over the written ranges.
  layout.tables.forEach((table, t) => {
    const names = plan.tables[index][t];
    small(4, [names.createAs, table.style], (writer) => {
      const range = writer.sheets[index].getRangeByIndexes(
        table.row,
        table.col,
        1 + table.dataRows,
        table.headers.length
      );
      const created = writer.sheets[index].tables.add(range, true);
      created.name = names.createAs;
      created.style = table.style;
    });
  });

  for (const cf of layout.conditionalFormats) {
    small(7, cf, ({ sheets }) => {
      const range = sheets[index].getRangeByIndexes(cf.row, cf.col, cf.rowCount, cf.colCount);
      // CellValue "equal to" matches the whole cell text; TextComparison has only contains/begins/ends.
      const format = range.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = cf.fill;
      format.cellValue.format.font.color = cf.fontColor;
      format.cellValue.rule = { formula1: `="${cf.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
    });
  }
  for (const chart of layout.charts) {
    small(8, chart.title, ({ sheets }) => {
      const sheet = sheets[index];
      const { source, anchor } = chart;
      const data = sheet.getRangeByIndexes(source.row, source.col, source.rowCount, source.colCount);
      const created = sheet.charts.add(chartType(chart), data, "Columns");
      created.title.text = chart.title;
      created.setPosition(
        sheet.getRangeByIndexes(anchor.row, anchor.col, 1, 1),
        sheet.getRangeByIndexes(anchor.row + anchor.heightRows - 1, anchor.col + anchor.widthCols - 1, 1, 1)
      );
    });
  }
  layout.columnWidths.forEach((width, col) => {
    small(2, width, ({ sheets }) => {
      sheets[index].getRangeByIndexes(0, col, 1, 1).format.columnWidth = charactersToPoints(width);
    });
  });
  if (layout.freezeRows > 0) {
    small(1, layout.freezeRows, ({ sheets }) => sheets[index].freezePanes.freezeRows(layout.freezeRows));
  }
  const { print } = layout;
  if (print && printSetupSupported()) {
    small(PRINT_SETUP_OPERATIONS, print, ({ sheets }) => queuePrintSetup(sheets[index], print));
  }
  return items;
}
