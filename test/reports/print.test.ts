import {
  FOOTER_PAGE_NUMBER,
  FOOTER_SHEET_NAME,
  buildReports,
  headerFooterLiteral,
  printSetupFor,
  reportExtent,
  type SheetLayout,
} from "../../src/reports";
import { JANUARY, fixtureData } from "./fixture";

const layouts = buildReports(fixtureData(), JANUARY).layouts;
const byKind = (kind: SheetLayout["kind"]): SheetLayout => layouts.find((layout) => layout.kind === kind)!;

test("every report sheet prints A4 landscape, one page wide, no gridlines, classification over sheet name and page", () => {
  for (const layout of layouts) {
    const print = layout.print!;
    expect(print).toEqual(printSetupFor(layout));
    expect(print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      printGridlines: false,
      centerHeader: layout.classification,
      leftFooter: FOOTER_SHEET_NAME,
      rightFooter: FOOTER_PAGE_NUMBER,
    });
  }
  expect(byKind("cover").print!.centerHeader).toBe("WHITE");
  expect(byKind("sr").print!.centerHeader).toBe("AMBER: SEC Panel only");
  expect(headerFooterLiteral("Smith & Co")).toBe("Smith && Co");
});

test("the print area holds every value, table and chart and starts at A1", () => {
  for (const layout of layouts) {
    const { area } = layout.print!;
    expect(area).toEqual(reportExtent(layout));
    expect([area.row, area.col]).toEqual([0, 0]);
    for (const block of layout.values) {
      expect(block.row + block.values.length).toBeLessThanOrEqual(area.rowCount);
      expect(block.col + block.values[0].length).toBeLessThanOrEqual(area.colCount);
    }
    for (const table of layout.tables)
      expect(table.row + Math.max(table.rowCount, 1) + 1).toBeLessThanOrEqual(area.rowCount);
    for (const chart of layout.charts)
      expect(chart.anchor.col + chart.anchor.widthCols).toBeLessThanOrEqual(area.colCount);
  }
  // The last row printed is the last row of the last table (the SR sheet ends with All Users).
  const sr = byKind("sr");
  const all = sr.tables.find((table) => table.name === "SR_2018_01")!;
  expect(sr.print!.area.rowCount).toBe(all.row + all.rowCount + 1);
});

test("the repeated rows are the longest table's header row, or the header block on the cover", () => {
  for (const kind of ["sr", "csr", "pci"] as const) {
    const layout = byKind(kind);
    const longest = Math.max(...layout.tables.map((table) => table.rowCount));
    const titleRow = layout.print!.titleRows!.first;
    expect(layout.print!.titleRows!.last).toBe(titleRow);
    const table = layout.tables.find((candidate) => candidate.row === titleRow)!;
    expect(table.rowCount).toBe(longest);
  }
  const cover = byKind("cover");
  expect(cover.print!.titleRows).toEqual({ first: 0, last: cover.headerRows! - 1 });
});
