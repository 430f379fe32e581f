import { tableRows } from "./layout-cells";
import {
  CSR_COLUMNS,
  PCI_COLUMNS,
  PCI_SUPPLIER_COLUMNS,
  PCI_TREND_COLUMNS,
  PCI_TYPE_COLUMNS,
  SR_COLUMNS,
  buildReports,
  reportSheetNames,
  type CellValue,
  type SheetLayout,
  type TableSpec,
} from "../../src/reports";
import { JANUARY, SUPPLIER_A, SUPPLIER_B, device, fixtureData, subscriber, user } from "./fixture";

const data = fixtureData();

/** The value written at (row, col), or undefined when nothing is written there. */
function cellAt(layout: SheetLayout, row: number, col: number): CellValue | undefined {
  for (const block of layout.values) {
    const line = block.values[row - block.row];
    if (line && col >= block.col && col < block.col + line.length) return line[col - block.col];
  }
  return undefined;
}

/** The value beside a label in column A. */
function labelled(layout: SheetLayout, label: string): { value: CellValue | undefined; row: number } {
  for (const block of layout.values) {
    if (block.col !== 0) continue;
    const index = block.values.findIndex((line) => line[0] === label);
    if (index >= 0) return { value: block.values[index][1], row: block.row + index };
  }
  throw new Error(`no label "${label}" on ${layout.name}`);
}

function formatAt(layout: SheetLayout, row: number, col: number): string | undefined {
  let format: string | undefined;
  for (const range of layout.styles) {
    const inside =
      row >= range.row &&
      row < range.row + range.rowCount &&
      col >= range.col &&
      col < range.col + range.colCount;
    if (inside && range.style.numberFormat !== undefined) format = range.style.numberFormat;
  }
  return format;
}

function table(layout: SheetLayout, name: string): TableSpec {
  const found = layout.tables.find((spec) => spec.name === name);
  if (!found) throw new Error(`no table ${name} on ${layout.name}`);
  return found;
}

function allText(layout: SheetLayout): string[] {
  return layout.values
    .flatMap((block) => block.values.flat())
    .filter((value): value is string => typeof value === "string");
}

const layouts = buildReports(data, JANUARY).layouts;
const [srSheet, csrSheet, pciSheet, cover] = layouts;

describe("buildReports: the layouts", () => {
  it("builds SR, CSR, PCI then the cover, named with the month, as reportSheetNames says", () => {
    expect(layouts.map((layout) => [layout.name, layout.kind, layout.classification])).toEqual([
      ["SR Variance Jan-2018", "sr", "AMBER: SEC Panel only"],
      ["CSR Variance Jan-2018", "csr", "AMBER: SEC Panel only"],
      ["Post Commissioning Jan-2018", "pci", "AMBER: SEC Panel only"],
      ["DCC Reporting Jan-2018", "cover", "WHITE"],
    ]);
    expect(reportSheetNames(JANUARY)).toEqual(layouts.map((layout) => layout.name));
    for (const layout of layouts) expect(layout.name.length).toBeLessThanOrEqual(31);
  });

  it("builds only the chosen reports, always in SR, CSR, PCI order, and always the cover", () => {
    const options = { ...JANUARY, reports: ["pci", "sr"] as ("pci" | "sr")[] };
    expect(buildReports(data, options).layouts.map((layout) => layout.name)).toEqual([
      "SR Variance Jan-2018",
      "Post Commissioning Jan-2018",
      "DCC Reporting Jan-2018",
    ]);
    expect(reportSheetNames(options)).toEqual([
      "SR Variance Jan-2018",
      "Post Commissioning Jan-2018",
      "DCC Reporting Jan-2018",
    ]);
    expect(reportSheetNames({ ...JANUARY, reports: [] })).toEqual(["DCC Reporting Jan-2018"]);
  });

  it("never overlaps two written blocks, and writes every table over its own header row", () => {
    for (const layout of layouts) {
      const taken = new Set<string>();
      for (const block of layout.values) {
        block.values.forEach((line, rowOffset) =>
          line.forEach((_, colOffset) => {
            const key = `${block.row + rowOffset},${block.col + colOffset}`;
            expect(taken.has(key)).toBe(false);
            taken.add(key);
          })
        );
      }
      for (const spec of layout.tables) {
        expect(spec.headers.map((_, col) => cellAt(layout, spec.row, spec.col + col))).toEqual(spec.headers);
        expect(spec.columnFormats).toHaveLength(spec.headers.length);
      }
    }
  });
});

