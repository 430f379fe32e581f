/**
 * `npm run bench`: runs every benchmark case, each in its own node process (with --expose-gc, so a case can
 * collect garbage between runs and one case's inputs never slow another), prints a table of medians and
 * writes bench/results.json. Options:
 *   --only variance,pciflag,duedate,generate,generate-stress,real-client,headless,pdf,national,bundles,interactive   run some cases (results.json keeps the others)
 *   --write-docs   also put the table into BENCHMARKS.md, between its bench-table markers
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CaseResult, MachineInfo, RESULT_MARKER, machineInfo } from "./lib/measure";

const REPO = path.join(__dirname, "..");
const RESULTS_FILE = path.join(__dirname, "results.json");
const DOCS_FILE = path.join(REPO, "BENCHMARKS.md");
const TABLE_START = "<!-- bench-table:start -->";
const TABLE_END = "<!-- bench-table:end -->";

interface BenchCase {
  id: string;
  file: string;
  args: string[];
  /** Shown when the case fails before giving results. */
  label: string;
  target: string;
}

const CASES: readonly BenchCase[] = [
  { id: "variance", file: "functions.ts", args: ["variance"], label: "SECVARIANCE", target: "ratio ≤ 2" },
  { id: "pciflag", file: "functions.ts", args: ["pciflag"], label: "PCIFLAG", target: "ratio ≤ 3" },
  { id: "duedate", file: "functions.ts", args: ["duedate"], label: "SECDUEDATE", target: "≤ 2 µs" },
  { id: "generate", file: "generate.ts", args: [], label: "Generate all reports", target: "≤ 10 s; ≤ 4 MB" },
  {
    id: "generate-stress",
    file: "generate.ts",
    args: ["stress"],
    label: "Generate, every due device listed",
    target: "≤ 10 s; ≤ 4 MB",
  },
  {
    id: "real-client",
    file: "real-client.ts",
    args: [],
    label: "Generate through the real Office.js client",
    target: "≤ 4,500,000 bytes enveloped",
  },
  { id: "headless", file: "headless.ts", args: [], label: "Headless runner", target: "≤ 60 s; ≤ 2 GB" },
  { id: "pdf", file: "pdf.ts", args: [], label: "Panel paper PDF (--pdf)", target: "report" },
  {
    id: "national",
    file: "national.ts",
    args: [],
    label: "National scale: CSV and Parquet through DuckDB",
    target: "ratio ≤ 4; ≤ 4 GB",
  },
  {
    id: "bundles",
    file: "bundles.ts",
    args: [],
    label: "Production bundles",
    target: "≤ 25 KB / 250 KB gzip; page ≤ 150,000 bytes",
  },
  {
    id: "interactive",
    file: "interactive.ts",
    args: [],
    label: "Task pane time to interactive",
    target: "report (ratio to a minimal page)",
  },
];

interface StoredResult extends CaseResult {
  /** Which case produced it (the --only name). */
  case: string;
  /** When it was measured (a run with --only keeps earlier results of the other cases). */
  measuredAt: string;
}

interface ResultsFile {
  machine: MachineInfo & { loadAverage: { start: number[]; end: number[] } };
  date: string;
  cases: StoredResult[];
}

function runCase(benchCase: BenchCase): StoredResult[] {
  process.stderr.write(`\n${benchCase.label} (${benchCase.id})\n`);
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=4096",
      "-r",
      "./scripts/register-ts.js",
      path.join(__dirname, "cases", benchCase.file),
      ...benchCase.args,
    ],
    { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 }
  );
  const line = child.stdout.split("\n").find((text) => text.startsWith(RESULT_MARKER));
  if (child.status === 0 && line !== undefined) {
    const results = JSON.parse(line.slice(RESULT_MARKER.length)) as CaseResult[];
    return results.map((result) => ({ case: benchCase.id, measuredAt: new Date().toISOString(), ...result }));
  }
  // A case that cannot run is a failed target, shown in the table, never silently left out.
  return [
    {
      case: benchCase.id,
      measuredAt: new Date().toISOString(),
      name: benchCase.label,
      median: Number.NaN,
      unit: "",
      runs: [],
      target: benchCase.target,
      met: false,
      note: `did not run: exit ${String(child.status)}${child.error ? ` (${child.error.message})` : ""}`,
    },
  ];
}

