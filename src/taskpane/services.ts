/**
 * What the task pane calls: the workbook (src/excel, Office.js) and the report builder (src/reports,
 * pure). The pane's state hook takes these as a parameter so tests can run it against the in-memory
 * Excel host, or against fakes that return exactly the problems or failures a test needs.
 */
import type * as excel from "../excel";
import { readWorkbookInputs, selectCell } from "../excel";
import type * as reports from "../reports";
import { detectInputs, INPUT_FIELDS, mapColumns, unusedGrids } from "../reports";
import { webSha256Lines } from "./sha256";

/** A function that may answer later: the real one is loaded on first use (tests pass plain functions). */
type MayLoad<F extends (...args: never[]) => unknown> = (
  ...args: Parameters<F>
) => ReturnType<F> | Promise<Awaited<ReturnType<F>>>;

/** The report-builder functions the pane uses (pure: no Office.js). */
export interface ReportFunctions {
  /** Needed to show the inputs, so part of the first bundle. */
  detectInputs: typeof reports.detectInputs;
  unusedGrids: typeof reports.unusedGrids;
  mapColumns: typeof reports.mapColumns;
  INPUT_FIELDS: typeof reports.INPUT_FIELDS;
  /** Needed only after a click. */
  checkInputs: MayLoad<typeof reports.checkInputs>;
  latestMonth: MayLoad<typeof reports.latestMonth>;
  buildReports: MayLoad<typeof reports.buildReports>;
  sampleWorkbook: MayLoad<typeof reports.sampleWorkbook>;
}

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

/** The code behind Check, Insert sample data and Generate, fetched once, on the first click that needs it. */
export function loadAfterClick(): Promise<typeof import("./afterClick")> {
  return import(/* webpackChunkName: "after-click" */ "./afterClick");
}

/** The real services: the open workbook through Office.js and the real report builder. */
export const defaultPaneServices: PaneServices = {
  detectInputs,
  unusedGrids,
  mapColumns,
  INPUT_FIELDS,
  readWorkbookInputs,
  selectCell,
  checkInputs: async (...args) => (await loadAfterClick()).checkInputs(...args),
  latestMonth: async (...args) => (await loadAfterClick()).latestMonth(...args),
  buildReports: async (...args) => (await loadAfterClick()).buildReports(...args),
  sampleWorkbook: async () => (await loadAfterClick()).sampleWorkbook(),
  insertSampleData: async (...args) => (await loadAfterClick()).insertSampleData(...args),
  writeLayouts: async (...args) => (await loadAfterClick()).writeLayouts(...args),
  sha256Lines: webSha256Lines,
};