describe("SR sheet", () => {
  it("has the header block: title, SEC section, period, due date and classification", () => {
    expect(cellAt(srSheet, 0, 0)).toBe("Service Request Variance and Metrics Panel Report");
    expect(cellAt(srSheet, 1, 0)).toBe("SEC Section H3.24");
    expect(labelled(srSheet, "Period").value).toBe("January 2018");
    const due = labelled(srSheet, "Due date");
    expect(due.value).toBe(43145);
    expect(formatAt(srSheet, due.row, 1)).toBe("d mmmm yyyy");
    expect(labelled(srSheet, "Classification").value).toBe("AMBER: SEC Panel only");
  });

  it("freezes the header block so the classification stays on screen", () => {
    const classificationRow = labelled(srSheet, "Classification").row;
    expect(srSheet.freezeRows).toBe(classificationRow + 1);
  });

  it("puts the summary figures above the tables", () => {
    expect(labelled(srSheet, "Total forecast").value).toBe(550);
    expect(labelled(srSheet, "Total actual").value).toBe(598);
    const percent = labelled(srSheet, "Actual as % of forecast");
    expect(percent.value).toBeCloseTo(598 / 550, 12);
    expect(formatAt(srSheet, percent.row, 1)).toBe("0.0%");
    expect(labelled(srSheet, "Exceptions: Over").value).toBe(3);
    expect(labelled(srSheet, "Exceptions: Under").value).toBe(3);
    expect(labelled(srSheet, "Exceptions: No forecast").value).toBe(1);
    const firstTableRow = Math.min(...srSheet.tables.map((spec) => spec.row));
    expect(percent.row).toBeLessThan(firstTableRow);
  });

  it("has SR_2018_01 and SR_Exceptions_2018_01 with the SPEC columns and exceptions in order", () => {
    const all = table(srSheet, "SR_2018_01");
    const exceptions = table(srSheet, "SR_Exceptions_2018_01");
    expect(all.headers).toEqual([...SR_COLUMNS]);
    expect(exceptions.headers).toEqual([
      "User ID",
      "User Name",
      "User Role",
      "Forecast",
      "Actual",
      "Difference",
      "% of Forecast",
      "Status",
    ]);
    expect(all.rowCount).toBe(9);
    expect(tableRows(srSheet, exceptions)).toEqual([
      [user(5), "Five", "GT", null, 40, null, null, "No forecast"],
      [user(1), "One", "IS", 100, 90, -10, 0.9, "Under"],
      [user(2), "Two", "ES", 100, 110, 10, 1.1, "Over"],
      [user(9), "Nine", "OU", 50, 40, -10, 0.8, "Under"],
      [user(4), "Four", "ED", 90, 99, 9, 1.1, "Over"],
      [user(6), "Six", "RSA", 0, 5, 5, null, "Over"],
      [user(3), "Three", "GS", 10, 9, -1, 0.9, "Under"],
    ]);
    expect(exceptions.columnFormats[6]).toBe("0.0%");
    expect(exceptions.columnFormats[7]).toBeNull();
  });

  it("colours each status in the Status column of both tables", () => {
    for (const spec of srSheet.tables) {
      const formats = srSheet.conditionalFormats.filter((format) => format.row === spec.row + 1);
      expect(formats.map((format) => format.text).sort()).toEqual(["No forecast", "Over", "Under", "Within"]);
      for (const format of formats) {
        expect(format).toMatchObject({ col: 7, colCount: 1, rowCount: spec.rowCount });
      }
    }
  });

  it("charts forecast against actual from a small block beside the summary", () => {
    expect(srSheet.charts).toHaveLength(1);
    const [chart] = srSheet.charts;
    expect(cellAt(srSheet, chart.source.row, chart.source.col + 1)).toBe("Forecast");
    expect(cellAt(srSheet, chart.source.row, chart.source.col + 2)).toBe("Actual");
    expect(chart.source.colCount).toBe(3);
    expect(chart.source.col).toBeGreaterThanOrEqual(SR_COLUMNS.length);
  });
});

