/**
 * Real-client case: the generation of generate.ts with every due device listed (1,048,575 device rows
 * in; about 160,000 PCI rows written over several requests), its layouts written once through
 * Microsoft's Office.js client with the in-memory workbook behind it (test/support/office-js.ts, in a
 * jsdom page) and once through the object-level stand-in. Reports the largest request body the
 * client built, the largest message as Excel on the web receives it (the body encoded again inside
 * it), and the real client's write time against the stand-in's.
 */
import { JSDOM } from "jsdom";
import { buildReports, checkInputs, detectInputs, type SourceGrid } from "../../src/reports";
import type { SheetLayout } from "../../src/reports/layout";
import { writeLayouts } from "../../src/excel/write";
import { createExcelHost, installExcelHost } from "../../test/support/excel-host";
import { installOfficeJs } from "../../test/support/office-js";
import { BENCH_PERIOD, EVERY_DEVICE_FAILING, benchInputSheets, sheetGrid } from "../lib/report-inputs";
import { CaseResult, collectGarbage, nowMs, progress, runCaseMain } from "../lib/measure";

const LIMIT_BYTES = 4_500_000;
const TITLE = "Generate through the real Office.js client, every due device listed";

function layoutsOnce(): SheetLayout[] {
  const grids: SourceGrid[] = benchInputSheets(EVERY_DEVICE_FAILING).map((sheet) => ({
    sheet: sheet.name,
    table: sheet.name.replace(/\W/g, ""),
    row: 0,
    col: 0,
    values: sheetGrid(sheet),
  }));
  const data = checkInputs(detectInputs(grids));
  if (data.problems.length > 0) throw new Error(`bench input has problems: ${data.problems[0].message}`);
  return buildReports(data, { period: BENCH_PERIOD, reports: ["sr", "csr", "pci"], redactCsr: false })
    .layouts;
}

/** Installs Excel/Office from `page` as this process's globals, as a page's scripts see them. */
function useGlobalsOf(page: Record<string, unknown>): () => void {
  const globals = globalThis as unknown as Record<string, unknown>;
  const names = ["Excel", "Office", "OfficeExtension"];
  const previous = names.map((name) => globals[name]);
  for (const name of names) globals[name] = page[name];
  return () => names.forEach((name, i) => (globals[name] = previous[i]));
}

async function main(): Promise<CaseResult[]> {
  progress("building the layouts (1,048,575 device rows, every due device listed)");
  const layouts = layoutsOnce();
  const options = { confirmReplace: () => Promise.resolve(false) };

  const page = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "dangerously",
    url: "https://localhost/taskpane.html",
  }).window;
  const realHost = createExcelHost();
  const uninstallReal = installOfficeJs(realHost, {}, page);
  const restoreGlobals = useGlobalsOf(page as unknown as Record<string, unknown>);
  collectGarbage();
  let start = nowMs();
  await writeLayouts(layouts, options);
  const realSeconds = (nowMs() - start) / 1000;
  restoreGlobals();
  // Office.js sends requests of its own on timers (NotifyActionHandlerReady, about a second after it
  // loads): close the page, which stops them, before its workbook goes.
  page.close();
  uninstallReal();
  const bodies = realHost.syncs.map((sync) => sync.bodyBytes);
  const envelopes = realHost.syncs.map((sync) => sync.requestBytes);
  progress(`real client: ${realSeconds.toFixed(2)} s, ${realHost.syncCount} requests`);

  const standIn = createExcelHost();
  const uninstallStandIn = installExcelHost(standIn);
  collectGarbage();
  start = nowMs();
  await writeLayouts(layouts, options);
  const standInSeconds = (nowMs() - start) / 1000;
  uninstallStandIn();
  progress(`stand-in: ${standInSeconds.toFixed(2)} s`);

  const largestBody = Math.max(...bodies);
  const largestEnvelope = Math.max(...envelopes);
  return [
    {
      name: `${TITLE}: largest request body`,
      median: largestBody,
      unit: "bytes",
      runs: [largestBody],
      target: "report",
      met: null,
      note: `the JSON the client built, over ${bodies.length} requests`,
    },
    {
      name: `${TITLE}: largest enveloped request`,
      median: largestEnvelope,
      unit: "bytes",
      runs: [largestEnvelope],
      target: "≤ 4,500,000 bytes",
      met: largestEnvelope <= LIMIT_BYTES,
      note: "the message as Excel on the web receives it (limit 5,000,000 bytes)",
    },
    {
      name: `${TITLE}: time against the stand-in`,
      median: realSeconds / standInSeconds,
      unit: "ratio",
      runs: [realSeconds / standInSeconds],
      target: "report",
      met: null,
      note: `writeLayouts ${realSeconds.toFixed(2)} s through the real client, ${standInSeconds.toFixed(2)} s through the stand-in`,
    },
  ];
}

runCaseMain(main);
