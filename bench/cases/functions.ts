/**
 * Custom-function cases: SECVARIANCE (status and percent) and PCIFLAG over a full column, each against a
 * hand loop in the same process; SECDUEDATE time per call over every month 1995-2100.
 * Run by bench/run.ts with one argument, `variance`, `pciflag` or `duedate`, each in its own node process
 * (with --expose-gc), so that one case's million-row inputs do not slow another's garbage collection.
 */
import { pciFlag, secDueDate, secVariance } from "../../src/functions/functions";
import { installCustomFunctionsGlobal } from "../lib/custom-functions";
import { FULL_COLUMN_ROWS, everyMonthPeriods, pciInputs, varianceInputs } from "../lib/function-inputs";
import {
  assertSameResult,
  pciFlagHandLoop,
  variancePercentHandLoop,
  varianceStatusHandLoop,
} from "../lib/hand-loops";
import { CaseResult, collectGarbage, median, progress, runCaseMain, timed } from "../lib/measure";

const WARM_UPS = 2;
const RUNS = 7;

/**
 * Times the product and the baseline alternately (so both see the same machine state), with a full
 * collection before each timing so neither pays for the other's garbage.
 */
function compareWithHandLoop(
  name: string,
  maxRatio: number,
  product: () => unknown[][],
  baseline: () => unknown[][]
): CaseResult {
  assertSameResult(name, product(), baseline());
  const productMs: number[] = [];
  const baselineMs: number[] = [];
  const productCpuMs: number[] = [];
  const baselineCpuMs: number[] = [];
  for (let run = 0; run < WARM_UPS + RUNS; run++) {
    collectGarbage();
    const productRun = timed(product);
    collectGarbage();
    const baselineRun = timed(baseline);
    if (run >= WARM_UPS) {
      productMs.push(productRun.ms);
      baselineMs.push(baselineRun.ms);
      productCpuMs.push(productRun.cpuMs);
      baselineCpuMs.push(baselineRun.cpuMs);
    }
  }
  const productMedian = median(productMs);
  const baselineMedian = median(baselineMs);
  // The median of each run's own ratio: a run and its baseline share the machine's load at that moment.
  const ratio = median(productMs.map((ms, run) => ms / baselineMs[run]));
  const cpuRatio = median(productCpuMs.map((ms, run) => ms / baselineCpuMs[run]));
  progress(
    `${name}: ${productMedian.toFixed(1)} ms, hand loop ${baselineMedian.toFixed(1)} ms, ratio ${ratio.toFixed(2)} (by CPU time ${cpuRatio.toFixed(2)})`
  );
  return {
    name,
    median: productMedian,
    unit: "ms",
    runs: productMs,
    ratio,
    baseline: baselineMedian,
    cpuMedian: median(productCpuMs),
    cpuRatio,
    target: `ratio ≤ ${maxRatio}`,
    met: ratio <= maxRatio,
    note: `${WARM_UPS} warm-ups, ${RUNS} runs alternating with the hand loop; ratio = median of per-run ratios`,
  };
}

function dueDateCase(): CaseResult {
  const periods = everyMonthPeriods().map((period) => [[period]]);
  const passes = 100;
  const callsPerRun = periods.length * passes;
  const callOnce = (): void => {
    for (let pass = 0; pass < passes; pass++) {
      for (const period of periods) {
        const result = secDueDate(period);
        if (typeof result[0][0] !== "number")
          throw new Error(`SECDUEDATE(${String(period[0][0])}) gave no date`);
      }
    }
  };
  const microsPerCall: number[] = [];
  const cpuMicrosPerCall: number[] = [];
  for (let run = 0; run < WARM_UPS + RUNS; run++) {
    collectGarbage();
    const { ms, cpuMs } = timed(callOnce);
    if (run >= WARM_UPS) {
      microsPerCall.push((ms * 1000) / callsPerRun);
      cpuMicrosPerCall.push((cpuMs * 1000) / callsPerRun);
    }
  }
  const perCallMedian = median(microsPerCall);
  progress(
    `SECDUEDATE: ${perCallMedian.toFixed(3)} µs per call (by CPU time ${median(cpuMicrosPerCall).toFixed(3)})`
  );
  return {
    name: "SECDUEDATE, every month 1995-2100 (1,272 single-cell calls)",
    median: perCallMedian,
    unit: "µs/call",
    runs: microsPerCall,
    cpuMedian: median(cpuMicrosPerCall),
    target: "≤ 2 µs",
    met: perCallMedian <= 2,
    note: `each run = ${passes} passes over the 1,272 months (${callsPerRun} calls); ${WARM_UPS} warm-ups, ${RUNS} runs`,
  };
}

function varianceCases(): CaseResult[] {
  progress(`building SECVARIANCE inputs: ${FULL_COLUMN_ROWS} rows`);
  const { actual, forecast } = varianceInputs(FULL_COLUMN_ROWS);
  return [
    compareWithHandLoop(
      "SECVARIANCE status, 1,048,575 × 1",
      2,
      () => secVariance(actual, forecast),
      () => varianceStatusHandLoop(actual, forecast)
    ),
    compareWithHandLoop(
      "SECVARIANCE percent, 1,048,575 × 1",
      2,
      () => secVariance(actual, forecast, "SR", "percent"),
      () => variancePercentHandLoop(actual, forecast)
    ),
  ];
}

function pciFlagCase(): CaseResult {
  progress(`building PCIFLAG inputs: ${FULL_COLUMN_ROWS} rows`);
  const pci = pciInputs(FULL_COLUMN_ROWS);
  const args = [
    pci.commissioned,
    pci.measured,
    pci.interrogated,
    pci.recoveryAnchor,
    pci.issueSc,
    pci.updateScDevice,
    pci.updateScKrp,
  ] as const;
  return compareWithHandLoop(
    "PCIFLAG, 1,048,575 rows",
    3,
    () => pciFlag(...args),
    () => pciFlagHandLoop(...args)
  );
}

const CASES: Record<string, () => CaseResult[]> = {
  variance: varianceCases,
  pciflag: () => [pciFlagCase()],
  duedate: () => [dueDateCase()],
};

async function main(): Promise<CaseResult[]> {
  installCustomFunctionsGlobal();
  const which = process.argv[2] ?? "";
  const run = CASES[which];
  if (run === undefined) throw new Error(`usage: functions.ts ${Object.keys(CASES).join("|")}`);
  return run();
}

runCaseMain(main);
