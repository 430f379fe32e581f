/**
 * Headless case: the command-line runner (src/cli/main.ts, as `npm run report` starts it) on a workbook
 * of 1,048,575 device rows plus the Service Request and CSR sheets, as a child process. Measures its wall
 * time and peak resident memory: `/usr/bin/time -v` when present, otherwise VmHWM polled from /proc.
 * The input workbook is written once into .tmp/bench/ and reused. Run by bench/run.ts as its own process.
 */
import * as fs from "fs";
import * as path from "path";
import { CACHE_DIR, benchInputWorkbook } from "../lib/device-workbook";
import { BENCH_PERIOD } from "../lib/report-inputs";
import { CaseResult, MB, median, progress, runCaseMain } from "../lib/measure";
import { type TimedRun, runTimedNode } from "../lib/timed-process";

const RUNS = 3;
const MAX_SECONDS = 60;
const MAX_RSS_BYTES = 2 * 1024 * MB;

async function main(): Promise<CaseResult[]> {
  const input = await benchInputWorkbook();
  const output = path.join(CACHE_DIR, "headless-output.xlsx");
  const runs: TimedRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await runTimedNode([
      "src/cli/main.ts",
      input,
      "--out",
      output,
      "--period",
      BENCH_PERIOD,
      "--replace",
    ]);
    progress(
      `run ${run + 1}: ${result.seconds.toFixed(1)} s, peak RSS ${(result.peakRss / MB).toFixed(0)} MB`
    );
    runs.push(result);
  }
  progress(`CLI output: ${runs[0].stdout.trim().split("\n").join(" | ")}`);
  const seconds = runs.map((run) => run.seconds);
  const peaks = runs.map((run) => run.peakRss / MB);
  const note =
    `${RUNS} runs of \`node -r ./scripts/register-ts.js src/cli/main.ts\` (start-up included), ` +
    `input ${(fs.statSync(input).size / MB).toFixed(0)} MB .xlsx; each run is a fresh process, so no warm-up`;
  return [
    {
      name: "Headless runner, 1,048,575-row device workbook: wall time",
      median: median(seconds),
      unit: "s",
      runs: seconds,
      target: `≤ ${MAX_SECONDS} s`,
      met: median(seconds) <= MAX_SECONDS,
      note,
    },
    {
      name: "Headless runner: peak resident memory",
      median: median(peaks),
      unit: "MB",
      runs: peaks,
      target: "≤ 2 GB",
      met: Math.max(...runs.map((run) => run.peakRss)) <= MAX_RSS_BYTES,
      note: fs.existsSync("/usr/bin/time")
        ? "maximum resident set size from /usr/bin/time -v"
        : "VmHWM polled every 50 ms",
    },
  ];
}

runCaseMain(main);
