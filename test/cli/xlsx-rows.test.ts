/**
 * The sheet rows the runner writes straight as XML (src/cli/xlsx-rows.ts) and the shared strings it keeps
 * itself (src/cli/xlsx-shared-strings.ts): the same parts as ExcelJS's own Row and Cell objects give, and a
 * table of many chunks read back whole by our reader and by LibreOffice.
 */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import * as yauzl from "yauzl";
import { readXlsxGrids } from "../../src/cli/read-xlsx";
import { excelStyle, writeSheetsXlsx } from "../../src/cli/write-xlsx";
import { SheetRowWriter, type StyledColumn } from "../../src/cli/xlsx-rows";
import { createStreamingWorkbook } from "../../src/cli/xlsx-tables";
import type { CellValue, ValueBlock } from "../../src/reports/layout";
import type { SheetSource } from "../../src/reports/resolve";
import { SOFFICE_AVAILABLE, convertWithLibreOffice, makeTempDir, parseCsv } from "./helpers";

/** Text a writer could get wrong: XML markup, white space a reader would drop, control characters, emoji. */
const TRICKY_TEXT = [
  "<b>&amp; 'quoted' \"double\"</b>",
  "  leading spaces",
  "trailing space ",
  "two\nlines",
  "tab\tinside",
  "bell\u0007 and delete\u007f",
  "",
  "=1+1",
  "emoji 😀 and ünïcödé",
];

/** The text a reader gets back as written (XML cannot hold the control characters: ExcelJS drops them). */
const READABLE_TEXT = TRICKY_TEXT.filter((text) =>
  [...text].every((character) => character.charCodeAt(0) >= 9 && character.charCodeAt(0) !== 127)
);

/** The parts of a package as text, by name. */
async function packageParts(file: string): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened)))
  );
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          parts.set(entry.fileName.replace(/^\//, ""), Buffer.concat(chunks).toString("utf8"));
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return parts;
}

interface Segment {
  start: number;
  end: number;
  blocks: ValueBlock[];
  styledColumns: StyledColumn[];
}

const bold = excelStyle({ bold: true, fontSize: 14 });
const filled = excelStyle({ fill: "#DDEBF7" });
const count = excelStyle({ numberFormat: "#,##0" });
const date = excelStyle({ numberFormat: "dd/mm/yyyy", italic: true });

function segments(): Segment[] {
  const manyRows: CellValue[][] = [];
  for (let index = 0; index < 3000; index++) {
    manyRows.push([
      `90-B3-D5-1F-30-01-${index.toString(16).padStart(5, "0")}`,
      index % 7 === 0 ? null : index * 1.5,
      index % 3 === 0,
      43000 + (index % 400),
      TRICKY_TEXT[index % TRICKY_TEXT.length],
    ]);
  }
  return [
    {
      // Overlapping blocks (the later one wins where it has a value), styled blank cells beyond the values.
      start: 0,
      end: 3,
      blocks: [
        {
          row: 0,
          col: 0,
          values: [TRICKY_TEXT.slice(0, 3), TRICKY_TEXT.slice(3, 6), TRICKY_TEXT.slice(6, 9)],
        },
        {
          row: 0,
          col: 2,
          values: [
            [null, true],
            [false, null],
            [-0, 1e21],
          ],
        },
      ],
      styledColumns: [
        { col: 1, style: bold },
        { col: 5, style: filled },
      ],
    },
    // Styles and no value: ExcelJS writes no row.
    { start: 3, end: 5, blocks: [], styledColumns: [{ col: 0, style: bold }] },
    {
      start: 5,
      end: 6,
      blocks: [{ row: 5, col: 25, values: [[0.1 + 0.2, -12.5, null, "AA and beyond", 7]] }],
      styledColumns: [
        { col: 26, style: count },
        { col: 27, style: count },
      ],
    },
    {
      // Many 64 KB chunks, the same style objects again with other value types first.
      start: 6,
      end: 6 + manyRows.length,
      blocks: [{ row: 6, col: 0, values: manyRows }],
      styledColumns: [
        { col: 1, style: count },
        { col: 3, style: date },
        { col: 4, style: filled },
      ],
    },
  ];
}

/** The same rows through ExcelJS's Row and Cell objects, as the runner wrote them before. */
async function writeWithExcelJsCells(file: string, parts: readonly Segment[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const worksheet = workbook.addWorksheet("Rows");
  worksheet.columns = [{ width: 30 }, { width: 12 }];
  for (const { start, end, blocks, styledColumns } of parts) {
    for (let row = start; row < end; row++) {
      const excelRow = worksheet.getRow(row + 1);
      for (const block of blocks) {
        block.values[row - block.row].forEach((value, offset) => {
          if (value !== null) excelRow.getCell(block.col + offset + 1).value = value;
        });
      }
      for (const { col, style } of styledColumns) excelRow.getCell(col + 1).style = style;
      excelRow.commit();
    }
  }
  worksheet.commit();
  await workbook.commit();
}

async function writeWithRowWriter(file: string, parts: readonly Segment[]): Promise<void> {
  const { workbook } = createStreamingWorkbook(file);
  const worksheet = workbook.addWorksheet("Rows");
  worksheet.columns = [{ width: 30 }, { width: 12 }];
  const rows = new SheetRowWriter(workbook, worksheet);
  for (const { start, end, blocks, styledColumns } of parts) {
    await rows.writeSegment(start, end, blocks, styledColumns);
  }
  await rows.finish();
  worksheet.commit();
  await workbook.commit();
}

/** A plain table of `rowCount` rows of text, numbers, dates, booleans and blanks. */
function largeTableSheet(rowCount: number): SheetSource {
  const headers = ["Device ID", "Note", "Count", "Commissioned", "Flag"];
  const rows: CellValue[][] = [headers];
  for (let index = 0; index < rowCount; index++) {
    rows.push([
      `90-b3-d5-1f-30-${index.toString(16).padStart(6, "0")}`,
      READABLE_TEXT[index % READABLE_TEXT.length],
      index % 11 === 0 ? null : index,
      43000 + (index % 365),
      index % 2 === 0,
    ]);
  }
  return {
    name: "Large",
    values: [{ row: 0, col: 0, values: rows }],
    styles: [],
    tables: [
      {
        name: "Large_table",
        row: 0,
        col: 0,
        headers,
        rowCount,
        columnFormats: [null, null, "#,##0", "dd/mm/yyyy", null],
        style: "TableStyleMedium2",
      },
    ],
    conditionalFormats: [],
    charts: [],
    columnWidths: [30, 20, 10, 12, 8],
    freezeRows: 1,
  };
}

describe("SheetRowWriter", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir("rows");
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes the sheet, shared strings and styles that ExcelJS's own rows and cells write", async () => {
    const reference = path.join(dir, "reference.xlsx");
    const written = path.join(dir, "written.xlsx");
    await writeWithExcelJsCells(reference, segments());
    await writeWithRowWriter(written, segments());
    const expected = await packageParts(reference);
    const actual = await packageParts(written);
    for (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) {
      expect({ part, length: actual.get(part)?.length }).toEqual({
        part,
        length: expected.get(part)?.length,
      });
      expect({ part, same: actual.get(part) === expected.get(part) }).toEqual({ part, same: true });
    }
    // The cases above are in the file: text kept with its spaces, a styled blank cell, a boolean.
    const sheet = actual.get("xl/worksheets/sheet1.xml") ?? "";
    expect(actual.get("xl/sharedStrings.xml")).toContain('<t xml:space="preserve">  leading spaces</t>');
    expect(sheet).toMatch(/<c r="F1" s="\d+"\/>/);
    expect(sheet).toContain('<c r="D1" t="b"><v>1</v></c>');
    expect(sheet).not.toContain('<row r="4"');
  });
});

