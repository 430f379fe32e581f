/**
 * Print setup of a report sheet, resolved from its layout so that both writers print the same paper:
 * A4 landscape, one page wide, the print area around the report, the longest table's header row
 * repeated on each page (the header block when the sheet has no table), gridlines off, the
 * classification in the page header and the sheet name and "Page N of M" in the footer.
 */
import { type SheetLayout, tableDataRows } from "./layout";

/** A rectangle of rows and columns, 0-based. */
export interface PrintRect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface PrintSetup {
  orientation: "landscape";
  paper: "A4";
  /** Pages across (1: no column is cut off onto another page). */
  fitToPagesWide: number;
  /** Pages down; 0 = as many as the rows need. */
  fitToPagesTall: number;
  area: PrintRect;
  /** Rows printed at the top of every page after they first appear (0-based, inclusive). */
  titleRows: { first: number; last: number } | null;
  printGridlines: boolean;
  /**
   * Header and footer texts in Excel's header/footer codes (&A sheet name, &P page, &N pages), the
   * form both ExcelJS and Office.js take. Literal ampersands are doubled.
   */
  centerHeader: string;
  leftFooter: string;
  rightFooter: string;
}

/** Text shown literally in a page header or footer ("&" starts a code there). */
export function headerFooterLiteral(text: string): string {
  return text.replace(/&/g, "&&");
}

export const FOOTER_SHEET_NAME = "&A";
export const FOOTER_PAGE_NUMBER = "Page &P of &N";

/** The smallest rectangle holding every value, table and chart of the layout. */
export function reportExtent(layout: SheetLayout): PrintRect {
  let lastRow = 0;
  let lastCol = 0;
  const cover = (bottom: number, right: number): void => {
    lastRow = Math.max(lastRow, bottom);
    lastCol = Math.max(lastCol, right);
  };
  for (const block of layout.values) {
    if (block.values.length === 0) continue;
    cover(block.row + block.values.length - 1, block.col + (block.values[0]?.length ?? 1) - 1);
  }
  for (const table of layout.tables) {
    cover(table.row + tableDataRows(table), table.col + table.headers.length - 1);
  }
  for (const chart of layout.charts) {
    const { anchor } = chart;
    cover(anchor.row + anchor.heightRows - 1, anchor.col + anchor.widthCols - 1);
  }
  return { row: 0, col: 0, rowCount: lastRow + 1, colCount: lastCol + 1 };
}

/**
 * The rows to repeat: the header row of the sheet's longest table (the one that runs over pages);
 * the header block when there is no table. Excel allows one band of rows a sheet, so one table wins.
 */
function titleRowsOf(layout: SheetLayout): PrintSetup["titleRows"] {
  let longest: SheetLayout["tables"][number] | undefined;
  for (const table of layout.tables) {
    if (longest === undefined || table.rowCount >= longest.rowCount) longest = table;
  }
  if (longest) return { first: longest.row, last: longest.row };
  const headerRows = layout.headerRows ?? 0;
  return headerRows > 0 ? { first: 0, last: headerRows - 1 } : null;
}

export function printSetupFor(layout: SheetLayout): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    area: reportExtent(layout),
    titleRows: titleRowsOf(layout),
    printGridlines: false,
    centerHeader: headerFooterLiteral(layout.classification),
    leftFooter: FOOTER_SHEET_NAME,
    rightFooter: FOOTER_PAGE_NUMBER,
  };
}
