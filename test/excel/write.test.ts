/** @jest-environment jsdom */
/** writeLayouts against the in-memory host: sheets, tables, text safety, replacing, cancelling. */
import { writeLayouts, WriteCancelledError } from "../../src/excel/write";
import { cellAddress } from "../../src/reports/address";
import { handMadeLayout, january2018Layouts, uninstallHost, useHost, userSheets } from "./helpers";

afterEach(() => uninstallHost());

const neverAsked = async (): Promise<boolean> => {
  throw new Error("confirmReplace should not be asked");
};

test("a hand-made layout becomes a sheet with its values, table, formats, chart and frozen header", async () => {
  const host = useHost(userSheets());
  const before = host.snapshot();
  const result = await writeLayouts([handMadeLayout()], { confirmReplace: neverAsked });

  expect(result.sheets).toEqual([{ layout: "SR Variance Jan-2018", written: "SR Variance Jan-2018" }]);
  expect(host.sheetNames()).toEqual(["My data", "Notes", "SR Variance Jan-2018"]);
  const table = host.tables().find((t) => t.name === "SR_2018_01");
  expect(table).toEqual({
    name: "SR_2018_01",
    sheet: "SR Variance Jan-2018",
    address: "A4:E8",
    headers: ["User ID", "User Name", "Forecast", "Actual", "Status"],
    style: "TableStyleMedium2",
  });
  const sheet = "SR Variance Jan-2018";
  expect(host.values(sheet, "A1:B2")).toEqual([
    ["Service Request Variance", ""],
    ["Classification", "AMBER: SEC Panel only"],
  ]);
  // Text stays text: nothing the user typed as a party name runs as a formula or turns into a number.
  expect(host.values(sheet, "B5:B8")).toEqual([
    ['=HYPERLINK("http://x","y")'],
    ["+44 20 7946 0000"],
    ["-5"],
    ["0012"],
  ]);
  expect(host.formulas(sheet, "A1:E8").flat()).not.toContain("#NAME?");
  expect(host.values(sheet, "C5:D7")).toEqual([
    [100, 120],
    [100, 90],
    ["", 0],
  ]);
  expect(host.numberFormats(sheet, "C5:E5")).toEqual([["#,##0", "#,##0", "General"]]);
  expect(host.format(sheet, "A1")).toMatchObject({ bold: true, fontSize: 14 });
  expect(host.format(sheet, "B2")).toMatchObject({ fill: "#FFC000", italic: true, bold: false });
  expect(host.conditionalFormats(sheet)).toEqual([
    {
      type: "CellValue",
      address: "E5:E8",
      rule: { formula1: '="Over"', operator: "EqualTo" },
      fill: "#F8CBAD",
      fontColor: "#9C0006",
    },
  ]);
  expect(host.charts(sheet)).toEqual([
    expect.objectContaining({
      chartType: "ColumnClustered",
      title: "Forecast and actual",
      source: "'SR Variance Jan-2018'!B4:D8",
      position: { start: "H4", end: "M15" },
    }),
  ]);
  expect(host.frozenRows(sheet)).toBe(4);
  expect(host.tabColor(sheet)).toBe("#C55A11");
  expect(host.format(sheet, "B1").columnWidth).toBeGreaterThan(host.format(sheet, "C1").columnWidth);
  // The user's sheets are exactly as before.
  const after = host.snapshot();
  expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
  expect(after.tables.filter((t) => t.name === "MyTable")).toEqual(before.tables);
  expect(result.syncs).toBe(host.syncCount);
  expect(result.requests).toBeGreaterThanOrEqual(2);
  // Every writing request suspends calculation and screen updating; the name read does not.
  expect(host.syncs.filter((s) => s.suspendedCalculation)).toHaveLength(result.requests);
  expect(host.syncs.filter((s) => s.suspendedScreenUpdating)).toHaveLength(result.requests);
});

