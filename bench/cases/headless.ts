/**
 * Headless case: the command-line runner (src/cli/main.ts, as `npm run report` starts it) on a workbook
 * of 1,048,575 device rows plus the Service Request and CSR sheets, as a child process. Measures its wall
 * time and peak resident memory: `/usr/bin/time -v` when present, otherwise VmHWM polled from /proc.
 * The input workbook is written once into .tmp/bench/ and reused. Run by bench/run.ts as its own process.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CACHE_DIR, benchInputWorkbook } from "../lib/device-workbook";
import { BENCH_PERIOD } from "../lib/report-inputs";
import { CaseResult, MB, median, nowMs, peakRssBytes, progress, runCaseMain } from "../lib/measure";

const RUNS = 3;
const MAX_SECONDS = 60;
const MAX_RSS_BYTES = 2 * 1024 * MB;
const GNU_TIME = "/usr/bin/time";
const REPO = path.join(__dirname, "..", "..");

interface CliRun {
  seconds: number;
  peakRss: number;
  stdout: string;
}

function maxRssFromGnuTime(report: string): number | null {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return match === null ? null : Number(match[1]) * 1024;
}

function runCli(input: string, output: string): Promise<CliRun> {
  const cliArgs = ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", input];
  cliArgs.push("--out", output, "--period", BENCH_PERIOD, "--replace");
  const useGnuTime = fs.existsSync(GNU_TIME);
  const timeReport = path.join(CACHE_DIR, "time-report.txt");
  const command = useGnuTime ? GNU_TIME : process.execPath;
  const args = useGnuTime ? ["-v", "-o", timeReport, process.execPath, ...cliArgs] : cliArgs;
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(command, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Without GNU time, poll the child's own high-water mark while it runs.
    let polledPeak = 0;
    const poll = useGnuTime
      ? undefined
      : setInterval(() => {
          if (child.pid !== undefined) polledPeak = Math.max(polledPeak, peakRssBytes(child.pid) ?? 0);
        }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (nowMs() - start) / 1000;
      if (poll !== undefined) clearInterval(poll);
      if (code !== 0) {
        reject(new Error(`the CLI exited with ${String(code)}:\n${stderr.slice(-2000)}`));
        return;
      }
      const peakRss = useGnuTime ? maxRssFromGnuTime(fs.readFileSync(timeReport, "utf8")) : polledPeak;
      if (peakRss === null) {
        reject(new Error(`no peak memory in ${timeReport}`));
        return;
      }
      resolve({ seconds, peakRss, stdout });
    });
  });
}

async function main(): Promise<CaseResult[]> {
  const input = await benchInputWorkbook();
  const output = path.join(CACHE_DIR, "headless-output.xlsx");
  const runs: CliRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await runCli(input, output);
    progress(
      `run ${run + 1}: ${result.seconds.toFixed(1)} s, peak RSS ${(result.peakRss / MB).toFixed(0)} MB`
    );
    runs.push(result);
  }
  progress(`CLI output: ${runs[0].stdout.trim().split("\n").join(" | ")}`);
  const seconds = runs.map((run) => run.seconds);
  const peaks = runs.map((run) => run.peakRss / MB);
  const note =
    `${RUNS} runs of \`node -r ts-node/register/transpile-only src/cli/main.ts\` (start-up included), ` +
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
      note: fs.existsSync(GNU_TIME)
        ? "maximum resident set size from /usr/bin/time -v"
        : "VmHWM polled every 50 ms",
    },
  ];
}

runCaseMain(main);
