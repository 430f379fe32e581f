/** Reading a workbook as the task pane's host would give it: one grid per sheet, host values. */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { hostValue, readXlsxGrids } from "../../src/cli/read-xlsx";
import { makeTempDir } from "./helpers";

describe("hostValue", () => {
  it.each<[string, unknown, unknown]>([
    ["empty", undefined, null],
    ["null", null, null],
    ["number", 42, 42],
    ["text", "90-B3-D5-1F-30-01-00-00", "90-B3-D5-1F-30-01-00-00"],
    ["boolean", true, true],
    [
      "rich text -> plain text",
      { richText: [{ text: "Northern " }, { font: { bold: true }, text: "Lights" }] },
      "Northern Lights",
    ],
    ["formula -> cached result", { formula: "A1*2", result: 110 }, 110],
    ["formula without a result", { formula: "A1*2" }, null],
    ["formula with text result", { formula: 'A1&""', result: "110" }, "110"],
    ["shared formula -> result", { sharedFormula: "B2", result: 7 }, 7],
    ["hyperlink -> text", { text: "Brightside Power", hyperlink: "http://example.com" }, "Brightside Power"],
    ["error -> its code", { error: "#N/A" }, "#N/A"],
    ["formula with an error result", { formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
  ])("%s", (_name, value, expected) => {
    expect(hostValue(value)).toEqual(expected);
  });

  it("gives dates as Excel serials, as Office.js does, keeping a time of day as the fraction", () => {
    expect(hostValue(new Date(Date.UTC(2018, 0, 31)))).toBe(43131);
    expect(hostValue(new Date(Date.UTC(2018, 1, 14, 12)))).toBe(43145.5);
    expect(hostValue(new Date(Number.NaN))).toBe("Invalid Date");
  });
});

describe("readXlsxGrids", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir("read");
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("finds the header as the first non-empty row, keeps row positions and maps cell kinds", async () => {
    const file = path.join(dir, "input.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("My CSRs");
    sheet.getCell("A1").value = null;
    // Header in row 3, starting in column B.
    sheet.getRow(3).values = [undefined, "Period", "Subscriber", "Forecast", "Actual"];
    sheet.getRow(4).values = [
      undefined,
      new Date(Date.UTC(2018, 0, 31)),
      "00db123400000001",
      10,
      { formula: "10+1", result: 11 },
    ];
    sheet.getCell("B4").numFmt = "dd/mm/yyyy";
    // Row 5 left empty: the next data row is still sheet row 6.
    sheet.getRow(6).values = [
      undefined,
      "2018-01",
      { text: "00-DB-12-34-00-00-00-02", hyperlink: "http://example.com" },
      { richText: [{ text: "2" }, { text: "0" }] },
      null,
    ];
    const empty = workbook.addWorksheet("Notes");
    empty.getCell("A1").value = null;
    await workbook.xlsx.writeFile(file);

    const grids = await readXlsxGrids(file);
    expect(grids).toHaveLength(1);
    expect(grids[0]).toEqual({
      sheet: "My CSRs",
      row: 2,
      col: 1,
      values: [
        ["Period", "Subscriber", "Forecast", "Actual"],
        [43131, "00db123400000001", 10, 11],
        [null, null, null, null],
        ["2018-01", "00-DB-12-34-00-00-00-02", "20", null],
      ],
    });
  });

  it("reports progress every N rows", async () => {
    const file = path.join(dir, "rows.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Service Requests");
    sheet.addRow(["Period", "User ID", "Forecast", "Actual"]);
    for (let index = 0; index < 250; index++)
      sheet.addRow(["2018-01", `90b3d51f3001${String(index).padStart(4, "0")}`, 10, 10]);
    await workbook.xlsx.writeFile(file);
    const seen: number[] = [];
    const grids = await readXlsxGrids(file, {
      progressEvery: 100,
      onProgress: ({ rowsRead }) => seen.push(rowsRead),
    });
    expect(seen).toEqual([100, 200]);
    expect(grids[0].values).toHaveLength(251);
  });
});
