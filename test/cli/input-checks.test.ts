/**
 * The runner on ordinary and hostile workbooks: every table or sheet accounted for, bad cells as
 * problems with their cell, one exit-code contract, plain messages (no library codes, at most 60
 * characters of a bad value).
 */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as runCliInProcess } from "../../src/cli/run";
import { SAMPLE_INPUT, listDir, makeTempDir } from "./helpers";

interface RunResult {
  status: number;
  out: string[];
  err: string[];
}

async function run(args: string[]): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCliInProcess(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { status, out, err };
}

type Row = ExcelJS.CellValue[];

const SR_HEADERS = ["Period", "User ID", "User Name", "Forecast", "Actual"];
const SR_ROWS: Row[] = [
  ["2018-01", "90-B3-D5-1F-30-01-00-01", "Northern Lights", 100, 95],
  ["2018-01", "90-B3-D5-1F-30-01-00-02", "Brightside", 100, 130],
];

let dir: string;
let fileNumber = 0;

beforeAll(async () => {
  dir = await makeTempDir("input-checks");
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Writes a workbook built by `build` and returns its path. */
async function workbookFile(build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const file = path.join(dir, `input-${++fileNumber}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A workbook with one SR sheet holding `rows` (headers first) from A1. */
function srWorkbook(rows: Row[]): Promise<string> {
  return workbookFile((workbook) => {
    const sheet = workbook.addWorksheet("Service Requests");
    for (const row of rows) sheet.addRow(row);
  });
}

function outPath(): string {
  return path.join(dir, `out-${++fileNumber}.xlsx`);
}

describe("ordinary layouts are found", () => {
  it("finds the header below a merged title and a plain title", async () => {
    const input = await workbookFile((workbook) => {
      const merged = workbook.addWorksheet("Service Requests");
      merged.getCell("A1").value = "Service Requests, January 2018";
      merged.mergeCells("A1:E1");
      merged.getRow(3).values = SR_HEADERS;
      merged.getRow(4).values = SR_ROWS[0];
      merged.getRow(5).values = SR_ROWS[1];
      const plain = workbook.addWorksheet("CSRs");
      plain.getCell("B2").value = "CSRs sent";
      plain.getRow(4).values = [undefined, "Period", "Subscriber ID", "Forecast", "Actual"];
      plain.getRow(5).values = [undefined, "2018-01", "00-DB-12-34-00-00-00-01", 10, 10];
    });
    const result = await run([input, "--out", outPath()]);
    expect(result.err).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.out).toContain("Service Requests input: sheet 'Service Requests' (A3:E5), 2 rows");
    expect(result.out).toContain("CSRs input: sheet CSRs (B4:E5), 1 rows");
  });

  it("finds an Excel table at C5 with a note in A1, and lists the unused sheet with --verbose", async () => {
    const input = await workbookFile((workbook) => {
      const sheet = workbook.addWorksheet("Data");
      sheet.getCell("A1").value = "Provisional figures";
      sheet.addTable({
        name: "SR",
        ref: "C5",
        headerRow: true,
        columns: SR_HEADERS.map((name) => ({ name })),
        rows: SR_ROWS,
      });
      workbook.addWorksheet("Notes").getCell("A1").value = "Checked by the analyst";
    });
    const quiet = await run([input, "--out", outPath()]);
    expect(quiet.status).toBe(0);
    expect(quiet.out.slice(-2)).toEqual([
      "Service Requests input: table SR on sheet Data (C5:G7), 2 rows",
      "Not used: 1 other sheet or table (--verbose lists them)",
    ]);
    const verbose = await run([input, "--out", outPath(), "--verbose"]);
    expect(verbose.out.slice(-2)).toEqual([
      "Service Requests input: table SR on sheet Data (C5:G7), 2 rows",
      "Not used: sheet Notes (A1:A1): no header row naming User ID, Subscriber ID, or Device ID and Commissioned in its first 20 rows",
    ]);
  });

  it("uses input on a hidden sheet and says it is hidden", async () => {
    const input = await workbookFile((workbook) => {
      const sheet = workbook.addWorksheet("Service Requests", { state: "veryHidden" });
      for (const row of [SR_HEADERS, ...SR_ROWS]) sheet.addRow(row);
      workbook.addWorksheet("Cover").getCell("A1").value = "Monthly data";
    });
    const result = await run([input, "--out", outPath()]);
    expect(result.status).toBe(0);
    expect(result.out).toContain(
      "Service Requests input: sheet 'Service Requests' (A1:E3, very hidden sheet), 2 rows"
    );
  });

  it("makes a sheet that looks like an input but lacks a required column a problem", async () => {
    const input = await srWorkbook([
      ["Period", "User ID", "Forecast"],
      ["2018-01", "90-B3-D5-1F-30-01-00-01", 100],
    ]);
    const result = await run([input, "--out", outPath()]);
    expect(result.status).toBe(2);
    expect(result.err[0]).toMatch(/^'Service Requests'!\w+1: .*Actual/);
  });

  it("does not leave out an input it cannot use when another input is found", async () => {
    const input = await workbookFile((workbook) => {
      const csrs = workbook.addWorksheet("CSRs");
      csrs.addRow(["Period", "Subscriber ID", "Forecast", "Actual"]);
      csrs.addRow(["2018-01", "90-B3-D5-1F-30-01-00-09", 10, 12]);
      const requests = workbook.addWorksheet("Service Requests");
      requests.addRow(["Service Requests sent in January"]);
      requests.addRow(["Period", "User ID", "Forecast"]);
      requests.addRow(["2018-01", "90-B3-D5-1F-30-01-00-01", 100]);
    });
    const out = outPath();
    const result = await run([input, "--out", out]);
    expect(result.status).toBe(2);
    expect(result.err[0]).toMatch(/^'Service Requests'!\w+2: .*Actual/);
    expect(await listDir(dir)).not.toContain(path.basename(out));
  });
});

describe("bad cells are problems with their cell", () => {
  it.each<[string, Row, RegExp]>([
    [
      "a formula with no calculated value",
      ["2018-01", "90-B3-D5-1F-30-01-00-01", "A", { formula: "E2*2" } as ExcelJS.CellFormulaValue, 5],
      /^'Service Requests'!D2: a formula with no calculated value/,
    ],
    [
      "a formula whose cached result is #DIV/0!",
      [
        "2018-01",
        "90-B3-D5-1F-30-01-00-01",
        "A",
        10,
        { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
      ],
      /^'Service Requests'!E2: the error #DIV\/0! \(a formula's result\)/,
    ],
    [
      "#REF! in the name column",
      ["2018-01", "90-B3-D5-1F-30-01-00-01", { error: "#REF!" }, 10, 10],
      /^'Service Requests'!C2: the error #REF!/,
    ],
    [
      "a count of 1e308",
      ["2018-01", "90-B3-D5-1F-30-01-00-01", "A", 10, 1e308],
      /^'Service Requests'!E2: .*too large/,
    ],
    [
      "a count of 2.5",
      ["2018-01", "90-B3-D5-1F-30-01-00-01", "A", 10, 2.5],
      /^'Service Requests'!E2: Actual: 2.5 is not a whole number/,
    ],
    [
      "a name of 40,000 characters",
      ["2018-01", "90-B3-D5-1F-30-01-00-01", "n".repeat(40_000), 10, 10],
      /^'Service Requests'!C2: text of 40,000 characters, over Excel's limit/,
    ],
  ])("%s: exit 2, the cell named, nothing written", async (_name, row, message) => {
    const input = await srWorkbook([SR_HEADERS, row]);
    const out = outPath();
    const result = await run([input, "--out", out]);
    expect(result.status).toBe(2);
    expect(result.err[0]).toMatch(message);
    expect(result.err).toHaveLength(2);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("quotes at most 60 characters of a 10,000-character bad ID", async () => {
    const input = await srWorkbook([SR_HEADERS, ["2018-01", "Z".repeat(10_000), "A", 10, 10]]);
    const result = await run([input, "--out", outPath()]);
    expect(result.status).toBe(2);
    expect(result.err[0]).toBe(
      `'Service Requests'!B2: "${"Z".repeat(60)}…" (10,000 characters) is not a valid User ID (EUI-64, 16 hex digits)`
    );
  });

  it("refuses two columns headed for one field", async () => {
    const input = await srWorkbook([
      [...SR_HEADERS, "Actual"],
      [...SR_ROWS[0], 7],
    ]);
    const result = await run([input, "--out", outPath()]);
    expect(result.status).toBe(2);
    expect(result.err[0]).toBe(
      `'Service Requests'!F1: "Actual" is a second column for Actual (the first is E1): keep one`
    );
  });

  it("refuses two tables for one input on one sheet", async () => {
    const input = await workbookFile((workbook) => {
      const sheet = workbook.addWorksheet("Data");
      for (const [name, ref] of [
        ["SR_A", "A1"],
        ["SR_B", "H1"],
      ]) {
        sheet.addTable({
          name,
          ref,
          headerRow: true,
          columns: SR_HEADERS.map((header) => ({ name: header })),
          rows: SR_ROWS,
        });
      }
    });
    const result = await run([input, "--out", outPath()]);
    expect(result.status).toBe(2);
    expect(result.err[0]).toBe(
      "Data!H1: a second Service Requests input on this sheet (the first starts at A1): keep one table per input on a sheet"
    );
  });
});

describe("exit-code contract and plain messages", () => {
  const NOT_A_WORKBOOK =
    /^error: cannot read .*: (the file is empty|not an \.xlsx workbook: it is not a zip package)/;

  it.each<[string, () => Promise<Buffer>]>([
    ["an empty file", () => Promise.resolve(Buffer.alloc(0))],
    ["text", () => Promise.resolve(Buffer.from("hello, this is not a workbook\n"))],
    ["a truncated workbook", async () => (await fs.readFile(SAMPLE_INPUT)).subarray(0, 4000)],
    ["a PNG", () => fs.readFile(path.join(__dirname, "..", "..", "assets", "icon-16.png"))],
  ])("%s: exit 2, one plain line with no library code", async (_name, contents) => {
    const input = path.join(dir, `bad-${++fileNumber}.xlsx`);
    await fs.writeFile(input, await contents());
    const result = await run([input, "--out", outPath()]);
    expect(result.status).toBe(2);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(NOT_A_WORKBOOK);
    expect(result.err[0]).not.toMatch(/[A-Z]{3,}_[A-Z]+|0x[0-9a-f]+|signature/);
  });

  it("refuses --out without .xlsx with exit 2", async () => {
    const csv = await run(["--out", path.join(dir, "report.csv")]);
    expect(csv).toEqual({
      status: 2,
      out: [],
      err: ['error: --out: "' + path.join(dir, "report.csv") + '" must end in .xlsx'],
    });
  });

  it("refuses an --out that is a folder, even with --replace, with exit 2", async () => {
    const folder = path.join(dir, "folder.xlsx");
    await fs.mkdir(folder);
    const result = await run(["--out", folder, "--replace"]);
    expect(result.status).toBe(2);
    expect(result.err).toEqual([`error: --out is a folder, not a file: ${folder}`]);
  });

  it("an input it may not read: exit 2, permission denied", async () => {
    // In a folder anyone may enter, so that only the file's own mode stands in the way.
    const open = await fs.mkdtemp(path.join(os.tmpdir(), "dcc-cli-unreadable-"));
    const input = path.join(open, "locked.xlsx");
    await fs.chmod(open, 0o755);
    await fs.copyFile(SAMPLE_INPUT, input);
    await fs.chmod(input, 0o000);
    // root reads any file: run as nobody for the duration of the call, as an analyst without access would.
    const asRoot = process.getuid?.() === 0;
    try {
      if (asRoot) process.seteuid?.(65534);
      const result = await run([input, "--out", outPath()]);
      if (asRoot) process.seteuid?.(0);
      expect(result).toEqual({
        status: 2,
        out: [],
        err: [`error: cannot read ${input}: permission denied`],
      });
    } finally {
      if (asRoot) process.seteuid?.(0);
      await fs.rm(open, { recursive: true, force: true });
    }
  });

  it("an input whose symbolic links go round in a loop: exit 2, in plain words", async () => {
    const input = path.join(dir, "loop.xlsx");
    await fs.symlink(input, input);
    const result = await run([input, "--out", outPath()]);
    expect(result).toEqual({
      status: 2,
      out: [],
      err: [`error: cannot open ${input}: its symbolic links go round in a loop`],
    });
  });

  it("--help states the exit codes", async () => {
    const result = await run(["--help"]);
    const help = result.out.join("\n");
    expect(help).toMatch(/0 +the reports were written/);
    expect(help).toMatch(/2 +the input or the options are wrong/);
    expect(help).toMatch(/1 +a fault in this program itself \(please report it\)/);
  });

  it("leaves no file behind on failure", async () => {
    const before = await listDir(dir);
    const input = await srWorkbook([SR_HEADERS, ["2018-01", "bad", "A", 1, 1]]);
    await run([input]);
    expect((await listDir(dir)).filter((name) => !before.includes(name))).toEqual([path.basename(input)]);
  });
});
