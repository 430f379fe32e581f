/**
 * A layout's print setup (src/reports/print.ts) through Office.js `worksheet.pageLayout`, which
 * needs ExcelApi 1.9: without it the sheets are written unchanged and the result says so.
 */
import { cellAddress } from "../reports/address";
import type { PrintSetup } from "../reports/print";

export const PRINT_SETUP_REQUIREMENT = { set: "ExcelApi", version: "1.9" } as const;

export const PRINT_SETUP_UNAVAILABLE_NOTE =
  "Print setup was not applied: this version of Excel does not offer page layout to add-ins (ExcelApi 1.9). " +
  "Before printing, set each report sheet to A4 landscape, fit to one page wide, in Page Layout.";

export function printSetupSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported(
      PRINT_SETUP_REQUIREMENT.set,
      PRINT_SETUP_REQUIREMENT.version
    ) === true
  );
}

/** Operations queued (for the request size estimate). */
export const PRINT_SETUP_OPERATIONS = 10;

/** Queues the page layout of one sheet; nothing is read, so it adds no sync. */
export function queuePrintSetup(sheet: Excel.Worksheet, print: PrintSetup): void {
  const page = sheet.pageLayout;
  page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = print.paper;
  page.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: print.fitToPagesTall };
  page.printGridlines = print.printGridlines;
  const { area, titleRows } = print;
  page.setPrintArea(
    `${cellAddress(area.row, area.col)}:${cellAddress(area.row + area.rowCount - 1, area.col + area.colCount - 1)}`
  );
  if (titleRows) page.setPrintTitleRows(`$${titleRows.first + 1}:$${titleRows.last + 1}`);
  const headerFooter = page.headersFooters.defaultForAllPages;
  headerFooter.centerHeader = print.centerHeader;
  headerFooter.leftFooter = print.leftFooter;
  headerFooter.rightFooter = print.rightFooter;
}
