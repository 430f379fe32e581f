/**
 * The headless reader is complete and deterministic: generated workbooks of 1, 6, 50 and 300 sheets,
 * zipped in ExcelJS's part order, Excel's and shuffled, with shared or inline strings and tables
 * anywhere, read five times each, give the same grids every time; the cells they hold are those
 * ExcelJS's (non-streaming) reader and LibreOffice's CSV export find in the same file.
 */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { Prng } from "../../bench/lib/prng";
import { isInputHeaderRow } from "../../src/cli/input-accounting";
import {
  type HostValue,
  type WorkbookContents,
  isDateFormatCode,
  readXlsxWorkbook,
} from "../../src/cli/read-xlsx";
import { type SourceGrid, cellAddress } from "../../src/reports";
import { SOFFICE_AVAILABLE, convertWithLibreOffice, makeTempDir, parseCsv } from "./helpers";

/** Every non-empty cell of a workbook: sheet -> A1 address -> value. */
type CellMap = Map<string, Map<string, HostValue>>;

interface GeneratedWorkbook {
  workbook: ExcelJS.Workbook;
  /** The grids the reader must find, in workbook order. */
  grids: SourceGrid[];
  cells: CellMap;
  sheetNames: string[];
}

const NAMES = ["Northern Lights Energy", 'Brightside "Power"', "Énergie, Ü & Co", "Gas Ltd"];

function setCell(
  sheet: ExcelJS.Worksheet,
  cells: Map<string, HostValue>,
  row: number,
  col: number,
  value: HostValue
): void {
  if (value === null) return;
  sheet.getCell(row + 1, col + 1).value = value;
  cells.set(cellAddress(row, col), value);
}

function dataRows(prng: Prng, count: number, sheetIndex: number): HostValue[][] {
  const rows: HostValue[][] = [];
  for (let index = 0; index < count; index++) {
    rows.push([
      `2018-${String(prng.int(1, 12)).padStart(2, "0")}`,
      `90-B3-D5-1F-30-01-${String(sheetIndex % 100).padStart(2, "0")}-${String(index % 100).padStart(2, "0")}`,
      prng.pick(NAMES),
      prng.int(0, 999_999),
      prng.int(0, 999_999),
    ]);
  }
  return rows;
}

const HEADERS = ["Period", "User ID", "User Name", "Forecast", "Actual"];

/**
 * Sheets cycle through four layouts: a range at A1; a merged title, a blank row, then a range at B3;
 * a note in A1 and an Excel table anywhere below it; notes only (no input header).
 */
function generateWorkbook(sheetCount: number, seed: number): GeneratedWorkbook {
  const prng = new Prng(seed);
  const workbook = new ExcelJS.Workbook();
  const grids: SourceGrid[] = [];
  const cells: CellMap = new Map();
  const sheetNames: string[] = [];
  const rowCount = sheetCount === 1 ? 300 : prng.int(0, 12);
  for (let index = 0; index < sheetCount; index++) {
    const name = `Sheet ${index + 1}`;
    sheetNames.push(name);
    const sheet = workbook.addWorksheet(name);
    const sheetCells = new Map<string, HostValue>();
    cells.set(name, sheetCells);
    const rows = dataRows(prng, rowCount || 1, index);
    switch (index % 4) {
      case 0:
      case 1: {
        const top = index % 4 === 0 ? 0 : 2;
        const left = index % 4 === 0 ? 0 : 1;
        if (top > 0) {
          setCell(sheet, sheetCells, 0, 0, `Monthly Service Requests ${index}`);
          sheet.mergeCells(1, 1, 1, 5);
        }
        [HEADERS, ...rows].forEach((row, offset) =>
          row.forEach((value, col) => setCell(sheet, sheetCells, top + offset, left + col, value))
        );
        grids.push({ sheet: name, row: top, col: left, values: [HEADERS, ...rows] });
        break;
      }
      case 2: {
        const top = prng.int(2, 8);
        const left = prng.int(1, 6);
        setCell(sheet, sheetCells, 0, 0, "Note: figures are provisional");
        const tableName = `Requests${index}`;
        sheet.addTable({
          name: tableName,
          ref: cellAddress(top, left),
          headerRow: true,
          columns: HEADERS.map((header) => ({ name: header })),
          rows,
        });
        [HEADERS, ...rows].forEach((row, offset) =>
          row.forEach((value, col) => sheetCells.set(cellAddress(top + offset, left + col), value))
        );
        grids.push({ sheet: name, table: tableName, row: top, col: left, values: [HEADERS, ...rows] });
        break;
      }
      default: {
        const lines: HostValue[][] = [["Notes"], [`Checked by ${prng.pick(NAMES)}`], [prng.int(1, 99)]];
        lines.forEach((line, row) => setCell(sheet, sheetCells, row, 0, line[0]));
        grids.push({ sheet: name, row: 0, col: 0, values: lines });
      }
    }
  }
  return { workbook, grids, cells, sheetNames };
}

