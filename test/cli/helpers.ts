/** Shared helpers for the CLI tests: run the CLI as a child process, temp dirs, reading outputs back. */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeSheetsXlsx } from "../../src/cli/write-xlsx";
import {
  type CellValue,
  type ReportOptions,
  type SheetLayout,
  buildReports,
  checkInputs,
  detectInputs,
  sampleGrids,
} from "../../src/reports";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE_INPUT = path.join(REPO_ROOT, "examples", "sample-input.xlsx");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node -r ./scripts/register-ts.js <script> ...args` from the repo root, with extra `env`. */
export function runNodeScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {}
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "./scripts/register-ts.js", script, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Runs the CLI with its own temp folder (TMPDIR), sends `signal` once stderr shows `when` and, when
 * `tmpFileIn` is given, once a `.tmp` file has appeared there (the output being written, so that the test
 * sees what an interruption at that moment leaves). Resolves with the exit status.
 */
export function interruptedRun(
  args: string[],
  tempDir: string,
  when: RegExp,
  signal: NodeJS.Signals,
  tmpFileIn?: string
): Promise<{ status: number | null; stderr: string; sent: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "./scripts/register-ts.js", "src/cli/main.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TMPDIR: tempDir },
    });
    let stderr = "";
    let sent = false;
    let poll: NodeJS.Timeout | undefined;
    const send = () => {
      if (sent) return;
      sent = true;
      if (poll) clearInterval(poll);
      child.kill(signal);
    };
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (sent || poll || !when.test(stderr)) return;
      if (!tmpFileIn) return send();
      poll = setInterval(() => {
        void fs.readdir(tmpFileIn).then((names) => {
          if (names.some((name) => name.endsWith(".tmp"))) send();
        });
      }, 20);
    });
    child.on("error", reject);
    child.on("close", (status) => {
      if (poll) clearInterval(poll);
      resolve({ status, stderr, sent });
    });
  });
}

/** The report CLI, exactly as `npm run report -- ...args` runs it. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runNodeScript("src/cli/main.ts", args, env);
}

/**
 * A Service Requests sheet of `rows` Users for January 2018 (over 100,000 rows makes the runner print its
 * stages), written as .xlsx by the runner's own writer; `actual` gives each row's Actual.
 */
export function writeServiceRequestsXlsx(
  file: string,
  rows: number,
  actual: (index: number) => number
): Promise<void> {
  const values: (string | number)[][] = [["Period", "User ID", "Forecast", "Actual"]];
  for (let index = 0; index < rows; index++) {
    values.push(["2018-01", (0x90b3d51f00000000n + BigInt(index)).toString(16), 100, actual(index)]);
  }
  const sheet = {
    name: "Service Requests",
    values: [{ row: 0, col: 0, values }],
    styles: [],
    tables: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [],
    freezeRows: 0,
  };
  return writeSheetsXlsx([sheet], file);
}

export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `dcc-cli-${prefix}-`));
}

export async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

/**
 * Layouts built in-process from the same sample data, the way the task pane builds them, with an
 * audit stamp where the runner puts one (its values are placeholders: compare positions and tables).
 */
export function sampleLayouts(options: ReportOptions): SheetLayout[] {
  const data = checkInputs(detectInputs(sampleGrids()));
  if (data.problems.length > 0) throw new Error(`sample has problems: ${data.problems[0].message}`);
  const placeholder = "0".repeat(64);
  const audit = options.audit ?? {
    producedAt: new Date(0),
    product: "",
    fingerprints: { sr: placeholder, csr: placeholder, pci: placeholder },
  };
  return buildReports(data, { ...options, audit }).layouts;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Excel serial of a date ExcelJS read from a date-formatted cell. */
export function serialOfDate(date: Date): number {
  return Math.round(date.getTime() / 86_400_000) + 25_569;
}

/** A cell as the layout would hold it: dates back to serials, empty -> null. */
export function layoutValueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serialOfDate(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

/** What ExcelJS's reader holds but its typings do not declare. */
export interface ReadTableModel {
  name: string;
  tableRef: string;
  columns: { name: string }[];
  style?: { theme?: string };
}
export interface ReadWorksheetModel {
  tables: Record<string, { table: ReadTableModel }>;
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}
export function readModel(worksheet: ExcelJS.Worksheet): ReadWorksheetModel {
  return worksheet as unknown as ReadWorksheetModel;
}

/** Everything about a table in a written file: where it is, its columns, its data rows. */
export interface WrittenTable {
  sheet: string;
  ref: string;
  headers: string[];
  style: string | undefined;
  rows: CellValue[][];
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(`bad range ${ref}`);
  const column = (letters: string): number =>
    [...letters].reduce((sum, ch) => sum * 26 + ch.charCodeAt(0) - 64, 0);
  return { left: column(match[1]), top: Number(match[2]), right: column(match[3]), bottom: Number(match[4]) };
}

/** Every table of a workbook by name, with its data rows read from the cells under it. */
export function writtenTables(workbook: ExcelJS.Workbook): Map<string, WrittenTable> {
  const tables = new Map<string, WrittenTable>();
  for (const worksheet of workbook.worksheets) {
    for (const [name, { table: model }] of Object.entries(readModel(worksheet).tables)) {
      const range = decodeRange(model.tableRef);
      const rows: CellValue[][] = [];
      for (let row = range.top + 1; row <= range.bottom; row++) {
        const cells: CellValue[] = [];
        for (let col = range.left; col <= range.right; col++)
          cells.push(layoutValueOf(worksheet.getCell(row, col).value));
        rows.push(cells);
      }
      const headers: string[] = [];
      for (let col = range.left; col <= range.right; col++)
        headers.push(String(worksheet.getCell(range.top, col).value));
      tables.set(name, {
        sheet: worksheet.name,
        ref: model.tableRef,
        headers,
        style: model.style?.theme,
        rows,
      });
    }
  }
  return tables;
}

/** Files in a directory (names only). */
export async function listDir(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

export const SOFFICE_AVAILABLE = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
/** Every sheet to its own CSV file, `<name>-<sheet>.csv` (the trailing -1). */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** RFC 4180 CSV (LibreOffice's output: comma, double quotes, quotes doubled). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const ch = text[index];
    if (quoted) {
      if (ch === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Converts each file to one CSV per sheet in `outDir`; `profileDir` keeps parallel runs apart. */
export function convertWithLibreOffice(
  files: string | string[],
  outDir: string,
  profileDir: string
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "soffice",
      [
        `-env:UserInstallation=file://${profileDir}`,
        "--headless",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        outDir,
        ...(typeof files === "string" ? [files] : files),
      ],
      { stdio: ["ignore", "pipe", "pipe"] }
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) =>
      status === 0 ? resolve() : reject(new Error(`soffice exited ${status}: ${output}`))
    );
  });
}