test("January 2018 from the sample workbook writes the four report sheets and the SPEC tables", async () => {
  const host = useHost(userSheets());
  const layouts = january2018Layouts();
  const result = await writeLayouts(layouts, { confirmReplace: neverAsked });
  expect(result.sheets.map((s) => s.written)).toEqual([
    "SR Variance Jan-2018",
    "CSR Variance Jan-2018",
    "Post Commissioning Jan-2018",
    "DCC Reporting Jan-2018",
  ]);
  const tables = new Map(host.tables().map((t) => [t.name, t]));
  const expected: Record<string, string[]> = {
    SR_2018_01: [
      "User ID",
      "User Name",
      "User Role",
      "Forecast",
      "Actual",
      "Difference",
      "% of Forecast",
      "Status",
    ],
    SR_Exceptions_2018_01: [
      "User ID",
      "User Name",
      "User Role",
      "Forecast",
      "Actual",
      "Difference",
      "% of Forecast",
      "Status",
    ],
    CSR_2018_01: [
      "Subscriber ID",
      "Subscriber Name",
      "Forecast",
      "Actual",
      "Difference",
      "% of Forecast",
      "Status",
    ],
    CSR_Exceptions_2018_01: [
      "Subscriber ID",
      "Subscriber Name",
      "Forecast",
      "Actual",
      "Difference",
      "% of Forecast",
      "Status",
    ],
    PCI_2018_01: [
      "Device ID",
      "Device Type",
      "Supplier ID",
      "Commissioned",
      "Days Commissioned",
      "Reasons",
      "New This Month",
    ],
    PCI_Trend_2018_01: ["Period", "Listed", "Added", "Removed", "a", "b", "c", "d", "e"],
    PCI_Types_2018_01: ["Device Type", "Listed", "Added", "Removed"],
    PCI_Suppliers_2018_01: ["Supplier ID", "Listed", "Added", "Removed"],
  };
  for (const [name, headers] of Object.entries(expected)) {
    expect(tables.get(name)?.headers).toEqual(headers);
  }
  // Every table's data rows hold exactly the layout's values.
  for (const layout of layouts) {
    for (const spec of layout.tables) {
      const table = tables.get(spec.name);
      expect(table?.sheet).toBe(layout.name);
      const rows = Math.max(spec.rowCount, 1);
      expect(table?.address.split(":")[1]).toMatch(new RegExp(`${spec.row + 1 + rows}$`));
    }
  }
  // Every value block reads back exactly: strings as written (text), numbers as numbers, null as empty.
  for (const layout of layouts) {
    for (const block of layout.values) {
      const address = `${cellAddress(block.row, block.col)}:${cellAddress(block.row + block.values.length - 1, block.col + block.values[0].length - 1)}`;
      expect(host.values(layout.name, address)).toEqual(
        block.values.map((row) => row.map((v) => (v === null ? "" : v)))
      );
    }
  }
  expect(host.charts().length).toBe(layouts.reduce((n, l) => n + l.charts.length, 0));
  expect(host.sheetNames().slice(0, 2)).toEqual(["My data", "Notes"]);
});

test("an existing report sheet is kept, and the new one written under a free name, unless replacing is confirmed", async () => {
  const existing = {
    name: "SR Variance Jan-2018",
    values: [
      ["old", "report"],
      ["a", 1],
    ],
    tables: [{ name: "SR_2018_01", address: "A1:B2" }],
  };
  const host = useHost([...userSheets(), existing]);
  const before = host.snapshot();
  const asked: string[][] = [];
  const result = await writeLayouts([handMadeLayout()], {
    confirmReplace: async (names) => {
      asked.push(names);
      return false;
    },
  });
  expect(asked).toEqual([["SR Variance Jan-2018"]]);
  expect(result.sheets).toEqual([{ layout: "SR Variance Jan-2018", written: "SR Variance Jan-2018 (2)" }]);
  expect(host.sheetNames()).toEqual(["My data", "Notes", "SR Variance Jan-2018", "SR Variance Jan-2018 (2)"]);
  expect(host.snapshot().sheets.slice(0, 3)).toEqual(before.sheets);
  expect(host.tables().map((t) => [t.name, t.sheet])).toEqual([
    ["MyTable", "My data"],
    ["SR_2018_01", "SR Variance Jan-2018"],
    ["SR_2018_01_2", "SR Variance Jan-2018 (2)"],
  ]);
});

