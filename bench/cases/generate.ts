/**
 * Generate case: all reports for January 2018 from 1,048,575 device rows, 5,000 Users and 40 Subscribers
 * over seven months, through the in-memory Excel host (test/support/excel-host.ts) installed as the
 * Excel/Office globals. Times detect -> check -> build -> writeLayouts; reports the syncs and the largest
 * request (the host's own measure of each request's bytes, and the writer's estimate), and the peak
 * resident memory of the timed work. Run by bench/run.ts as its own node process (with --expose-gc); with
 * the argument `stress`, every due device fails a criterion, so the PCI table lists every due device of
 * January (about 160,000 rows) and the writer must split it into several requests.
 */
import { buildReports, checkInputs, detectInputs, type SourceGrid } from "../../src/reports";
import { writeLayouts } from "../../src/excel/write";
import { createExcelHost, installExcelHost } from "../../test/support/excel-host";
import {
  BENCH_PERIOD,
  DEVICE_ROWS,
  EVERY_DEVICE_FAILING,
  REALISTIC_DEVICES,
  benchInputSheets,
  sheetGrid,
} from "../lib/report-inputs";
import {
  CaseResult,
  MB,
  collectGarbage,
  cpuMs,
  median,
  nowMs,
  peakRssBytes,
  progress,
  resetPeakRss,
  runCaseMain,
} from "../lib/measure";

const WARM_UPS = 1;
const RUNS = 3;
const MAX_SECONDS = 10;
const MAX_REQUEST_BYTES = 4 * MB;

interface GenerateRun {
  seconds: number;
  cpuSeconds: number;
  stages: Record<string, number>;
  syncs: number;
  hostLargestRequest: number;
  writerLargestRequest: number;
  peakRss: number | null;
  rowsWritten: number;
}

async function generateOnce(grids: SourceGrid[]): Promise<GenerateRun> {
  const host = createExcelHost();
  const uninstall = installExcelHost(host);
  try {
    collectGarbage();
    resetPeakRss();
    const stages: Record<string, number> = {};
    const startCpu = cpuMs();
    const start = nowMs();
    let mark = start;
    const stage = (name: string): void => {
      const now = nowMs();
      stages[name] = (now - mark) / 1000;
      mark = now;
    };
    const detected = detectInputs(grids);
    stage("detect");
    const data = checkInputs(detected);
    stage("check");
    if (data.problems.length > 0) throw new Error(`bench input has problems: ${data.problems[0].message}`);
    const layouts = buildReports(data, {
      period: BENCH_PERIOD,
      reports: ["sr", "csr", "pci"],
      redactCsr: false,
    }).layouts;
    stage("build");
    const written = await writeLayouts(layouts, { confirmReplace: () => Promise.resolve(false) });
    stage("write");
    const seconds = (nowMs() - start) / 1000;
    const cpuSeconds = (cpuMs() - startCpu) / 1000;
    const peakRss = peakRssBytes();
    return {
      seconds,
      cpuSeconds,
      stages,
      syncs: host.syncCount,
      hostLargestRequest: Math.max(...host.requestSizes()),
      writerLargestRequest: written.largestRequestBytes,
      peakRss,
      rowsWritten: layouts.reduce(
        (sum, layout) => sum + layout.tables.reduce((n, table) => n + table.rowCount, 0),
        0
      ),
    };
  } finally {
    uninstall();
  }
}

async function main(): Promise<CaseResult[]> {
  const stress = process.argv[2] === "stress";
  const title = stress ? "Generate, every due device listed" : "Generate";
  progress(`building input grids: ${DEVICE_ROWS} device rows, Service Requests and CSRs`);
  const grids: SourceGrid[] = benchInputSheets(stress ? EVERY_DEVICE_FAILING : REALISTIC_DEVICES).map(
    (sheet) => ({
      sheet: sheet.name,
      table: sheet.name.replace(/\W/g, ""),
      row: 0,
      col: 0,
      values: sheetGrid(sheet),
    })
  );
  collectGarbage();
  const inputRss = process.memoryUsage().rss;
  const runs: GenerateRun[] = [];
  for (let run = 0; run < WARM_UPS + RUNS; run++) {
    const result = await generateOnce(grids);
    progress(
      `run ${run + 1}${run < WARM_UPS ? " (warm-up)" : ""}: ${result.seconds.toFixed(2)} s ` +
        `(${Object.entries(result.stages)
          .map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`)
          .join(", ")}), ${result.syncs} syncs, largest request ${result.hostLargestRequest} bytes, ` +
        `peak RSS ${result.peakRss === null ? "n/a" : (result.peakRss / MB).toFixed(0)} MB, ` +
        `${result.rowsWritten} table rows written`
    );
    if (run >= WARM_UPS) runs.push(result);
  }
  const seconds = runs.map((run) => run.seconds);
  const stageMedians = Object.fromEntries(
    Object.keys(runs[0].stages).map((name) => [
      name,
      Number(median(runs.map((run) => run.stages[name])).toFixed(3)),
    ])
  );
  const note = `input grids built once (RSS with inputs ${(inputRss / MB).toFixed(0)} MB); ${WARM_UPS} warm-up, ${RUNS} runs`;
  const hostLargest = runs.map((run) => run.hostLargestRequest);
  const peaks = runs.map((run) => run.peakRss).filter((peak): peak is number => peak !== null);
  return [
    {
      name: stress
        ? `${title}: wall time`
        : "Generate all reports, 1,048,575 device rows + 5,000 Users: wall time",
      median: median(seconds),
      unit: "s",
      runs: seconds,
      cpuMedian: median(runs.map((run) => run.cpuSeconds)),
      target: `≤ ${MAX_SECONDS} s`,
      met: median(seconds) <= MAX_SECONDS,
      note: `${note}; median stage seconds ${JSON.stringify(stageMedians)}`,
    },
    {
      name: `${title}: syncs`,
      median: median(runs.map((run) => run.syncs)),
      unit: "syncs",
      runs: runs.map((run) => run.syncs),
      target: "report",
      met: null,
      note: `${median(runs.map((run) => run.rowsWritten))} table rows written`,
    },
    {
      name: `${title}: largest request`,
      median: median(hostLargest),
      unit: "bytes",
      runs: hostLargest,
      target: "≤ 4 MB",
      met: Math.max(...hostLargest) <= MAX_REQUEST_BYTES,
      note: `the host's JSON measure; the writer's own estimate was ${median(runs.map((run) => run.writerLargestRequest))} bytes`,
    },
    {
      name: `${title}: peak memory (RSS, inputs included)`,
      median: median(peaks) / MB,
      unit: "MB",
      runs: peaks.map((peak) => peak / MB),
      target: "report",
      met: null,
      note:
        "VmHWM of the bench process, reset after building the inputs; the input grids alone hold about " +
        `${(inputRss / MB).toFixed(0)} MB`,
    },
  ];
}

runCaseMain(main);
