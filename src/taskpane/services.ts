/**
 * What the task pane calls: the workbook (src/excel, Office.js) and the report builder (src/reports,
 * pure). The pane's state hook takes these as a parameter so tests can run it against the in-memory
 * Excel host, or against fakes that return exactly the problems or failures a test needs.
 */
import * as excel from "../excel";
import * as reports from "../reports";
import { webSha256Lines } from "./sha256";

/** The report-builder functions the pane uses (pure: no Office.js). */
export type ReportFunctions = Pick<
  typeof reports,
  | "detectInputs"
  | "unusedGrids"
  | "mapColumns"
  | "checkInputs"
  | "buildReports"
  | "latestMonth"
  | "sampleWorkbook"
  | "INPUT_FIELDS"
>;

/** The workbook functions the pane uses (Office.js). */
export interface WorkbookFunctions {
  readWorkbookInputs: typeof excel.readWorkbookInputs;
  selectCell: typeof excel.selectCell;
  insertSampleData: typeof excel.insertSampleData;
  writeLayouts: typeof excel.writeLayouts;
}

export interface PaneServices extends ReportFunctions, WorkbookFunctions {
  /** SHA-256 for the input fingerprints of the audit stamp (Web Crypto in the pane). */
  sha256Lines: reports.Sha256Lines;
}

/** The real services: the open workbook through Office.js and the real report builder. */
export const defaultPaneServices: PaneServices = {
  detectInputs: reports.detectInputs,
  unusedGrids: reports.unusedGrids,
  mapColumns: reports.mapColumns,
  checkInputs: reports.checkInputs,
  buildReports: reports.buildReports,
  latestMonth: reports.latestMonth,
  sampleWorkbook: reports.sampleWorkbook,
  INPUT_FIELDS: reports.INPUT_FIELDS,
  readWorkbookInputs: excel.readWorkbookInputs,
  selectCell: excel.selectCell,
  insertSampleData: excel.insertSampleData,
  writeLayouts: excel.writeLayouts,
  sha256Lines: webSha256Lines,
};
