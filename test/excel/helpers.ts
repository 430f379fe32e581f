/** Shared set-up for the src/excel tests: a host installed as the Excel/Office globals, and layouts. */
import type { CellValue, SheetLayout } from "../../src/reports/layout";
import { checkInputs, detectInputs, buildReports, sampleGrids } from "../../src/reports";
import {
  createExcelHost,
  ExcelHost,
  InitialName,
  InitialSheet,
  installExcelHost,
} from "../support/excel-host";
import { installOfficeJs, type InstallOptions } from "../support/office-js";

let restore: (() => void) | null = null;

/** A fresh workbook behind the real Office.js client; the previous one is uninstalled. */
export function useHost(sheets?: InitialSheet[], options?: InstallOptions, names?: InitialName[]): ExcelHost {
  restore?.();
  const host = createExcelHost(sheets ? { sheets, names } : undefined);
  restore = installOfficeJs(host, options);
  return host;
}

/** A fresh workbook behind the object-level stand-in (for test files that cannot run in jsdom). */
export function useStandInHost(sheets?: InitialSheet[]): ExcelHost {
  restore?.();
  const host = createExcelHost(sheets ? { sheets } : undefined);
  restore = installExcelHost(host);
  return host;
}

export function uninstallHost(): void {
  restore?.();
  restore = null;
}

/** A small report-like layout: header block, a table with a Status column, styles, a chart. */
export function handMadeLayout(name = "SR Variance Jan-2018", tableName = "SR_2018_01"): SheetLayout {
  const parties: CellValue[][] = [
    ["90-B3-D5-1F-30-01-00-00", '=HYPERLINK("http://x","y")', 100, 120, "Over"],
    ["90-B3-D5-1F-30-01-00-01", "+44 20 7946 0000", 100, 90, "Under"],
    ["90-B3-D5-1F-30-01-00-02", "-5", null, 0, "Within"],
    ["90-B3-D5-1F-30-01-00-03", "0012", 50, 50, "Within"],
  ];
  return {
    name,
    kind: "sr",
    classification: "AMBER: SEC Panel only",
    tabColor: "#C55A11",
    values: [
      { row: 0, col: 0, values: [["Service Request Variance"]] },
      { row: 1, col: 0, values: [["Classification", "AMBER: SEC Panel only"]] },
      { row: 3, col: 0, values: [["User ID", "User Name", "Forecast", "Actual", "Status"], ...parties] },
    ],
    styles: [
      { row: 0, col: 0, rowCount: 1, colCount: 1, style: { bold: true, fontSize: 14 } },
      { row: 1, col: 1, rowCount: 1, colCount: 1, style: { fill: "#FFC000", italic: true } },
    ],
    tables: [
      {
        name: tableName,
        row: 3,
        col: 0,
        headers: ["User ID", "User Name", "Forecast", "Actual", "Status"],
        rowCount: parties.length,
        columnFormats: [null, null, "#,##0", "#,##0", null],
        style: "TableStyleMedium2",
      },
    ],
    conditionalFormats: [
      {
        row: 4,
        col: 4,
        rowCount: parties.length,
        colCount: 1,
        text: "Over",
        fill: "#F8CBAD",
        fontColor: "#9C0006",
      },
    ],
    charts: [
      {
        title: "Forecast and actual",
        type: "column",
        source: { row: 3, col: 1, rowCount: parties.length + 1, colCount: 3 },
        anchor: { row: 3, col: 7, widthCols: 6, heightRows: 12 },
      },
    ],
    columnWidths: [26, 30, 10, 10, 12],
    freezeRows: 4,
  };
}

/** January 2018 from the sample workbook, through detect, check and build. */
export function january2018Layouts(): SheetLayout[] {
  const data = checkInputs(detectInputs(sampleGrids()));
  if (data.problems.length > 0) throw new Error(`sample has problems: ${data.problems[0].message}`);
  return buildReports(data, { period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false }).layouts;
}

export const userSheets = (): InitialSheet[] => [
  {
    name: "My data",
    values: [
      ["User", "Forecast", "Actual"],
      ["90b3d51f30010000", 100, 95],
      ["=not a formula in the data", "'quoted", true],
    ],
    tables: [{ name: "MyTable", address: "A1:C3" }],
  },
  { name: "Notes", values: [[null, "free text"]] },
];
