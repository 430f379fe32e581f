/**
 * The national path (CSV and Parquet through DuckDB) against the in-memory path: the same populations give
 * the same PCI layouts; the same data as .xlsx, CSV and typed Parquet give the same report tables; bad
 * files give exit 2 naming the file and line, and write nothing.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  type ReportOptions,
  type SheetLayout,
  buildPciLayout,
  buildPciModel,
  checkInputs,
  detectInputs,
  sampleWorkbook,
  tableName,
} from "../../src/reports";
import { runCli } from "../../src/cli/run";
import { tableRows } from "../reports/layout-cells";
import { loadNationalInput } from "../../src/cli/national/load";
import { DuckSession } from "../../src/cli/national/session";
import { sqlIdentifier, sqlString } from "../../src/cli/national/sql-text";
import { normaliseEui64 } from "../../src/sec";
import { JANUARY, devicesGrid } from "../reports/fixture";
import { interruptedRun, listDir, makeTempDir, readWorkbook, writtenTables, SAMPLE_INPUT } from "./helpers";
import { DEVICE_HEADERS, devicePopulation, toCsv } from "./national-population";

const PERIOD = "2018-01";
const OPTIONS: ReportOptions = { period: PERIOD, reports: ["pci"], redactCsr: false };

interface CliRun {
  status: number;
  stdout: string[];
  stderr: string[];
}

async function runReport(args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runCli(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
  return { status, stdout, stderr };
}

function memoryLayout(rows: unknown[][]): SheetLayout {
  const data = checkInputs(detectInputs([{ sheet: "Devices", row: 0, col: 0, values: rows }]));
  expect(data.problems.map((problem) => problem.message)).toEqual([]);
  return buildPciLayout(buildPciModel(data, OPTIONS));
}

async function nationalLayout(input: string): Promise<{ layout: SheetLayout; list: string }> {
  const national = await loadNationalInput(input, await fs.stat(input), () => undefined);
  try {
    expect(national.data.problems.map((problem) => problem.message)).toEqual([]);
    const listFile = path.join(path.dirname(input), "list.csv");
    const model = await national.pciModel(OPTIONS, listFile);
    await national.commit();
    return { layout: buildPciLayout(model), list: await fs.readFile(listFile, "utf8") };
  } finally {
    await national.close();
  }
}

/** The PCI_… table's rows as the CSV list writes them (ISO dates). */
function listedRowsAsCsv(layout: SheetLayout): string[] {
  const table = layout.tables.find((candidate) => candidate.name === tableName("PCI", PERIOD));
  if (table === undefined) throw new Error("no PCI table");
  return tableRows(layout, table).map((row) =>
    row
      .map((value, index) => {
        if (index === 3 && typeof value === "number") {
          return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
        }
        // DuckDB's CSV writes an empty text as "" (and nothing for no value).
        if (value === "") return '""';
        const text = value === null ? "" : String(value);
        return text.includes(",") ? `"${text}"` : text;
      })
      .join(",")
  );
}

describe("national path: DuckDB against the in-memory path", () => {
  const cases = [
    { seed: 1, size: 0 },
    { seed: 2, size: 1 },
    { seed: 3, size: 12 },
    { seed: 4, size: 40 },
    { seed: 5, size: 120 },
    { seed: 6, size: 300 },
  ];
  it.each(cases)(
    "population $seed of up to $size Devices gives the same PCI layout",
    async ({ seed, size }) => {
      const rows = devicePopulation(seed, size, PERIOD);
      const dir = await makeTempDir(`national-${seed}`);
      const file = path.join(dir, "devices.csv");
      await fs.writeFile(file, toCsv(rows));
      const national = await nationalLayout(file);
      const memory = memoryLayout(rows);
      expect(national.layout).toEqual(memory);
      const [header, ...listed] = national.list.trimEnd().split("\n");
      expect(header).toBe(
        "Device ID,Device Type,Supplier ID,Commissioned,Days Commissioned,Reasons,New This Month"
      );
      expect(listed.filter((line) => line !== "")).toEqual(listedRowsAsCsv(memory));
    }
  );

  it("the hand-made fixture (7 and 8 days, a late interrogation date, months without data) agrees", async () => {
    const dir = await makeTempDir("national-fixture");
    const file = path.join(dir, "devices.csv");
    await fs.writeFile(file, toCsv(devicesGrid.values as (string | number | null)[][]));
    const january = { ...JANUARY, reports: ["pci" as const] };
    const data = checkInputs(detectInputs([devicesGrid]));
    const national = await nationalLayout(file);
    expect(national.layout).toEqual(buildPciLayout(buildPciModel(data, january)));
  });
});

