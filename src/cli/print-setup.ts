/** A layout's print setup (src/reports/print.ts) as ExcelJS worksheet options; translation only. */
import type * as ExcelJS from "exceljs";
import { columnLetters } from "../reports/address";
import type { PrintSetup } from "../reports/print";

/** ExcelJS's paper size code for A4. */
const PAPER_A4 = 9;

export interface WorksheetPrintOptions {
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
}

/**
 * ExcelJS's streaming writer takes these only when the sheet is added (it writes `fitToPage` with
 * the sheet's first bytes). It prefixes "$" to each end of the print area, so the rows carry their own.
 */
export function worksheetPrintOptions(print: PrintSetup): WorksheetPrintOptions {
  const { area, titleRows } = print;
  const firstCol = columnLetters(area.col);
  const lastCol = columnLetters(area.col + area.colCount - 1);
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_A4,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: print.fitToPagesTall,
    showGridLines: print.printGridlines,
    printArea: `${firstCol}$${area.row + 1}:${lastCol}$${area.row + area.rowCount}`,
  };
  if (titleRows) pageSetup.printTitlesRow = `${titleRows.first + 1}:${titleRows.last + 1}`;
  return {
    pageSetup,
    headerFooter: {
      oddHeader: `&C${print.centerHeader}`,
      oddFooter: `&L${print.leftFooter}&R${print.rightFooter}`,
    },
  };
}
