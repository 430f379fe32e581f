/**
 * A layout resolved for the writers. What both writers need and could otherwise decide differently
 * is decided here, once: table header cells come only from the values, the rows an empty table keeps,
 * the table columns' number formats as styles (before the layout's own, which win), and where the note
 * goes for a chart that a writer cannot draw. The Office.js writer (src/excel) and the ExcelJS writer
 * (src/cli) take the same input, resolve it with this, and only translate the result.
 */
import { cellAddress } from "./address";
import {
  type CellStyle,
  type ChartSpec,
  type SheetLayout,
  type StyledRange,
  type TableSpec,
  type TextConditionalFormat,
  type ValueBlock,
  tableDataRows,
} from "./layout";
import type { PrintSetup } from "./print";

/** What a writer is given: a report layout, or any sheet described the same way (sample data, examples). */
export type SheetSource = Pick<
  SheetLayout,
  "name" | "values" | "styles" | "tables" | "conditionalFormats" | "charts" | "columnWidths" | "freezeRows"
> & { tabColor?: string; print?: PrintSetup };

export interface ResolvedTable extends TableSpec {
  /** Data rows the table covers below its header (an empty table keeps one blank row). */
  dataRows: number;
}

/** The cell that stands for a chart where the chart cannot be drawn (a file written by ExcelJS). */
export interface ChartNote {
  row: number;
  col: number;
  text: string;
  style: CellStyle;
}

export interface ResolvedChart extends ChartSpec {
  note: ChartNote;
}

export interface ResolvedSheet {
  name: string;
  /** #RRGGBB, or "" for none. */
  tabColor: string;
  /** Every value, the tables' header cells included, each cell once. */
  values: ValueBlock[];
  /** Every format, in the order to apply it: the tables' column formats, then the layout's styles. */
  styles: StyledRange[];
  tables: ResolvedTable[];
  conditionalFormats: TextConditionalFormat[];
  charts: ResolvedChart[];
  /** Column widths in characters (index = column). */
  columnWidths: number[];
  freezeRows: number;
  print?: PrintSetup;
}

const NOTE_STYLE: CellStyle = { italic: true, fontColor: "#595959" };

/** The note in place of a chart: which range to chart, so a person can draw it in one step. */
export function chartNoteText(title: string, sourceRange: string): string {
  return `Chart data: select ${sourceRange} and Insert > Chart (${title})`;
}

function blockAt(blocks: readonly ValueBlock[], row: number, col: number): ValueBlock | undefined {
  return blocks.find(
    (block) =>
      row >= block.row &&
      row < block.row + block.values.length &&
      col >= block.col &&
      col < block.col + (block.values[0]?.length ?? 0)
  );
}

/** A table's header row must already stand in the values: it is written with them, once. */
function checkHeaderCells(sheet: SheetSource, table: TableSpec): void {
  table.headers.forEach((header, offset) => {
    const col = table.col + offset;
    const block = blockAt(sheet.values, table.row, col);
    const value = block?.values[table.row - block.row][col - block.col];
    if (value !== header) {
      throw new Error(
        `Table ${table.name} on "${sheet.name}": the values must hold its header "${header}" at ` +
          `${cellAddress(table.row, col)}.`
      );
    }
  });
}

/**
 * The tables' column formats over their data rows. Not over the blank row of an empty table: a row
 * with no value cannot carry formats in a streamed .xlsx file, so neither writer formats it.
 */
function tableFormats(tables: readonly TableSpec[]): StyledRange[] {
  const styles: StyledRange[] = [];
  for (const table of tables) {
    if (table.rowCount === 0) continue;
    table.columnFormats.forEach((numberFormat, offset) => {
      if (numberFormat === null) return;
      const rect = { row: table.row + 1, col: table.col + offset, rowCount: table.rowCount, colCount: 1 };
      styles.push({ ...rect, style: { numberFormat } });
    });
  }
  return styles;
}

/** The note goes where the chart would be, else just above its data, else to the right of it: the first free cell. */
function chartNotes(values: readonly ValueBlock[], charts: readonly ChartSpec[]): ResolvedChart[] {
  const taken: ValueBlock[] = [...values];
  return charts.map((chart) => {
    const { source, anchor } = chart;
    const range = `${cellAddress(source.row, source.col)}:${cellAddress(
      source.row + source.rowCount - 1,
      source.col + source.colCount - 1
    )}`;
    const candidates = [
      { row: anchor.row, col: anchor.col },
      { row: source.row - 1, col: source.col },
      { row: source.row, col: source.col + source.colCount },
    ];
    const spot =
      candidates.find((cell) => cell.row >= 0 && !blockAt(taken, cell.row, cell.col)) ?? candidates[0];
    const text = chartNoteText(chart.title, range);
    taken.push({ row: spot.row, col: spot.col, values: [[text]] });
    return { ...chart, note: { ...spot, text, style: NOTE_STYLE } };
  });
}

/** The sheet as both writers translate it. */
export function resolveSheet(sheet: SheetSource): ResolvedSheet {
  const tables = sheet.tables.map((table) => {
    checkHeaderCells(sheet, table);
    return { ...table, dataRows: tableDataRows(table) };
  });
  return {
    name: sheet.name,
    tabColor: sheet.tabColor ?? "",
    values: sheet.values,
    styles: [...tableFormats(tables), ...sheet.styles],
    tables,
    conditionalFormats: sheet.conditionalFormats,
    charts: chartNotes(sheet.values, sheet.charts),
    columnWidths: sheet.columnWidths,
    freezeRows: sheet.freezeRows,
    print: sheet.print,
  };
}