describe("national path: a listed-device table longer than a sheet", () => {
  it("is cut on the sheet with a note naming the CSV file that holds the whole list", () => {
    const data = checkInputs(detectInputs([devicesGrid]));
    const model = buildPciModel(data, JANUARY);
    const shown = model.listedIndexes.length;
    const layout = buildPciLayout({
      ...model,
      current: { ...model.current, listed: 2_500_000 },
      fullListName: "DCC-reports-2018-01.PCI_2018_01.csv",
    });
    const table = layout.tables.find((candidate) => candidate.name === "PCI_2018_01");
    expect(table?.rowCount).toBe(shown);
    const texts = layout.values.flatMap((block) => block.values.flat()).filter((v) => typeof v === "string");
    expect(texts).toContain(
      `The first ${shown} of 2,500,000 listed Devices, by Device ID (Excel's row limit); ` +
        "all of them are in DCC-reports-2018-01.PCI_2018_01.csv."
    );
  });
});

/** The sample workbook's sheets as CSV files, one per input table. */
async function sampleAsCsv(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const sheet of sampleWorkbook()) {
    const file = path.join(dir, `${sheet.name}.csv`);
    await fs.writeFile(file, toCsv(sheet.values as (string | number | boolean | null)[][]));
    files.set(sheet.name, file);
  }
  return files;
}

/** Parquet with typed columns: periods and commissioning dates as DATE, yes/no as BOOLEAN, counts as BIGINT. */
async function sampleAsParquet(csvFiles: Map<string, string>, dir: string): Promise<void> {
  const session = await DuckSession.open();
  try {
    for (const [name, csv] of csvFiles) {
      const columns = await session.describe(`SELECT * FROM read_csv(${sqlString(csv)}, all_varchar = true)`);
      const typed = columns.map(({ name: header }) => {
        const column = sqlIdentifier(header);
        const as = `AS ${column}`;
        if (/period|month|commissioned/i.test(header)) {
          return (
            `CASE WHEN ${column} LIKE '____-__' THEN CAST(${column} || '-01' AS DATE) ` +
            `ELSE DATE '1899-12-30' + CAST(${column} AS INTEGER) END ${as}`
          );
        }
        if (/recovery/i.test(header)) return `lower(${column}) IN ('yes', 'y', 'true', '1') ${as}`;
        if (/credentials|forecast|actual/i.test(header)) return `CAST(${column} AS BIGINT) ${as}`;
        return `${column} ${as}`;
      });
      await session.run(
        `COPY (SELECT ${typed.join(", ")} FROM read_csv(${sqlString(csv)}, all_varchar = true)) ` +
          `TO ${sqlString(path.join(dir, `${name}.parquet`))} (FORMAT parquet)`
      );
    }
    const described = await session.describe(
      `SELECT * FROM read_parquet(${sqlString(path.join(dir, "Devices.parquet"))})`
    );
    expect(described.map((column) => column.type)).toEqual(
      expect.arrayContaining(["DATE", "BOOLEAN", "BIGINT"])
    );
  } finally {
    await session.close();
  }
}