describe("a table of many chunks written by the runner", () => {
  const rowCount = 20_000;
  const sheet = largeTableSheet(rowCount);
  const expectedRows = sheet.values[0].values;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await makeTempDir("large-table");
    file = path.join(dir, "large.xlsx");
    await writeSheetsXlsx([sheet], file);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads back whole through the runner's reader, every value with its type", async () => {
    const grids = await readXlsxGrids(file);
    expect(grids).toHaveLength(1);
    expect(grids[0]).toMatchObject({ sheet: "Large", table: "Large_table", row: 0, col: 0 });
    const values = grids[0].values;
    expect(values).toHaveLength(rowCount + 1);
    const differences = expectedRows.filter((row, index) => {
      const read = values[index].map((value) => (value === "" ? null : value));
      const date = read[3];
      if (index > 0 && date instanceof Date) read[3] = Math.round(date.getTime() / 86_400_000) + 25_569;
      return JSON.stringify(read) !== JSON.stringify(row.map((value) => (value === "" ? null : value)));
    });
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it("opens in LibreOffice with every row", async () => {
    if (!SOFFICE_AVAILABLE)
      throw new Error("soffice is not on PATH: install LibreOffice (libreoffice-calc-nogui)");
    await convertWithLibreOffice(file, path.join(dir, "csv"), path.join(dir, "profile"));
    const csv = parseCsv(await fs.readFile(path.join(dir, "csv", "large-Large.csv"), "utf8"));
    expect(csv[0]).toEqual(["Device ID", "Note", "Count", "Commissioned", "Flag"]);
    expect(csv.length).toBeGreaterThanOrEqual(rowCount + 1);
    const last = expectedRows[rowCount];
    expect(csv[rowCount].slice(0, 3)).toEqual([last[0], last[1], (last[2] as number).toString()]);
    expect(csv[rowCount][4]).toBe(last[4] ? "TRUE" : "FALSE");
    // Text with markup and white space arrives as written.
    for (const text of READABLE_TEXT.slice(0, 4)) {
      const index = expectedRows.findIndex((row) => row[1] === text);
      expect({ index, text: csv[index][1] }).toEqual({ index, text });
    }
  }, 120_000);
});
