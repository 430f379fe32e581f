/**
 * Renders sheet layouts into an .xlsx file with ExcelJS's streaming writer, so that a report with a
 * million-row table is written row by row in bounded memory; the rows themselves go straight from the
 * values to sheet XML (xlsx-rows.ts), ExcelJS keeping the styles, tables, print setup and the package.
 * This is a translator only: every value, format, table, colour and chart note comes from the resolved
 * layout (src/reports/resolve.ts).
 */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { cellAddress } from "../reports";
import type { CellStyle, SheetLayout, StyledRange, ValueBlock } from "../reports/layout";
import { type ResolvedSheet, type SheetSource, resolveSheet } from "../reports/resolve";
import { claimOutput, trackTempFile, untrackTempFile } from "./output-file";
import { worksheetPrintOptions } from "./print-setup";
import { SheetRowWriter } from "./xlsx-rows";
import { type StreamingTables, createStreamingWorkbook } from "./xlsx-tables";

export interface WriteXlsxOptions {
  /** Creation/modification date stored in the file (and on its zip entries): fixes it for reproducible files. */
  fixedDate?: Date;
}

const DEFAULT_FONT = { name: "Calibri", family: 2, size: 11 };

function argb(colour: string): string {
  return "FF" + colour.replace(/^#/, "").toUpperCase();
}

/** One CellStyle (already merged) -> an ExcelJS style. */
export function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {};
  if (style.numberFormat !== undefined) result.numFmt = style.numberFormat;
  if (
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontSize !== undefined ||
    style.fontColor !== undefined
  ) {
    result.font = {
      ...DEFAULT_FONT,
      size: style.fontSize ?? DEFAULT_FONT.size,
      bold: style.bold,
      italic: style.italic,
      color: style.fontColor === undefined ? undefined : { argb: argb(style.fontColor) },
    };
  }
  if (style.fill !== undefined) {
    result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
  if (style.wrap !== undefined || style.horizontalAlignment !== undefined) {
    const horizontal = style.horizontalAlignment;
    result.alignment = {
      wrapText: style.wrap,
      vertical: style.wrap ? "top" : undefined,
      horizontal:
        horizontal === undefined
          ? undefined
          : horizontal === "Left"
            ? "left"
            : horizontal === "Center"
              ? "center"
              : "right",
    };
  }
  return result;
}

function blockRowCount(block: ValueBlock): number {
  return block.values.length;
}

/** The values and styles to write: ExcelJS cannot draw charts, so each chart's note stands in its cell. */
function sheetContent(sheet: ResolvedSheet): { blocks: ValueBlock[]; styles: StyledRange[] } {
  const blocks: ValueBlock[] = [...sheet.values];
  const styles: StyledRange[] = [...sheet.styles];
  for (const { note } of sheet.charts) {
    blocks.push({ row: note.row, col: note.col, values: [[note.text]] });
    styles.push({ row: note.row, col: note.col, rowCount: 1, colCount: 1, style: note.style });
  }
  return { blocks, styles };
}

/** Rows where the set of blocks or styled ranges covering a row changes, sorted. */
function boundaries(blocks: readonly ValueBlock[], styles: readonly StyledRange[]): number[] {
  const rows = new Set<number>();
  for (const block of blocks) {
    rows.add(block.row);
    rows.add(block.row + blockRowCount(block));
  }
  for (const range of styles) {
    rows.add(range.row);
    rows.add(range.row + range.rowCount);
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * Merged ExcelJS styles, one object per distinct combination of styled ranges: ExcelJS caches a
 * style id per style object, so reusing objects keeps a million styled cells cheap.
 */
class StyleCache {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  get(ranges: readonly StyledRange[], indexes: readonly number[]): Partial<ExcelJS.Style> {
    const key = indexes.join(",");
    let style = this.cache.get(key);
    if (style === undefined) {
      const merged: CellStyle = {};
      for (const index of indexes) Object.assign(merged, ranges[index].style);
      style = excelStyle(merged);
      this.cache.set(key, style);
    }
    return style;
  }
}

async function writeSheetRows(
  rows: SheetRowWriter,
  blocks: readonly ValueBlock[],
  styles: readonly StyledRange[]
): Promise<void> {
  const cuts = boundaries(blocks, styles);
  const styleCache = new StyleCache();
  for (let segment = 0; segment + 1 < cuts.length; segment++) {
    const start = cuts[segment];
    const end = cuts[segment + 1];
    const activeBlocks = blocks.filter(
      (block) => block.row <= start && start < block.row + blockRowCount(block)
    );
    const activeStyleIndexes: number[] = [];
    styles.forEach((range, index) => {
      if (range.row <= start && start < range.row + range.rowCount) activeStyleIndexes.push(index);
    });
    if (activeBlocks.length === 0 && activeStyleIndexes.length === 0) continue;

    // The style of each styled column in this segment (constant across its rows).
    const columnStyles = new Map<number, number[]>();
    for (const index of activeStyleIndexes) {
      const range = styles[index];
      for (let col = range.col; col < range.col + range.colCount; col++) {
        const list = columnStyles.get(col);
        if (list) list.push(index);
        else columnStyles.set(col, [index]);
      }
    }
    const styledColumns = [...columnStyles].map(([col, indexes]) => ({
      col,
      style: styleCache.get(styles, indexes),
    }));
    await rows.writeSegment(start, end, activeBlocks, styledColumns);
  }
  await rows.finish();
}

function addConditionalFormats(
  worksheet: ExcelJS.Worksheet,
  sheet: ResolvedSheet,
  priority: { next: number }
): void {
  for (const format of sheet.conditionalFormats) {
    if (format.rowCount <= 0 || format.colCount <= 0) continue;
    const topLeft = cellAddress(format.row, format.col);
    const ref = `${topLeft}:${cellAddress(format.row + format.rowCount - 1, format.col + format.colCount - 1)}`;
    const text = format.text.replace(/"/g, '""');
    worksheet.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "expression",
          // Relative to the top-left cell, as Excel stores it: exact (case-insensitive) text match.
          formulae: [`${topLeft}="${text}"`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } },
            font: { color: { argb: argb(format.fontColor) } },
          },
          priority: priority.next++,
        },
      ],
    });
  }
}

