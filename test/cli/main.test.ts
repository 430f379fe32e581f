/**
 * The report CLI end to end, as a child process: sample workbook in, report workbook out, read back
 * with ExcelJS and compared with the layouts that src/reports builds in-process for the same data.
 */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { type SheetLayout, reportSheetNames } from "../../src/reports";
import { tableRows } from "../reports/layout-cells";
import {
  type CliResult,
  SAMPLE_INPUT,
  listDir,
  makeTempDir,
  readWorkbook,
  runCli,
  sampleLayouts,
  sha256,
  writtenTables,
} from "./helpers";

const SPEC_TABLES_2018_01 = [
  "SR_2018_01",
  "SR_Exceptions_2018_01",
  "SR_Services_2018_01",
  "SR_Metrics_2018_01",
  "SR_Metric_Breaches_2018_01",
  "SR_Metric_Summary_2018_01",
  "CSR_2018_01",
  "CSR_Exceptions_2018_01",
  "PCI_2018_01",
  "PCI_Trend_2018_01",
  "PCI_Types_2018_01",
  "PCI_Suppliers_2018_01",
];

/** Every table of the layouts has the same headers and exactly the same rows in the written file. */
function expectTablesMatchLayouts(workbook: ExcelJS.Workbook, layouts: SheetLayout[]): void {
  const written = writtenTables(workbook);
  const expectedNames = layouts.flatMap((layout) => layout.tables.map((table) => table.name)).sort();
  expect([...written.keys()].sort()).toEqual(expectedNames);
  for (const layout of layouts) {
    for (const table of layout.tables) {
      const actual = written.get(table.name);
      expect(actual?.sheet).toBe(layout.name);
      expect(actual?.headers).toEqual(table.headers);
      expect(actual?.style).toBe(table.style);
      const expectedRows = table.rowCount === 0 ? [table.headers.map(() => null)] : tableRows(layout, table);
      expect(actual?.rows).toEqual(expectedRows);
    }
  }
}

describe("npm run report on the bundled sample", () => {
  let dir: string;
  let out: string;
  let result: CliResult;
  let inputHashBefore: string;
  const layouts = sampleLayouts({ period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false });

  beforeAll(async () => {
    dir = await makeTempDir("sample");
    out = path.join(dir, "reports.xlsx");
    inputHashBefore = await sha256(SAMPLE_INPUT);
    // No input argument: the CLI runs on examples/sample-input.xlsx.
    result = await runCli(["--out", out]);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("exits 0 and prints the output path, then one summary line per report", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(out);
    const summaries = lines.slice(1, 1 + layouts.length);
    expect(summaries.map((line) => line.split(":")[0])).toEqual(layouts.map((layout) => layout.name));
    // Then which table was used for which input.
    expect(lines.slice(1 + layouts.length)).toEqual([
      "Service Requests input: table ServiceRequests on sheet 'Service Requests' (A1:G59), 58 rows",
      "CSRs input: table CSRs on sheet CSRs (A1:E36), 35 rows",
      "Devices input: table Devices on sheet Devices (A1:J966), 965 rows",
      "Service Metrics input: table ServiceMetrics on sheet 'Service Metrics' (A1:G145), 144 rows",
    ]);
    const exceptions = layouts[0].tables.find((table) => table.name === "SR_Exceptions_2018_01");
    expect(lines[1]).toContain(`${exceptions?.rowCount} exceptions`);
  });

  it("writes the report sheets for the latest month, in order", async () => {
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      reportSheetNames({ period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false })
    );
  });

  it("writes every SPEC table with exactly the columns and rows the report builder computes", async () => {
    const workbook = await readWorkbook(out);
    const names = [...writtenTables(workbook).keys()];
    for (const name of SPEC_TABLES_2018_01) expect(names).toContain(name);
    expectTablesMatchLayouts(workbook, layouts);
    // The sample exercises H3.24 in full: Services and Service Metrics with breaches.
    const tables = writtenTables(workbook);
    for (const name of ["SR_Services_2018_01", "SR_Metrics_2018_01", "SR_Metric_Breaches_2018_01"]) {
      expect(tables.get(name)?.rows.length).toBeGreaterThan(1);
    }
  });

  it("leaves the input file unchanged", async () => {
    expect(await sha256(SAMPLE_INPUT)).toBe(inputHashBefore);
  });

  it("leaves no temporary file beside the output", async () => {
    expect(await listDir(dir)).toEqual(["reports.xlsx"]);
  });
});