type PartOrder = "exceljs" | "excel" | "shuffled";

/** Excel writes the sheets before the shared strings and styles (ExcelJS's streaming reader needs them first). */
function excelRank(name: string): number {
  const ranks: [RegExp, number][] = [
    [/^\[Content_Types\]\.xml$/, 0],
    [/^_rels\//, 1],
    [/^xl\/workbook\.xml$/, 2],
    [/^xl\/_rels\//, 3],
    [/^xl\/worksheets\/sheet/, 4],
    [/^xl\/worksheets\/_rels\//, 5],
    [/^xl\/tables\//, 6],
    [/^xl\/theme\//, 7],
    [/^xl\/styles\.xml$/, 8],
    [/^xl\/sharedStrings\.xml$/, 9],
  ];
  return ranks.find(([pattern]) => pattern.test(name))?.[1] ?? 10;
}

/** Shared strings -> inline strings in every sheet (the shared-strings part stays, unused). */
function inlineStrings(sheetXml: string, sharedStrings: string[]): string {
  return sheetXml.replace(
    /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_match, before: string, after: string, index: string) =>
      `<c ${before}t="inlineStr"${after}><is><t xml:space="preserve">${sharedStrings[Number(index)]}</t></is></c>`
  );
}

async function rezip(buffer: Buffer, order: PartOrder, inline: boolean, seed: number): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  if (order === "excel")
    names.sort((a, b) => excelRank(a) - excelRank(b) || a.localeCompare(b, "en", { numeric: true }));
  if (order === "shuffled") {
    const prng = new Prng(seed);
    for (let index = names.length - 1; index > 0; index--) {
      const other = prng.int(0, index);
      [names[index], names[other]] = [names[other], names[index]];
    }
  }
  let sharedStrings: string[] = [];
  if (inline) {
    const xml = await source.file("xl/sharedStrings.xml")?.async("string");
    sharedStrings = [...(xml ?? "").matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((match) => match[1]);
  }
  const target = new JSZip();
  for (const name of names) {
    const file = source.file(name);
    if (!file) continue;
    if (inline && /^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      target.file(name, inlineStrings(await file.async("string"), sharedStrings));
    } else {
      target.file(name, await file.async("uint8array"));
    }
  }
  return target.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** What ExcelJS's non-streaming reader finds: every non-empty cell (merged-over cells left out). */
async function cellsByExcelJs(buffer: Buffer): Promise<{ names: string[]; cells: CellMap }> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings predate Node's generic Buffer.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const cells: CellMap = new Map();
  for (const sheet of workbook.worksheets) {
    const sheetCells = new Map<string, HostValue>();
    cells.set(sheet.name, sheetCells);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = cell.value;
        const plain =
          typeof value === "object" && value !== null && "richText" in value
            ? value.richText.map((run) => run.text).join("")
            : value;
        if (typeof plain === "string" || typeof plain === "number" || typeof plain === "boolean") {
          sheetCells.set(cell.address, plain);
        }
      })
    );
  }
  return { names: workbook.worksheets.map((sheet) => sheet.name), cells };
}

function contentsKey(contents: WorkbookContents): string {
  return JSON.stringify(contents);
}

/** LibreOffice's CSV export of one sheet, as a cell map (text as LibreOffice formats it). */
async function cellsByLibreOffice(csvFile: string): Promise<Map<string, string>> {
  const cells = new Map<string, string>();
  parseCsv(await fs.readFile(csvFile, "utf8")).forEach((row, rowIndex) =>
    row.forEach((text, col) => {
      if (text !== "") cells.set(cellAddress(rowIndex, col), text);
    })
  );
  return cells;
}

describe("readXlsxWorkbook on generated workbooks", () => {
  const cases: [number, PartOrder, boolean][] = [];
  for (const sheets of [1, 6, 50, 300]) {
    cases.push([sheets, "exceljs", false], [sheets, "excel", false], [sheets, "shuffled", true]);
  }
  const fileName = (sheets: number, order: PartOrder) => `wb${sheets}-${order}`;

  let dir: string;
  const generated = new Map<string, { workbook: GeneratedWorkbook; buffer: Buffer; file: string }>();

  beforeAll(async () => {
    if (!SOFFICE_AVAILABLE) throw new Error("soffice is not on PATH: install LibreOffice (see README)");
    dir = await makeTempDir("read");
    for (const [sheetCount, order, inline] of cases) {
      const workbook = generateWorkbook(sheetCount, sheetCount * 7 + 1);
      const buffer = await rezip(
        Buffer.from(await workbook.workbook.xlsx.writeBuffer()),
        order,
        inline,
        sheetCount
      );
      const file = path.join(dir, `${fileName(sheetCount, order)}.xlsx`);
      await fs.writeFile(file, buffer);
      generated.set(fileName(sheetCount, order), { workbook, buffer, file });
    }
    // One LibreOffice run converts every workbook (every sheet to its own CSV): start-up costs seconds.
    await convertWithLibreOffice(
      [...generated.values()].map((entry) => entry.file),
      path.join(dir, "csv"),
      path.join(dir, "profile")
    );
  }, 300_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(cases)(
    "%i sheets, %s part order, inline strings %s: five identical reads, equal to ExcelJS's reader and LibreOffice's CSV export",
    async (sheetCount, order) => {
      const entry = generated.get(fileName(sheetCount, order));
      if (!entry) throw new Error("the workbook was not generated");
      const { workbook, buffer, file } = entry;

      const reads: string[] = [];
      let contents: WorkbookContents | undefined;
      for (let run = 0; run < 5; run++) {
        contents = await readXlsxWorkbook(file, { isHeaderRow: isInputHeaderRow });
        reads.push(contentsKey(contents));
      }
      expect(new Set(reads).size).toBe(1);
      expect(contents?.sheets.map((sheet) => sheet.name)).toEqual(workbook.sheetNames);
      expect(contents?.grids).toEqual(workbook.grids);
      expect(contents?.issues).toEqual([]);

      const byExcelJs = await cellsByExcelJs(buffer);
      expect(byExcelJs.names).toEqual(workbook.sheetNames);
      expect(byExcelJs.cells).toEqual(workbook.cells);

      for (const sheet of workbook.sheetNames) {
        const csvFile = path.join(dir, "csv", `${fileName(sheetCount, order)}-${sheet}.csv`);
        const expected = new Map(
          [...(workbook.cells.get(sheet) ?? new Map<string, HostValue>())].map(([address, value]) => [
            address,
            String(value),
          ])
        );
        expect({ sheet, cells: await cellsByLibreOffice(csvFile) }).toEqual({ sheet, cells: expected });
      }
    }
  );
});

describe("readXlsxWorkbook details", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir("read-details");
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("says which sheets are hidden and very hidden, and still reads them", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Shown").getCell("A1").value = "Notes";
    const hidden = workbook.addWorksheet("Hidden", { state: "hidden" });
    hidden.addRow(["Period", "User ID", "Forecast", "Actual"]);
    hidden.addRow(["2018-01", "90b3d51f30010000", 10, 10]);
    workbook.addWorksheet("Very hidden", { state: "veryHidden" }).getCell("A1").value = "x";
    const file = path.join(dir, "hidden.xlsx");
    await workbook.xlsx.writeFile(file);
    const contents = await readXlsxWorkbook(file);
    expect(contents.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ["Shown", "visible"],
      ["Hidden", "hidden"],
      ["Very hidden", "veryHidden"],
    ]);
    expect(contents.grids.map((grid) => grid.sheet)).toEqual(["Shown", "Hidden", "Very hidden"]);
  });

  it("gives dates of a 1904 workbook as 1900-system serials, as other workbooks give them", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("Dates");
    sheet.addRow(["Period", "Count"]);
    sheet.addRow([new Date(Date.UTC(2018, 0, 31)), 5]);
    sheet.getCell("A2").numFmt = "dd/mm/yyyy";
    const file = path.join(dir, "1904.xlsx");
    await workbook.xlsx.writeFile(file);
    const contents = await readXlsxWorkbook(file);
    // 43131 is 31/01/2018 in the 1900 system; the count (not a date) is left as it is.
    expect(contents.grids[0].values[1]).toEqual([43131, 5]);
  });

  it("returns formulas without a value, errors and over-long text as issues with their cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["Period", "User ID", "Forecast", "Actual"]);
    sheet.addRow([
      "2018-01",
      "x".repeat(40_000),
      { formula: "1/0", result: { error: "#DIV/0!" } },
      { formula: "C2*2" },
    ]);
    const file = path.join(dir, "issues.xlsx");
    await workbook.xlsx.writeFile(file);
    const contents = await readXlsxWorkbook(file);
    expect(contents.issues).toEqual([
      {
        sheet: "Data",
        row: 1,
        col: 1,
        detail: "text of 40,000 characters, over Excel's limit of 32,767 per cell",
      },
      { sheet: "Data", row: 1, col: 2, detail: "the error #DIV/0! (a formula's result)" },
      {
        sheet: "Data",
        row: 1,
        col: 3,
        detail: "a formula with no calculated value (open the file in Excel and save it)",
      },
    ]);
  });

  it.each<[string, boolean]>([
    ["dd/mm/yyyy", true],
    ["yyyy-mm-dd hh:mm", true],
    ["[$-809]d mmmm yyyy;@", true],
    ["[h]:mm", true],
    ["0.00%", false],
    ['"Day "0', false],
    ["[Red]#,##0", false],
    ["General", false],
  ])("number format %s is a date: %s", (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});