/** Writes sheets to `filePath` (creating or truncating it). Use writeFileAtomically around it. */
export async function writeSheetsXlsx(
  sheets: readonly SheetSource[],
  filePath: string,
  options: WriteXlsxOptions = {}
): Promise<void> {
  const { workbook, tables, failed } = createStreamingWorkbook(filePath, { entryDate: options.fixedDate });
  const writing = writeWorkbook(workbook, tables, sheets, options);
  // Once the file or zip stream has failed, the writing may wait for ever or throw again: either way its
  // outcome is no longer heard.
  writing.catch(() => undefined);
  await Promise.race([writing, failed]);
}

async function writeWorkbook(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  tables: StreamingTables,
  sheets: readonly SheetSource[],
  options: WriteXlsxOptions
): Promise<void> {
  workbook.creator = "DCC SEC reporting";
  workbook.lastModifiedBy = "DCC SEC reporting";
  if (options.fixedDate) {
    workbook.created = options.fixedDate;
    workbook.modified = options.fixedDate;
  }
  const priority = { next: 1 };

  for (const source of sheets) {
    const sheet = resolveSheet(source);
    const worksheet = workbook.addWorksheet(sheet.name, {
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
      views:
        sheet.freezeRows > 0
          ? [
              {
                state: "frozen",
                xSplit: 0,
                ySplit: sheet.freezeRows,
                topLeftCell: cellAddress(sheet.freezeRows, 0),
              },
            ]
          : [],
      ...(sheet.print ? worksheetPrintOptions(sheet.print) : {}),
    });
    if (sheet.columnWidths.length > 0) worksheet.columns = sheet.columnWidths.map((width) => ({ width }));
    tables.addTables(worksheet, sheet.tables);
    addConditionalFormats(worksheet, sheet, priority);
    const { blocks, styles } = sheetContent(sheet);
    await writeSheetRows(new SheetRowWriter(workbook, worksheet), blocks, styles);
    worksheet.commit();
  }
  await workbook.commit();
}

/**
 * Runs `write` on a temporary file in the target's directory, then gives it the target's name, so a
 * crash never leaves half a workbook under that name and an interruption leaves nothing (the temporary
 * file is tracked for the signal handlers). With `replace: false` the name is claimed only if free
 * (OutputExistsError otherwise), so two runs into one name cannot both succeed.
 */
export async function writeFileAtomically(
  target: string,
  write: (tempPath: string) => Promise<void>,
  options: { replace?: boolean } = {}
): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`
  );
  trackTempFile(temp);
  try {
    await write(temp);
    await claimOutput(temp, target, options.replace ?? true);
  } finally {
    await fs.rm(temp, { force: true });
    untrackTempFile(temp);
  }
}

/** Writes report layouts to `target` atomically (replacing it unless `replace` is false). */
export async function writeLayoutsXlsx(
  layouts: readonly SheetLayout[],
  target: string,
  options: WriteXlsxOptions & { replace?: boolean } = {}
): Promise<void> {
  await writeFileAtomically(target, (temp) => writeSheetsXlsx(layouts, temp, options), {
    replace: options.replace,
  });
}