describe("report options", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = await makeTempDir("options");
    input = path.join(dir, "input.xlsx");
    await fs.copyFile(SAMPLE_INPUT, input);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("--only csr --period --redact-csr build just that report for that month, redacted", async () => {
    const result = await runCli([input, "--only", "csr", "--period", "2017-12", "--redact-csr"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // Default output: beside the input, named for the period.
    const out = path.join(dir, "DCC-reports-2017-12.xlsx");
    expect(result.stdout.split("\n")[0]).toBe(out);
    const workbook = await readWorkbook(out);
    const options = { period: "2017-12", reports: ["csr" as const], redactCsr: true };
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(reportSheetNames(options));
    const layouts = sampleLayouts(options);
    expectTablesMatchLayouts(workbook, layouts);
    const all = writtenTables(workbook).get("CSR_2017_12");
    expect(all?.rows.length).toBeGreaterThan(0);
    for (const row of all?.rows ?? []) {
      expect(row[0]).toMatch(/^Subscriber \d+$/);
      expect(row[1]).toMatch(/^Subscriber \d+$/);
    }
  });

  it("refuses to replace an existing output without --replace, and replaces it atomically with it", async () => {
    const out = path.join(dir, "existing.xlsx");
    await fs.writeFile(out, "old contents");
    const refused = await runCli([input, "--out", out, "--only", "sr"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain("already exists");
    expect(await fs.readFile(out, "utf8")).toBe("old contents");

    const before = await fs.stat(out);
    const replaced = await runCli([input, "--out", out, "--only", "sr", "--replace"]);
    expect(replaced.status).toBe(0);
    const after = await fs.stat(out);
    // A rename puts a new file in place; writing in place would keep the old inode.
    expect(after.ino).not.toBe(before.ino);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "SR Variance Jan-2018",
      "DCC Reporting Jan-2018",
    ]);
    expect((await listDir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("gives the default output a free name when an earlier run's reports are there", async () => {
    const first = await runCli([input, "--only", "sr"]);
    const second = await runCli([input, "--only", "sr"]);
    expect([first.status, second.status]).toEqual([0, 0]);
    const firstPath = path.join(dir, "DCC-reports-2018-01.xlsx");
    const secondPath = path.join(dir, "DCC-reports-2018-01 (2).xlsx");
    expect(first.stdout).toContain(firstPath);
    expect(second.stdout).toContain(secondPath);
    expect((await readWorkbook(secondPath)).worksheets.map((sheet) => sheet.name)).toContain(
      "SR Variance Jan-2018"
    );
    await fs.rm(firstPath);
    await fs.rm(secondPath);
  });

  it("never overwrites the input, even with --replace", async () => {
    const hash = await sha256(input);
    const result = await runCli([input, "--out", input, "--replace"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refusing to overwrite the input/);
    expect(await sha256(input)).toBe(hash);
  });
});

describe("usage errors", () => {
  it("--help prints the usage and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run report -- \[input\.xlsx /);
    for (const option of ["--period", "--out", "--only", "--redact-csr", "--replace"]) {
      expect(result.stdout).toContain(option);
    }
  });

  it.each([
    [["--frobnicate"], /^error: unknown option "--frobnicate"/],
    [["/no/such/file.xlsx"], /^error: input file not found: \/no\/such\/file\.xlsx/],
    [
      ["--period", "2019-05"],
      /^error: period 2019-05 is not in the data \(months in .*: 2017-07 to 2018-01\)/,
    ],
    [["--period", "May 2019"], /^error: --period: "May 2019" is not a month as YYYY-MM/],
    [["--only", "sr,xyz"], /^error: --only: unknown report "xyz"/],
  ])("%j exits 2 with one clear line", async (args, message) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
