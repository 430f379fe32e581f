/**
 * The two writers translate the same resolved layout into the same cells: values, number formats and
 * table ranges agree between the workbook the pane writes (Office.js) and the file the runner writes
 * (ExcelJS), including an empty table and a chart (drawn by one, a note in the resolved cell by the other).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { writeLayoutsXlsx } from "../../src/cli/write-xlsx";
import { writeLayouts } from "../../src/excel/write";
import { cellAddress, type CellValue, type SheetLayout } from "../../src/reports";
import { resolveSheet } from "../../src/reports/resolve";
import { makeTempDir, readWorkbook, serialOfDate, writtenTables } from "../cli/helpers";
// The object-level stand-in: under jsdom (which the real client needs) this file's ExcelJS import does not load.
import { handMadeLayout, january2018Layouts, uninstallHost, useStandInHost } from "../excel/helpers";

afterEach(() => uninstallHost());

/** A sheet with an empty table and a chart whose own cell is taken, so its note moves. */
function emptyTableAndMovedNote(): SheetLayout {
  const layout = handMadeLayout("Parity", "Parity_Parties");
  const chart = layout.charts[0];
  layout.values.push(
    // The chart's anchor cell holds text, so the note goes above the chart's data.
    { row: chart.anchor.row, col: chart.anchor.col, values: [["taken"]] },
    { row: 10, col: 0, values: [["Nothing to list"]] },
    { row: 11, col: 0, values: [["User ID", "Forecast"]] }
  );
  layout.tables.push({
    name: "Parity_Empty",
    row: 11,
    col: 0,
    headers: ["User ID", "Forecast"],
    rowCount: 0,
    columnFormats: [null, "#,##0"],
    style: "TableStyleLight9",
  });
  return layout;
}

type Cells = Map<string, [CellValue | string, string]>;

async function writeBoth(layouts: SheetLayout[]): Promise<{
  host: ReturnType<typeof useStandInHost>;
  file: Awaited<ReturnType<typeof readWorkbook>>;
}> {
  const host = useStandInHost();
  await writeLayouts(layouts, { confirmReplace: async () => false });
  const dir = await makeTempDir("parity");
  const target = path.join(dir, "parity.xlsx");
  try {
    await writeLayoutsXlsx(layouts, target);
    return { host, file: await readWorkbook(target) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe("the Office.js and ExcelJS writers, given the same layouts", () => {
  it.each([
    ["January 2018 from the sample", january2018Layouts],
    ["an empty table and a chart note that moves", () => [emptyTableAndMovedNote()]],
  ])("write the same cells, formats and table ranges: %s", async (_name, make) => {
    const layouts = make();
    const { host, file } = await writeBoth(layouts);
    const fileTables = writtenTables(file);
    for (const layout of layouts) {
      const resolved = resolveSheet(layout);
      const notes = new Set(resolved.charts.map((chart) => cellAddress(chart.note.row, chart.note.col)));
      const sheet = file.getWorksheet(layout.name);
      if (sheet === undefined) throw new Error(`${layout.name} not in the file`);
      const rows = Math.max(sheet.rowCount, host.sheetValues(layout.name).length);
      const cols = Math.max(sheet.columnCount, host.sheetValues(layout.name)[0]?.length ?? 0);
      const corner = cellAddress(rows - 1, cols - 1);
      const hostValues = host.values(layout.name, `A1:${corner}`);
      const hostFormats = host.numberFormats(layout.name, `A1:${corner}`);
      const fromHost: Cells = new Map();
      const fromFile: Cells = new Map();
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const address = cellAddress(row, col);
          // ExcelJS's findCell (not Office.js): undefined for a cell the file does not have.
          const written = sheet.findCell(row + 1, col + 1);
          const raw = written?.value;
          const value = raw instanceof Date ? serialOfDate(raw) : (raw as CellValue | undefined);
          if (notes.has(address)) {
            // ExcelJS cannot draw a chart: the resolved note stands in its cell; Office.js draws it.
            expect(value).toBe(
              resolved.charts.find((c) => cellAddress(c.note.row, c.note.col) === address)?.note.text
            );
            continue;
          }
          fromFile.set(address, [value ?? "", written?.numFmt ?? "General"]);
          fromHost.set(address, [hostValues[row][col], hostFormats[row][col]]);
        }
      }
      const differing = [...fromHost].filter(([address, cell]) => {
        const other = fromFile.get(address);
        return other === undefined || other[0] !== cell[0] || other[1] !== cell[1];
      });
      expect(differing.map(([address, cell]) => [layout.name, address, cell, fromFile.get(address)])).toEqual(
        []
      );
      expect(host.charts(layout.name)).toHaveLength(resolved.charts.length);
      for (const table of resolved.tables) {
        const written = host.tables().find((candidate) => candidate.name === table.name);
        expect({ name: table.name, ref: written?.address }).toEqual({
          name: table.name,
          ref: fileTables.get(table.name)?.ref,
        });
      }
    }
  });

  it("keeps one blank row in an empty table, in both, without formats (a streamed file cannot format it)", async () => {
    const { host, file } = await writeBoth([emptyTableAndMovedNote()]);
    expect(host.tables().find((table) => table.name === "Parity_Empty")?.address).toBe("A12:B13");
    expect(writtenTables(file).get("Parity_Empty")?.ref).toBe("A12:B13");
    expect(host.numberFormats("Parity", "B13")).toEqual([["General"]]);
    expect(file.getWorksheet("Parity")?.getCell("B13").numFmt).toBeUndefined();
  });
});