describe("CSR sheet", () => {
  it("has the SPEC tables and columns, L8.9 in the header and no Under count", () => {
    expect(cellAt(csrSheet, 1, 0)).toBe("SEC Section L8.9");
    expect(table(csrSheet, "CSR_2018_01").headers).toEqual([...CSR_COLUMNS]);
    const exceptions = table(csrSheet, "CSR_Exceptions_2018_01");
    expect(exceptions.headers).toEqual([...CSR_COLUMNS]);
    expect(tableRows(csrSheet, exceptions)).toEqual([
      [subscriber(3), "Three Power", 100, 110, 10, 1.1, "Over"],
      [subscriber(5), "Five Energy", 20, 30, 10, 1.5, "Over"],
      [subscriber(2), "Two plc", null, 7, null, null, "No forecast"],
    ]);
    expect(() => labelled(csrSheet, "Exceptions: Under")).toThrow();
    expect(csrSheet.conditionalFormats.every((format) => format.col === 6)).toBe(true);
  });

  it("when redacted, shows no Subscriber name or ID anywhere, and the same label in both tables", () => {
    const [redacted] = buildReports(data, { ...JANUARY, reports: ["csr"], redactCsr: true }).layouts;
    const text = allText(redacted).join("\n");
    for (const n of [1, 2, 3, 4, 5]) expect(text).not.toContain(subscriber(n));
    for (const name of ["One Gas", "Two plc", "Three Power", "Four Ltd", "Five Energy"])
      expect(text).not.toContain(name);
    expect(
      tableRows(redacted, table(redacted, "CSR_Exceptions_2018_01")).map((row) => row.slice(0, 2))
    ).toEqual([
      ["Subscriber 3", "Subscriber 3"],
      ["Subscriber 5", "Subscriber 5"],
      ["Subscriber 2", "Subscriber 2"],
    ]);
    expect(tableRows(redacted, table(redacted, "CSR_2018_01")).map((row) => row[0])).toEqual([
      "Subscriber 1",
      "Subscriber 2",
      "Subscriber 3",
      "Subscriber 4",
      "Subscriber 5",
    ]);
  });
});

