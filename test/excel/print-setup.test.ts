/** @jest-environment jsdom */
/**
 * The pane's side of the Panel paper: print setup through `worksheet.pageLayout` (read back from the
 * test workbook), the note when Excel lacks ExcelApi 1.9, and the same input fingerprints as the
 * runner from the same data (Web Crypto here, Node's crypto there).
 */
import { webcrypto } from "crypto";
import * as path from "path";
import { setImmediate as nodeSetImmediate } from "timers";
import { TextEncoder as NodeTextEncoder } from "util";
import { insertSampleData, readWorkbookInputs } from "../../src/excel/read";
import { PRINT_SETUP_UNAVAILABLE_NOTE } from "../../src/excel/print-setup";
import { writeLayouts } from "../../src/excel/write";
import { nodeSha256Lines } from "../../src/cli/sha256";
import { readXlsxGrids } from "../../src/cli/read-xlsx";
import {
  auditInfo,
  buildReports,
  checkInputs,
  detectInputs,
  sampleGrids,
  sampleWorkbook,
  type ReportOptions,
  type SheetLayout,
} from "../../src/reports";
import { webSha256Lines } from "../../src/taskpane/sha256";
import { MAX_COLUMNS } from "../support/excel-host-state";
import { CURRENT_EXCEL_ON_THE_WEB } from "../support/office-js";
import { uninstallHost, useHost } from "./helpers";

// The page (jsdom, for Microsoft's client) lacks what a browser gives the pane's hashing (TextEncoder, Web
// Crypto) and what Node gives the runner's reader (setImmediate, used by yauzl): the same APIs from Node.
Object.assign(globalThis, { TextEncoder: NodeTextEncoder, setImmediate: nodeSetImmediate });
if ((globalThis.crypto as Crypto | undefined)?.subtle === undefined) {
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
}

const JANUARY: ReportOptions = { period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false };
const SAMPLE_INPUT = path.resolve(__dirname, "..", "..", "examples", "sample-input.xlsx");

afterEach(() => uninstallHost());

async function stampedSampleLayouts(): Promise<SheetLayout[]> {
  const data = checkInputs(detectInputs(sampleGrids()));
  const audit = await auditInfo(data, JANUARY, webSha256Lines);
  return buildReports(data, { ...JANUARY, audit }).layouts;
}

const noQuestions = { confirmReplace: async (): Promise<boolean> => false };

test("every report sheet gets its page layout: A4 landscape, one page wide, area, titles, header and footer", async () => {
  const host = useHost();
  const layouts = await stampedSampleLayouts();
  const result = await writeLayouts(layouts, noQuestions);
  expect(result.notes).toEqual([]);
  for (const layout of layouts) {
    const print = layout.print!;
    expect(host.pageLayout(layout.name)).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printGridlines: false,
      printArea: print.area,
      printTitleRows: {
        row: print.titleRows!.first,
        col: 0,
        rowCount: 1 + print.titleRows!.last - print.titleRows!.first,
        colCount: MAX_COLUMNS,
      },
      header: { left: "", center: layout.classification, right: "" },
      footer: { left: "&A", center: "", right: "Page &P of &N" },
    });
  }
});

test("without ExcelApi 1.9 the sheets are written without print setup and the result says so", async () => {
  // An Excel with ExcelApi 1.8: the client itself refuses anything newer, as that Excel would.
  const host = useHost(undefined, { requirementSets: { ...CURRENT_EXCEL_ON_THE_WEB, ExcelApi: "1.8" } });
  const layouts = await stampedSampleLayouts();
  const result = await writeLayouts(layouts, noQuestions);
  expect(result.notes).toEqual([PRINT_SETUP_UNAVAILABLE_NOTE]);
  expect(host.sheetNames()).toEqual(expect.arrayContaining(layouts.map((layout) => layout.name)));
  for (const layout of layouts) expect(host.pageLayout(layout.name).orientation).toBe("Portrait");
});

test("the pane's fingerprints of the sample equal the runner's from examples/sample-input.xlsx", async () => {
  const host = useHost();
  await insertSampleData(sampleWorkbook());
  const paneData = checkInputs(detectInputs(await readWorkbookInputs()));
  const runnerData = checkInputs(detectInputs(await readXlsxGrids(SAMPLE_INPUT)));
  const pane = await auditInfo(paneData, JANUARY, webSha256Lines);
  const runner = await auditInfo(runnerData, JANUARY, nodeSha256Lines);
  expect(pane.fingerprints).toEqual(runner.fingerprints);
  expect(Object.keys(pane.fingerprints)).toEqual(["sr", "csr", "pci"]);

  // And the stamp the pane writes shows it.
  await writeLayouts(buildReports(paneData, { ...JANUARY, audit: pane }).layouts, noQuestions);
  const values = host.sheetValues("CSR Variance Jan-2018");
  const stamp = values.find((row) => row[0] === "Input fingerprint");
  expect(stamp?.[1]).toBe(runner.fingerprints.csr!.slice(0, 16));
});