describe("national path: the same data as .xlsx, CSV and Parquet", () => {
  it("gives the same report tables", async () => {
    const dir = await makeTempDir("national-formats");
    const csvDir = path.join(dir, "csv");
    const parquetDir = path.join(dir, "parquet");
    await fs.mkdir(csvDir);
    await fs.mkdir(parquetDir);
    await sampleAsParquet(await sampleAsCsv(csvDir), parquetDir);

    const outputs: Record<string, string> = {};
    for (const [format, input] of [
      ["xlsx", SAMPLE_INPUT],
      ["csv", csvDir],
      ["parquet", parquetDir],
    ]) {
      const out = path.join(dir, `${format}.xlsx`);
      const result = await runReport([input, "--out", out]);
      expect(result.stderr.filter((line) => line.startsWith("error"))).toEqual([]);
      expect(result.status).toBe(0);
      outputs[format] = out;
    }
    const tables = async (file: string): Promise<Map<string, unknown>> => {
      const written = writtenTables(await readWorkbook(file));
      return new Map(
        [...written].map(([name, table]) => [name, { headers: table.headers, rows: table.rows }])
      );
    };
    const xlsx = await tables(outputs.xlsx);
    expect(xlsx.size).toBeGreaterThanOrEqual(8);
    expect(await tables(outputs.csv)).toEqual(xlsx);
    expect(await tables(outputs.parquet)).toEqual(xlsx);
    // The stamp: SR and CSR fingerprints agree whatever the format; the Device records stay in
    // DuckDB, so the PCI sheet says its fingerprint was not computed rather than hashing nothing.
    const stamps = async (file: string): Promise<Record<string, string>> => {
      const found: Record<string, string> = {};
      (await readWorkbook(file)).eachSheet((sheet) =>
        sheet.eachRow((row) => {
          if (row.getCell(1).value === "Input fingerprint") found[sheet.name] = String(row.getCell(2).value);
        })
      );
      return found;
    };
    const xlsxStamps = await stamps(outputs.xlsx);
    const csvStamps = await stamps(outputs.csv);
    expect(Object.keys(xlsxStamps)).toHaveLength(3);
    expect(Object.keys(csvStamps).sort()).toEqual(Object.keys(xlsxStamps).sort());
    for (const [sheet, stamp] of Object.entries(xlsxStamps)) {
      if (sheet.startsWith("Post Commissioning")) {
        expect(stamp).toMatch(/^[0-9a-f]{16}$/);
        expect(csvStamps[sheet]).toBe("not computed for CSV or Parquet device input");
      } else expect(csvStamps[sheet]).toBe(stamp);
    }
    // The whole list beside the workbook, by DuckDB's COPY.
    expect(await fs.readdir(csvDir)).toEqual([
      "CSRs.csv",
      "Devices.csv",
      "Service Metrics.csv",
      "Service Requests.csv",
    ]);
    const list = await fs.readFile(path.join(dir, "csv.PCI_2018_01.csv"), "utf8");
    expect(list.trimEnd().split("\n").length - 1).toBe(
      (xlsx.get("PCI_2018_01") as { rows: unknown[] }).rows.length
    );
  });
});

