/** The layout -> .xlsx translator: every SheetLayout field reaches the file. */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { SheetLayout } from "../../src/reports";
import { writeFileAtomically, writeLayoutsXlsx, writeSheetsXlsx } from "../../src/cli/write-xlsx";
import { chartNoteText } from "../../src/reports/resolve";
import { listDir, makeTempDir, readModel, readWorkbook, writtenTables } from "./helpers";

const TRICKY_TEXT = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "=1+1"];

function layout(): SheetLayout {
  return {
    name: "SR Variance Jan-2018",
    kind: "sr",
    classification: "AMBER: SEC Panel only",
    tabColor: "#FFC000",
    values: [
      { row: 0, col: 0, values: [["Title"], ["Due date"]] },
      { row: 1, col: 1, values: [[43145]] },
      {
        row: 3,
        col: 0,
        values: [
          ["User ID", "Forecast", "% of Forecast", "Status"],
          [TRICKY_TEXT[0], 100, 0.9, "Under"],
          [TRICKY_TEXT[1], null, null, "No forecast"],
          [TRICKY_TEXT[2], 100, 1.1, "Over"],
          [TRICKY_TEXT[3], 10, 1, "Within"],
          [TRICKY_TEXT[4], 0, null, "Within"],
        ],
      },
      {
        row: 3,
        col: 6,
        values: [
          ["Role", "Forecast"],
          ["IS", 100],
          ["ES", 200],
        ],
      },
      { row: 10, col: 0, values: [["Empty table"]] },
      { row: 11, col: 0, values: [["User ID", "Status"]] },
    ],
    styles: [
      { row: 0, col: 0, rowCount: 1, colCount: 1, style: { bold: true, fontSize: 16 } },
      { row: 1, col: 1, rowCount: 1, colCount: 1, style: { numberFormat: "d mmmm yyyy", fill: "#DDEBF7" } },
    ],
    tables: [
      {
        name: "SR_2018_01",
        row: 3,
        col: 0,
        headers: ["User ID", "Forecast", "% of Forecast", "Status"],
        rowCount: 5,
        columnFormats: [null, "#,##0", "0.0%", null],
        style: "TableStyleMedium2",
      },
      {
        name: "SR_Exceptions_2018_01",
        row: 11,
        col: 0,
        headers: ["User ID", "Status"],
        rowCount: 0,
        columnFormats: [null, null],
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats: [
      { row: 4, col: 3, rowCount: 5, colCount: 1, text: "Over", fill: "#F4CCCC", fontColor: "#9C0006" },
      { row: 4, col: 3, rowCount: 5, colCount: 1, text: "Under", fill: "#FFE699", fontColor: "#7F6000" },
    ],
    charts: [
      {
        title: "Forecast by role",
        type: "column",
        source: { row: 3, col: 6, rowCount: 3, colCount: 2 },
        anchor: { row: 7, col: 6, widthCols: 6, heightRows: 10 },
      },
    ],
    columnWidths: [30, 12, 14, 12],
    freezeRows: 4,
  };
}

describe("writeLayoutsXlsx", () => {
  let dir: string;
  let file: string;
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    dir = await makeTempDir("write");
    file = path.join(dir, "out.xlsx");
    await writeLayoutsXlsx([layout()], file);
    workbook = await readWorkbook(file);
    sheet = workbook.worksheets[0];
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes text that looks like a formula as text, never as a formula", () => {
    TRICKY_TEXT.forEach((text, index) => {
      // ExcelJS cells (the Office lint rules mistake a getCell() result for an Excel.Range).
      const { value, type, formula } = sheet.getCell(5 + index, 1);
      expect(value).toBe(text);
      expect(type).toBe(ExcelJS.ValueType.String);
      expect(formula).toBeUndefined();
    });
  });

  it("writes values, number formats and styles", () => {
    expect(sheet.name).toBe("SR Variance Jan-2018");
    expect(sheet.getCell("A1").value).toBe("Title");
    expect(sheet.getCell("A1").font.bold).toBe(true);
    expect(sheet.getCell("A1").font.size).toBe(16);
    expect(sheet.getCell("B2").numFmt).toBe("d mmmm yyyy");
    expect(sheet.getCell("B2").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFDDEBF7" } });
    expect(sheet.getCell("B5").numFmt).toBe("#,##0");
    expect(sheet.getCell("C5").numFmt).toBe("0.0%");
    expect(sheet.getCell("C5").value).toBe(0.9);
    expect(sheet.getCell("B6").value).toBeNull();
    expect(sheet.getCell("H5").value).toBe(100);
  });

  it("writes named tables with their headers, rows and style, and an empty table with one blank row", () => {
    const tables = writtenTables(workbook);
    expect(tables.get("SR_2018_01")).toMatchObject({
      ref: "A4:D9",
      headers: ["User ID", "Forecast", "% of Forecast", "Status"],
      style: "TableStyleMedium2",
    });
    expect(tables.get("SR_2018_01")?.rows[2]).toEqual(["-2", 100, 1.1, "Over"]);
    expect(tables.get("SR_Exceptions_2018_01")).toMatchObject({ ref: "A12:B13", style: "TableStyleLight9" });
  });

  it("colours Status cells with exact-text conditional formats", () => {
    const formats = readModel(sheet).conditionalFormattings.map((format) => ({
      ref: format.ref,
      rule: format.rules[0],
    }));
    expect(formats).toHaveLength(2);
    expect(formats[0].ref).toBe("D5:D9");
    expect(formats[0].rule).toMatchObject({
      type: "expression",
      formulae: ['D5="Over"'],
      style: { fill: { bgColor: { argb: "FFF4CCCC" } }, font: { color: { argb: "FF9C0006" } } },
    });
    expect(formats[1].rule).toMatchObject({ formulae: ['D5="Under"'] });
  });

  it("sets column widths, frozen header rows and the tab colour", () => {
    expect([1, 2, 3, 4].map((col) => sheet.getColumn(col).width)).toEqual([30, 12, 14, 12]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(sheet.properties.tabColor).toEqual({ argb: "FFFFC000" });
  });

  it("puts a note where a chart would go, naming its data range", () => {
    expect(sheet.getCell("G8").value).toBe(chartNoteText("Forecast by role", "G4:H6"));
    expect(chartNoteText("Forecast by role", "G4:H6")).toBe(
      "Chart data: select G4:H6 and Insert > Chart (Forecast by role)"
    );
  });
});

describe("writeSheetsXlsx on a disk that fills", () => {
  it("rejects with the system's error (which the runner words as a full disk), rather than ending the process", async () => {
    // /dev/full opens, and every write to it fails with ENOSPC, as a full disk does part-way through.
    const sheet = layout();
    const rows = Array.from({ length: 5000 }, (_, row) => [`row ${row}`, row]);
    const big: SheetLayout = { ...sheet, values: [...sheet.values, { row: 100, col: 0, values: rows }] };
    await expect(writeSheetsXlsx([big], "/dev/full")).rejects.toMatchObject({ code: "ENOSPC" });
  });
});

describe("writeFileAtomically", () => {
  it("leaves the target as it was and no temp file when writing fails part-way", async () => {
    const dir = await makeTempDir("atomic");
    try {
      const target = path.join(dir, "report.xlsx");
      await fs.writeFile(target, "previous report");
      await expect(
        writeFileAtomically(target, async (temp) => {
          await fs.writeFile(temp, "half a work");
          throw new Error("disk full");
        })
      ).rejects.toThrow("disk full");
      expect(await fs.readFile(target, "utf8")).toBe("previous report");
      expect(await listDir(dir)).toEqual(["report.xlsx"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
