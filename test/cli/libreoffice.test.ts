/**
 * The report workbook opened by another spreadsheet program: LibreOffice converts each sheet to CSV
 * and every table's values (IDs, names, statuses, counts, percentages, dates) match the layouts.
 * It needs soffice on PATH (.ci/run installs libreoffice-calc-nogui); without it the suite fails, never skips.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CellValue, SheetLayout } from "../../src/reports";
import { tableRows } from "../reports/layout-cells";
import {
  SOFFICE_AVAILABLE,
  convertWithLibreOffice,
  makeTempDir,
  parseCsv,
  runCli,
  sampleLayouts,
  serialOfDate,
} from "./helpers";

/** LibreOffice writes unformatted values: dates as MM/DD/YYYY, percentages as 85.51…%. */
function expectCsvCell(
  csv: string | undefined,
  expected: CellValue,
  format: string | null,
  where: string
): void {
  const cell = csv ?? "";
  if (expected === null) {
    expect({ where, cell }).toEqual({ where, cell: "" });
  } else if (typeof expected === "string") {
    expect({ where, cell }).toEqual({ where, cell: expected });
  } else if (typeof expected === "number" && format !== null && format.includes("%")) {
    expect(cell).toMatch(/%$/);
    expect(parseFloat(cell) / 100).toBeCloseTo(expected, 9);
  } else if (typeof expected === "number" && format !== null && /yy/.test(format)) {
    const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell);
    expect({ where, date: match !== null }).toEqual({ where, date: true });
    if (match) expect(serialOfDate(new Date(Date.UTC(+match[3], +match[1] - 1, +match[2])))).toBe(expected);
  } else {
    expect({ where, value: Number(cell) }).toEqual({ where, value: expected });
  }
}

describe("the report workbook in LibreOffice", () => {
  let dir: string;
  const layouts: SheetLayout[] = sampleLayouts({
    period: "2018-01",
    reports: ["sr", "csr", "pci"],
    redactCsr: false,
  });

  beforeAll(async () => {
    if (!SOFFICE_AVAILABLE)
      throw new Error(
        "soffice is not on PATH: install LibreOffice (Debian: libreoffice-calc-nogui); .ci/run does"
      );
    dir = await makeTempDir("soffice");
    const out = path.join(dir, "book.xlsx");
    const result = await runCli(["--out", out]);
    if (result.status !== 0) throw new Error(`CLI failed: ${result.stderr}`);
    await convertWithLibreOffice(out, path.join(dir, "csv"), path.join(dir, "profile"));
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("converts every report sheet", async () => {
    const files = (await fs.readdir(path.join(dir, "csv"))).sort();
    expect(files).toEqual(layouts.map((layout) => `book-${layout.name}.csv`).sort());
  });

  it("shows every table's headers and rows with the layout's values", async () => {
    let checkedRows = 0;
    for (const layout of layouts) {
      const csv = parseCsv(await fs.readFile(path.join(dir, "csv", `book-${layout.name}.csv`), "utf8"));
      for (const table of layout.tables) {
        const header = csv[table.row]?.slice(table.col, table.col + table.headers.length);
        expect({ table: table.name, header }).toEqual({ table: table.name, header: table.headers });
        tableRows(layout, table).forEach((values, index) => {
          const line = csv[table.row + 1 + index] ?? [];
          values.forEach((value, col) => {
            const where = `${layout.name} ${table.name} row ${index + 1} ${table.headers[col]}`;
            expectCsvCell(line[table.col + col], value, table.columnFormats[col], where);
          });
          checkedRows++;
        });
      }
    }
    expect(checkedRows).toBeGreaterThan(40);
  });
});