function formatNumber(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "—";
  const digits = unit === "µs/call" ? 3 : unit === "s" ? 2 : unit === "ms" || unit === "KB" ? 1 : 0;
  return value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function markdownTable(results: readonly StoredResult[]): string {
  const lines = [
    "| case | median (wall) | ratio to hand loop | median CPU time (ratio) | runs | target | met |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const result of results) {
    const median = `${formatNumber(result.median, result.unit)} ${result.unit}`.trim();
    const ratio = result.ratio === undefined ? "" : result.ratio.toFixed(2);
    const cpuRatio = result.cpuRatio === undefined ? "" : ` (${result.cpuRatio.toFixed(2)})`;
    const cpu =
      result.cpuMedian === undefined
        ? ""
        : `${formatNumber(result.cpuMedian, result.unit)} ${result.unit}${cpuRatio}`;
    const met = result.met === null ? "—" : result.met ? "yes" : "**NO**";
    const cells = [result.name, median, ratio, cpu, String(result.runs.length), result.target, met];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

function readPrevious(): StoredResult[] {
  if (!fs.existsSync(RESULTS_FILE)) return [];
  const previous = JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as Partial<ResultsFile>;
  return Array.isArray(previous.cases) ? previous.cases : [];
}

function writeDocs(file: ResultsFile, table: string): void {
  const docs = fs.readFileSync(DOCS_FILE, "utf8");
  const start = docs.indexOf(TABLE_START);
  const end = docs.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE} has no ${TABLE_START} … ${TABLE_END} markers`);
  const { cpu, cores, memory, node, loadAverage } = file.machine;
  const block = [
    TABLE_START,
    `Measured ${file.date} on ${cpu}, ${cores} cores, ${memory}, node ${node} ` +
      `(load average ${loadAverage.start[0].toFixed(1)} at the start, ${loadAverage.end[0].toFixed(1)} at the end).`,
    "",
    table,
    TABLE_END,
  ].join("\n");
  fs.writeFileSync(DOCS_FILE, docs.slice(0, start) + block + docs.slice(end + TABLE_END.length));
  // Keep the document as `npm run lint` wants it (Prettier aligns Markdown tables).
  const prettier = spawnSync("npx", ["prettier", "--write", DOCS_FILE], { cwd: REPO, encoding: "utf8" });
  if (prettier.status !== 0) throw new Error(`prettier failed on ${DOCS_FILE}: ${prettier.stderr}`);
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes("--help")) {
    process.stdout.write(`${fs.readFileSync(__filename, "utf8").split("*/")[0]}*/\n`);
    return;
  }
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? "").split(",").map((id) => id.trim()) : null;
  const unknown = (only ?? []).filter((id) => !CASES.some((benchCase) => benchCase.id === id));
  if (unknown.length > 0) {
    throw new Error(`unknown case ${unknown.join(", ")}: choose from ${CASES.map((c) => c.id).join(", ")}`);
  }
  const chosen = CASES.filter((benchCase) => only === null || only.includes(benchCase.id));
  const loadAtStart = os.loadavg();
  const fresh = chosen.flatMap(runCase);
  const kept = readPrevious().filter((result) => !chosen.some((benchCase) => benchCase.id === result.case));
  const order = (result: StoredResult): number =>
    CASES.findIndex((benchCase) => benchCase.id === result.case);
  const cases = [...kept, ...fresh].sort((a, b) => order(a) - order(b));
  const file: ResultsFile = {
    machine: { ...machineInfo(), loadAverage: { start: loadAtStart, end: os.loadavg() } },
    date: new Date().toISOString(),
    cases,
  };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  const table = markdownTable(cases);
  process.stdout.write(`\n${table}\n\nWrote ${path.relative(REPO, RESULTS_FILE)}\n`);
  if (argv.includes("--write-docs")) writeDocs(file, table);
  if (fresh.some((result) => result.met === false)) process.exitCode = 1;
}

main();