describe("national path: bad input gives exit 2 with the file and line, and writes nothing", () => {
  const goodRows = devicePopulation(11, 20, PERIOD);
  type Rows = typeof goodRows;

  async function expectBadInput(files: Record<string, string | Buffer>, expected: RegExp[]): Promise<CliRun> {
    const dir = await makeTempDir("national-bad");
    const input = path.join(dir, "in");
    await fs.mkdir(input);
    for (const [name, contents] of Object.entries(files))
      await fs.writeFile(path.join(input, name), contents);
    const result = await runReport([input, "--period", PERIOD]);
    expect(result.status).toBe(2);
    const stderr = result.stderr.join("\n");
    for (const pattern of expected) expect(stderr).toMatch(pattern);
    expect(await fs.readdir(dir)).toEqual(["in"]);
    expect((await fs.readdir(input)).sort()).toEqual(Object.keys(files).sort());
    return result;
  }

  /** The rows as the bytes of a Parquet file: text columns, but for `types` (header -> DuckDB type). */
  async function parquetOf(rows: Rows, types: Record<string, string> = {}): Promise<Buffer> {
    const dir = await makeTempDir("national-parquet-source");
    try {
      const csv = path.join(dir, "devices.csv");
      await fs.writeFile(csv, toCsv(rows));
      const parquet = path.join(dir, "devices.parquet");
      const typed = Object.entries(types).map(
        ([header, type]) => `CAST(${sqlIdentifier(header)} AS ${type}) AS ${sqlIdentifier(header)}`
      );
      const columns = typed.length === 0 ? "*" : `* REPLACE (${typed.join(", ")})`;
      const session = await DuckSession.open();
      try {
        await session.run(
          `COPY (SELECT ${columns} FROM read_csv(${sqlString(csv)}, all_varchar = true)) ` +
            `TO ${sqlString(parquet)} (FORMAT parquet)`
        );
      } finally {
        await session.close();
      }
      return await fs.readFile(parquet);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /** goodRows with every Device ID in canonical form (the header row as it is). */
  function withCanonicalIds(): Rows {
    const id = DEVICE_HEADERS.indexOf("Device ID");
    const rows = goodRows.map((cells, row) =>
      cells.map((cell, index) => (index === id && row > 0 ? normaliseEui64(cell) : cell))
    );
    expect(rows.slice(1).every((cells) => typeof cells[id] === "string")).toBe(true);
    return rows;
  }

  /** goodRows with one cell changed. */
  function rowsWithCell(row: number, header: string, value: string): Rows {
    const rows = goodRows.map((cells) => cells.slice());
    rows[row][DEVICE_HEADERS.indexOf(header)] = value;
    return rows;
  }

  function withCell(row: number, header: string, value: string): string {
    return toCsv(rowsWithCell(row, header, value));
  }

  it("a bad Device ID", async () => {
    await expectBadInput({ "devices.csv": withCell(3, "Device ID", "90-B3-XX") }, [
      /devices\.csv line 4, Device ID: "90-B3-XX" is not a valid Device ID/,
    ]);
  });

  it("a negative count", async () => {
    await expectBadInput({ "devices.csv": withCell(5, "Issue Security Credentials", "-1") }, [
      /devices\.csv line 6, Issue Security Credentials: .*negative/,
    ]);
  });

  it("an unparseable date", async () => {
    await expectBadInput({ "devices.csv": withCell(2, "Commissioned", "31/02/2018") }, [
      /devices\.csv line 3, Commissioned: Commissioned: "31\/02\/2018" is not a real date/,
    ]);
  });

  it("a missing required column", async () => {
    const rows = goodRows.map((cells) => cells.filter((_, index) => index !== 6));
    await expectBadInput({ "devices.csv": toCsv(rows) }, [
      /devices\.csv line 1: no "Recovery Trust Anchor" column/,
    ]);
  });

  it("an empty file", async () => {
    await expectBadInput({ "devices.csv": "" }, [/devices\.csv: the file is empty/]);
  });

  it("a file that is not Parquet", async () => {
    await expectBadInput({ "devices.parquet": toCsv(goodRows) }, [
      /devices\.parquet: not readable as Parquet/,
    ]);
  });

  it("a second row for the same Device and month", async () => {
    const rows = goodRows.concat([goodRows[4]]);
    await expectBadInput({ "devices.csv": toCsv(rows) }, [
      new RegExp(`devices\\.csv line ${rows.length}, Device ID: duplicate row: .* \\(line 5\\)`),
    ]);
  });

  it("a second row for the same Device and month, every ID in canonical form", async () => {
    // Every ID canonical: the check pass keys a CSV file's rows by their text as it stands.
    const canonical = withCanonicalIds();
    const rows = canonical.concat([canonical[7]]);
    await expectBadInput({ "devices.csv": toCsv(rows) }, [
      new RegExp(`devices\\.csv line ${rows.length}, Device ID: duplicate row: .* \\(line 8\\)`),
    ]);
  });

  it("a second row for the same Device and month, its ID spelt another way", async () => {
    const again = goodRows[4].slice();
    const id = DEVICE_HEADERS.indexOf("Device ID");
    again[id] = String(normaliseEui64(again[id])).replace(/-/g, ":").toLowerCase();
    const rows = goodRows.concat([again]);
    await expectBadInput({ "devices.csv": toCsv(rows) }, [
      new RegExp(`devices\\.csv line ${rows.length}, Device ID: duplicate row: .* \\(line 5\\)`),
    ]);
  });

  it.each([
    ["every ID in canonical form", (id: string) => id],
    ["the second row's ID spelt another way", (id: string) => id.replace(/-/g, "").toLowerCase()],
  ])("a second row for the same Device and month in a Parquet file, %s", async (_, spell) => {
    // Parquet's duplicates are looked for in a pass of their own, keyed by the text where every ID is
    // canonical and through eui64Key otherwise.
    const id = DEVICE_HEADERS.indexOf("Device ID");
    const canonical = withCanonicalIds();
    const again = canonical[7].slice();
    again[id] = spell(String(again[id]));
    await expectBadInput({ "devices.parquet": await parquetOf(canonical.concat([again])) }, [
      new RegExp(`devices\\.parquet row ${canonical.length}, Device ID: duplicate row: .* \\(row 7\\)`),
    ]);
  });

  it("a bad row of a typed Parquet file, by its row", async () => {
    const rows = rowsWithCell(7, "Update Security Credentials (KRP)", "-3");
    const parquet = await parquetOf(rows, { "Update Security Credentials (KRP)": "BIGINT" });
    await expectBadInput({ "devices.parquet": parquet }, [
      /devices\.parquet row 7, Update Security Credentials \(KRP\): .*-3 is negative/,
    ]);
  });

  it("counts that are not whole counts below 2^53, in CSV and in typed Parquet, as the workbook path words them", async () => {
    const rows = goodRows.map((cells) => cells.slice());
    rows[2][DEVICE_HEADERS.indexOf("Issue Security Credentials")] = "2.5";
    rows[4][DEVICE_HEADERS.indexOf("Update Security Credentials (KRP)")] = "9007199254740992";
    rows[6][DEVICE_HEADERS.indexOf("Update Security Credentials (Device)")] = "9007199254740991";
    const inMemory = checkInputs(detectInputs([{ sheet: "Devices", row: 0, col: 0, values: rows }]));
    const details = inMemory.problems.map((problem) => problem.message.replace(/^Devices!\w+: /, ""));
    expect(details).toEqual([
      "Issue Security Credentials: 2.5 is not a whole number: counts are whole",
      "Update Security Credentials (KRP): 9007199254740992 is too large for a count (the limit is 2^53)",
    ]);
    const csvRun = await expectBadInput({ "devices.csv": toCsv(rows) }, []);
    expect(csvRun.stderr).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`devices.csv line 3, Issue Security Credentials: ${details[0]}`),
        expect.stringContaining(`devices.csv line 5, Update Security Credentials (KRP): ${details[1]}`),
      ])
    );
    expect(csvRun.stderr.join("\n")).not.toMatch(/line 7,/);

    const parquet = await parquetOf(rows, {
      "Issue Security Credentials": "DOUBLE",
      "Update Security Credentials (KRP)": "BIGINT",
    });
    const parquetRun = await expectBadInput({ "devices.parquet": parquet }, []);
    expect(parquetRun.stderr).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`devices.parquet row 2, Issue Security Credentials: ${details[0]}`),
        expect.stringContaining(`devices.parquet row 4, Update Security Credentials (KRP): ${details[1]}`),
      ])
    );
  });

  it("lists the first 100 problems and counts them all", async () => {
    const rows = goodRows.slice(0, 1);
    for (let n = 0; n < 150; n++) rows.push([PERIOD, `bad-${n}`, "", "", null, "Yes", "Yes", 2, 2, 2]);
    const result = await expectBadInput({ "devices.csv": toCsv(rows) }, [
      /150 problems \(the first 100 listed\)/,
    ]);
    expect(result.stderr.filter((line) => / line \d+, /.test(line))).toHaveLength(100);
  });
});

describe("national path: interrupted while DuckDB works", () => {
  it.each<[NodeJS.Signals, number]>([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ])("%s removes DuckDB's temporary folder and exits %i", async (signal, status) => {
    const dir = await makeTempDir(`national-${signal}`);
    try {
      const input = path.join(dir, "devices.csv");
      await fs.writeFile(input, toCsv(devicePopulation(5, 4000, PERIOD)));
      // The child's own temp folder: DuckDB's spill folder is made there, and must be gone after the signal.
      const tempDir = path.join(dir, "tmp");
      await fs.mkdir(tempDir);
      const out = path.join(dir, "out.xlsx");
      const result = await interruptedRun(
        [input, "--out", out, "--period", PERIOD],
        tempDir,
        /^Reading and checking /m,
        signal
      );
      expect(result.sent).toBe(true);
      expect(result.status).toBe(status);
      expect(result.stderr).toContain(`interrupted (${signal}): nothing written`);
      expect((await listDir(tempDir)).filter((name) => name.startsWith("dcc-duckdb-"))).toEqual([]);
      expect(await listDir(dir)).toEqual(["devices.csv", "tmp"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