test("a confirmed replacement replaces the old sheet, and the new table takes the old table's name", async () => {
  const existing = {
    name: "sr variance jan-2018",
    values: [
      ["old", "report"],
      ["a", 1],
    ],
    tables: [{ name: "SR_2018_01", address: "A1:B2" }],
  };
  const host = useHost([...userSheets(), existing]);
  const before = host.snapshot();
  const result = await writeLayouts([handMadeLayout()], { confirmReplace: async () => true });
  expect(result.sheets[0].written).toBe("SR Variance Jan-2018");
  expect(host.sheetNames()).toEqual(["My data", "Notes", "SR Variance Jan-2018"]);
  expect(host.tables().map((t) => [t.name, t.sheet, t.address])).toEqual([
    ["MyTable", "My data", "A1:C3"],
    ["SR_2018_01", "SR Variance Jan-2018", "A4:E8"],
  ]);
  expect(host.values("SR Variance Jan-2018", "A1")).toEqual([["Service Request Variance"]]);
  expect(host.snapshot().sheets.slice(0, 2)).toEqual(before.sheets.slice(0, 2));
});

test("a user's own table with a report table's name is never touched, even when replacing", async () => {
  const host = useHost([
    {
      name: "Mine",
      values: [
        ["x", "y"],
        [1, 2],
      ],
      tables: [{ name: "SR_2018_01", address: "A1:B2" }],
    },
    { name: "SR Variance Jan-2018", values: [["old"]] },
  ]);
  await writeLayouts([handMadeLayout()], { confirmReplace: async () => true });
  expect(host.tables().map((t) => [t.name, t.sheet])).toEqual([
    ["SR_2018_01", "Mine"],
    ["SR_2018_01_2", "SR Variance Jan-2018"],
  ]);
  expect(host.values("Mine", "A1:B2")).toEqual([
    ["x", "y"],
    [1, 2],
  ]);
});

test("progress names the sheet being written and ends with done = total", async () => {
  useHost();
  const seen: { stage: string; done: number; total: number }[] = [];
  await writeLayouts(january2018Layouts(), {
    confirmReplace: neverAsked,
    maxRequestBytes: 16 * 1024,
    onProgress: (p) => seen.push(p),
  });
  expect(seen[0]).toMatchObject({ stage: "Preparing", done: 0 });
  expect(seen.map((p) => p.stage)).toEqual(
    expect.arrayContaining([
      "Writing SR Variance Jan-2018",
      "Writing Post Commissioning Jan-2018",
      "Finishing",
    ])
  );
  for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
  const last = seen[seen.length - 1];
  expect(last.done).toBe(last.total);
});

test("cancelling stops at the next batch and leaves the workbook as it was", async () => {
  const host = useHost(userSheets());
  const before = host.snapshot();
  const controller = new AbortController();
  const promise = writeLayouts(january2018Layouts(), {
    confirmReplace: neverAsked,
    maxRequestBytes: 16 * 1024,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.done > 0) controller.abort();
    },
  });
  await expect(promise).rejects.toBeInstanceOf(WriteCancelledError);
  await expect(promise).rejects.toMatchObject({ name: "AbortError" });
  expect(host.snapshot()).toEqual(before);
});

test("an operation Excel refuses part-way through is rolled back with a clear error", async () => {
  const host = useHost(userSheets());
  const before = host.snapshot();
  const layout = handMadeLayout();
  layout.tables[0].style = "NoSuchStyle";
  await expect(
    writeLayouts([handMadeLayout("CSR Variance Jan-2018", "CSR_2018_01"), layout], {
      confirmReplace: neverAsked,
    })
  ).rejects.toThrow(/Writing the reports failed: .*NoSuchStyle.*The workbook is as it was before\./);
  expect(host.snapshot()).toEqual(before);
});

test("layouts with an impossible sheet name are refused before anything is written", async () => {
  const host = useHost(userSheets());
  const syncs = host.syncCount;
  await expect(writeLayouts([handMadeLayout("Bad/name")], { confirmReplace: neverAsked })).rejects.toThrow(
    /cannot be a sheet name/
  );
  expect(host.syncCount).toBe(syncs);
});
