/**
 * Pane services for tests: the real report builder (pure) with workbook functions that tests control.
 * Each workbook function is a jest mock, so a test can see what the pane asked for and decide the answer.
 */
import * as reports from "../../src/reports";
import type { CheckedData, Problem, SourceGrid } from "../../src/reports";
import type { PaneServices } from "../../src/taskpane/services";
import { nodeSha256Lines } from "../../src/cli/sha256";

type WriteLayouts = PaneServices["writeLayouts"];
export type WriteCall = Parameters<WriteLayouts>[1];

export interface FakeServices extends PaneServices {
  /** The real builder, answering at once (the pane also accepts one that loads first). */
  buildReports: typeof reports.buildReports;
  readWorkbookInputs: jest.MockedFunction<PaneServices["readWorkbookInputs"]>;
  selectCell: jest.MockedFunction<PaneServices["selectCell"]>;
  insertSampleData: jest.MockedFunction<PaneServices["insertSampleData"]>;
  writeLayouts: jest.MockedFunction<WriteLayouts>;
}

/** A write that succeeds at once, writing every layout under its own name. */
export const writeAllAtOnce: WriteLayouts = async (layouts) => ({
  sheets: layouts.map((layout) => ({ layout: layout.name, written: layout.name })),
  syncs: 1,
  largestRequestBytes: 1,
  requests: 1,
  notes: [],
});

export function fakeServices(grids: SourceGrid[], overrides: Partial<PaneServices> = {}): FakeServices {
  return {
    detectInputs: reports.detectInputs,
    unusedGrids: reports.unusedGrids,
    mapColumns: reports.mapColumns,
    checkInputs: reports.checkInputs,
    buildReports: reports.buildReports,
    latestMonth: reports.latestMonth,
    sampleWorkbook: reports.sampleWorkbook,
    INPUT_FIELDS: reports.INPUT_FIELDS,
    sha256Lines: nodeSha256Lines,
    readWorkbookInputs: jest.fn(async () => grids),
    selectCell: jest.fn(async () => undefined),
    insertSampleData: jest.fn(async () => []),
    writeLayouts: jest.fn(writeAllAtOnce),
    ...overrides,
  } as FakeServices;
}

/** A small clean Service Requests table for January 2018 (IDs valid, forecasts and actuals set). */
export function cleanSrGrid(): SourceGrid {
  return {
    sheet: "Service Requests",
    table: "SR_Input",
    row: 0,
    col: 0,
    values: [
      ["Period", "User ID", "User Name", "User Role", "Forecast", "Actual"],
      ["2017-12", "90-B3-D5-1F-30-01-00-00", "Alpha Energy", "IS", 100, 100],
      ["2018-01", "90-B3-D5-1F-30-01-00-00", "Alpha Energy", "IS", 100, 90],
      ["2018-01", "90-B3-D5-1F-30-01-00-01", "Beta Power", "ES", 100, 110],
      ["2018-01", "90-B3-D5-1F-30-01-00-02", "Gamma Gas", "GS", 100, 100],
    ],
  };
}

/** Checked data with the given problems (and their rows counted as left out). */
export function checkedWithProblems(problems: Problem[], badRowCount = problems.length): CheckedData {
  return {
    sr: [],
    csr: [],
    devices: [],
    metrics: [],
    withServices: false,
    withMetrics: false,
    problems,
    badRowCount,
    months: ["2018-01"],
  };
}

export function problem(sheet: string, row: number, col: number, detail: string): Problem {
  const address = reports.cellAddress(row, col);
  return {
    kind: "sr",
    sheet,
    row,
    col,
    address,
    message: `${reports.sheetReference(sheet)}!${address}: ${detail}`,
  };
}
