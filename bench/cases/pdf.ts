/**
 * PDF case: `--pdf` (the Panel paper through LibreOffice) against writing the workbook alone, both as
 * `npm run report` runs them (a child process, start-up included), on the sample workbook and on the
 * 1,048,575-row device workbook of the headless case. Reports each as a ratio to the workbook alone.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CACHE_DIR, benchInputWorkbook } from "../lib/device-workbook";
import { BENCH_PERIOD } from "../lib/report-inputs";
import { CaseResult, median, nowMs, progress, runCaseMain } from "../lib/measure";

const REPO = path.join(__dirname, "..", "..");
const SAMPLE = path.join(REPO, "examples", "sample-input.xlsx");
const SAMPLE_RUNS = 3;
const DEVICE_RUNS = 1;

/** Seconds for one CLI run writing `output` (and the PDF when `pdf` is given). */
function timeCli(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(
      process.execPath,
      ["-r", "./scripts/register-ts.js", "src/cli/main.ts", ...args, "--replace"],
      { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] }
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve((nowMs() - start) / 1000);
      else reject(new Error(`the CLI exited with ${String(code)}:\n${stderr}`));
    });
  });
}

async function measure(
  id: string,
  label: string,
  input: string,
  period: string | null,
  runs: number
): Promise<CaseResult> {
  const out = path.join(CACHE_DIR, `pdf-case-${id}.xlsx`);
  const pdf = path.join(CACHE_DIR, `pdf-case-${id}.pdf`);
  const base = [input, "--out", out, ...(period ? ["--period", period] : [])];
  const workbookOnly: number[] = [];
  const withPdf: number[] = [];
  const ratios: number[] = [];
  // Alternated run by run, so both see the same load.
  for (let run = 0; run < runs; run++) {
    const plain = await timeCli(base);
    const both = await timeCli([...base, "--pdf", pdf, "--pdf-timeout", "3600"]);
    progress(`${label} run ${run + 1}: workbook ${plain.toFixed(1)} s, with --pdf ${both.toFixed(1)} s`);
    workbookOnly.push(plain);
    withPdf.push(both);
    ratios.push(both / plain);
  }
  const pages = /\/Type\s*\/Page[^s]/g;
  const pageCount = (fs.readFileSync(pdf, "latin1").match(pages) ?? []).length;
  return {
    name: `--pdf, ${label}: wall time (ratio to writing the workbook alone)`,
    median: median(withPdf),
    unit: "s",
    runs: withPdf,
    ratio: median(ratios),
    baseline: median(workbookOnly),
    target: "report",
    met: null,
    note:
      `${runs} run(s) each of the CLI with and without --pdf, alternated; workbook alone ` +
      `${median(workbookOnly).toFixed(1)} s; the PDF has ${pageCount} pages (${(fs.statSync(pdf).size / 1024 / 1024).toFixed(1)} MB)`,
  };
}

async function main(): Promise<CaseResult[]> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const sample = await measure("sample", "sample", SAMPLE, null, SAMPLE_RUNS);
  const devices = await measure(
    "devices",
    "1,048,575-row device workbook",
    await benchInputWorkbook(),
    BENCH_PERIOD,
    DEVICE_RUNS
  );
  return [sample, devices];
}

runCaseMain(main);