describe("Post Commissioning sheet", () => {
  it("has the four SPEC tables with their columns", () => {
    expect(pciSheet.tables.map((spec) => [spec.name, spec.headers])).toEqual([
      ["PCI_Trend_2018_01", [...PCI_TREND_COLUMNS]],
      ["PCI_Types_2018_01", [...PCI_TYPE_COLUMNS]],
      ["PCI_Suppliers_2018_01", [...PCI_SUPPLIER_COLUMNS]],
      ["PCI_2018_01", [...PCI_COLUMNS]],
    ]);
    expect(PCI_COLUMNS).toEqual([
      "Device ID",
      "Device Type",
      "Supplier ID",
      "Commissioned",
      "Days Commissioned",
      "Reasons",
      "New This Month",
    ]);
  });

  it("lists the devices at period end with dates as serials formatted dd/mm/yyyy", () => {
    const spec = table(pciSheet, "PCI_2018_01");
    expect(tableRows(pciSheet, spec)).toEqual([
      [device(2), "ESME", SUPPLIER_A, 43036, 95, "a", "No"],
      [device(4), "CHF", SUPPLIER_B, 43093, 38, "a,b,c,d,e", "Yes"],
      [device(5), "GSME", SUPPLIER_B, 43070, 61, "a", "No"],
      [device(6), "", "", 43123, 8, "e", "Yes"],
    ]);
    expect(spec.columnFormats[3]).toBe("dd/mm/yyyy");
  });

  it("has the trend with blank months, the type and supplier counts, and the trend chart", () => {
    const trend = table(pciSheet, "PCI_Trend_2018_01");
    expect(tableRows(pciSheet, trend)).toEqual([
      ["Aug-2017", null, null, null, null, null, null, null, null],
      ["Sep-2017", null, null, null, null, null, null, null, null],
      ["Oct-2017", 1, null, null, 0, 1, 0, 0, 0],
      ["Nov-2017", null, null, null, null, null, null, null, null],
      ["Dec-2017", 3, null, null, 1, 1, 1, 1, 0],
      ["Jan-2018", 4, 2, 1, 3, 1, 1, 1, 2],
    ]);
    expect(labelled(pciSheet, "No data").value).toBe("Aug-2017, Sep-2017, Nov-2017");
    expect(tableRows(pciSheet, table(pciSheet, "PCI_Types_2018_01"))).toEqual([
      ["ESME", 1, 0, 1],
      ["GSME", 1, 0, 0],
      ["CHF", 1, 1, 0],
      ["(not given)", 1, 1, 0],
    ]);
    expect(tableRows(pciSheet, table(pciSheet, "PCI_Suppliers_2018_01"))).toEqual([
      [SUPPLIER_A, 1, 0, 1],
      [SUPPLIER_B, 2, 1, 0],
      ["(not given)", 1, 1, 0],
    ]);
    expect(pciSheet.charts).toHaveLength(1);
    expect(pciSheet.charts[0]).toMatchObject({
      type: "line",
      source: { row: trend.row, col: trend.col, rowCount: 7, colCount: 4 },
    });
  });

  it("gives the summary counts per criterion", () => {
    expect(labelled(pciSheet, "Devices listed at period end").value).toBe(4);
    expect(labelled(pciSheet, "Added since the previous month").value).toBe(2);
    expect(labelled(pciSheet, "Removed since the previous month").value).toBe(1);
    const criteria = pciSheet.values
      .filter(
        (block) =>
          block.col === 0 && typeof block.values[0][0] === "string" && /^\([a-e]\) /.test(block.values[0][0])
      )
      .map((block) => block.values[0][1]);
    expect(criteria).toEqual([3, 1, 1, 1, 2]);
  });

  it("keeps one row for an empty table so the next content does not run into it", () => {
    const [empty] = buildReports(data, { ...JANUARY, period: "2018-03", reports: ["pci"] }).layouts;
    const types = table(empty, "PCI_Types_2018_03");
    expect(types.rowCount).toBe(0);
    const nextRow = Math.min(
      ...empty.values.filter((block) => block.row > types.row).map((block) => block.row)
    );
    expect(nextRow).toBeGreaterThanOrEqual(types.row + 2);
    expect(labelled(empty, "Devices listed at period end").value).toBe("no data");
  });
});

describe("cover sheet", () => {
  it("is the WHITE paper for the Panel with the reports, due dates, headlines, recommendation and Annex A", () => {
    const text = allText(cover);
    expect(cellAt(cover, 0, 0)).toBe("DCC Reporting");
    expect(labelled(cover, "Classification").value).toBe("WHITE");
    expect(text).toContain("The Panel is requested to NOTE the contents of this paper.");
    expect(text).toContain("Annex A: DCC Report Types");
    expect(text).toEqual(
      expect.arrayContaining(["SR Variance Jan-2018", "CSR Variance Jan-2018", "Post Commissioning Jan-2018"])
    );
    expect(labelled(cover, "CSRs sent").value).toBe(197);
    const rowOfSr = cover.values.find((block) => block.values[0][3] === "SR Variance Jan-2018");
    expect(rowOfSr?.values[0][2]).toBe(43145);
  });

  it("names no party: no EUI-64 and no party name appears on it", () => {
    const text = allText(cover).join("\n");
    expect(text).not.toMatch(/[0-9A-F]{2}(-[0-9A-F]{2}){7}/);
    for (const name of ["One Gas", "Nine", "Three Power"]) expect(text).not.toContain(name);
  });
});
