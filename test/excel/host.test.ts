/** @jest-environment jsdom */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/no-context-sync-in-loop -- these tests read unloaded properties on purpose, to check the host throws where Excel does */
/**
 * The in-memory Excel host behaves like Excel where the product's correctness depends on it. The
 * workbook's rules (cell input, names, formats) are tested through Microsoft's client, as the product
 * meets them. The first group tests the object-level stand-in's own imitation of the client (load, sync,
 * request limits), which `npm run bench` still uses for its stand-in comparison.
 */
import {
  createExcelHost,
  ExcelHost,
  HostOfficeError,
  installExcelHost,
  PAYLOAD_LIMIT_BYTES,
} from "../support/excel-host";
import { installOfficeJs } from "../support/office-js";

let host: ExcelHost;
let restore: () => void;

/** A workbook behind Microsoft's client ("real") or behind the object-level stand-in. */
function setUp(
  initial?: Parameters<typeof createExcelHost>[0],
  client: "real" | "stand-in" = "real"
): ExcelHost {
  host = createExcelHost(initial);
  restore = client === "real" ? installOfficeJs(host) : installExcelHost(host);
  return host;
}

afterEach(() => restore?.());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    // HostOfficeError from the stand-in, OfficeExtension.Error from the real client: both carry Excel's code.
    expect(typeof (error as HostOfficeError).code).toBe("string");
    return (error as HostOfficeError).code;
  }
  throw new Error("expected a rejection");
}

describe("proxies, load and sync", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded, before and after sync", async () => {
    setUp({ sheets: [{ name: "Data", values: [["a", 1]] }] }, "stand-in");
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("address");
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.address).toBe("Data!A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("collections give items only after load and sync; a missing item fails at sync", async () => {
    setUp({ sheets: [{ name: "One" }, { name: "Two" }] }, "stand-in");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["One", "Two"]);
      const missing = context.workbook.worksheets.getItemOrNullObject("Three");
      const present = context.workbook.worksheets.getItemOrNullObject("two");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("Three").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("every sync is counted, including the one Excel.run makes for pending operations", async () => {
    setUp(undefined, "stand-in");
    const before = host.syncCount;
    await Excel.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
      await context.sync();
      context.workbook.worksheets.add("Added");
    });
    expect(host.syncCount - before).toBe(3);
    expect(host.sheetNames()).toEqual(["Sheet1", "Added"]);
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    setUp({ sheets: [{ name: "Data" }] }, "stand-in");
    const rows = 60_000;
    const big = Array.from({ length: rows }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    const code = await codeOf(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.getRange("C1").values = [["small, queued first"]];
        sheet.getRangeByIndexes(0, 0, rows, 1).values = big;
        await context.sync();
      })
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.syncs[host.syncs.length - 1].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(host.sheetValues("Data")).toEqual([]);
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const long = "y".repeat(1000);
    setUp({ sheets: [{ name: "Data", values: Array.from({ length: 6000 }, () => [long]) }] }, "stand-in");
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A6000").load("values");
        await context.sync();
      })
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("failSync(k) fails the k-th sync from now with GeneralException, applying nothing of it", async () => {
    setUp({ sheets: [{ name: "Data" }] }, "stand-in");
    host.failSync(2);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1").values = [["first"]];
      await context.sync();
      sheet.getRange("A2").values = [["second"]];
      context.workbook.worksheets.add("NotAdded");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      sheet.getRange("A3").values = [["third"]];
      await context.sync();
    });
    expect(host.sheetValues("Data")).toEqual([["first"], [""], ["third"]]);
    expect(host.sheetNames()).toEqual(["Data"]);
  });

  test("an operation that fails stops its request: earlier operations stay applied, later ones do not", async () => {
    setUp({ sheets: [{ name: "Data" }] }, "stand-in");
    const code = await codeOf(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.getRange("A1").values = [["before"]];
        sheet.getRange("A2:B2").values = [["only one cell"]];
        sheet.getRange("A3").values = [["after"]];
        await context.sync();
      })
    );
    expect(code).toBe("InvalidArgument");
    expect(host.sheetValues("Data")).toEqual([["before"]]);
  });
});

describe("cell input, as if typed", () => {
  test("apostrophe text, formulas, numbers and booleans", async () => {
    setUp({ sheets: [{ name: "Data", values: [[null, null, "keep me"]] }] });
    const written = [
      [
        "'=1+1",
        "=1+1",
        "110",
        "-5",
        "'110",
        "+44 20 7946 0000",
        "'+44 20 7946 0000",
        "true",
        "2018-01",
        "plain",
      ],
    ];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const target = sheet.getRange("A2:J2");
      target.values = written;
      expect(target.values).toBe(written); // Office.js shows a written value on its proxy at once
      sheet.getRange("A1:C1").values = [["x", "", null]];
      const back = sheet.getRange("A2:J2").load("values, formulas");
      await context.sync();
      expect(back.values[0]).toEqual([
        "=1+1",
        "#NAME?",
        110,
        -5,
        "110",
        "#NAME?",
        "+44 20 7946 0000",
        true,
        "2018-01",
        "plain",
      ]);
      expect(back.formulas[0][1]).toBe("=1+1");
      expect(back.formulas[0][5]).toBe("=+44 20 7946 0000");
    });
    expect(host.values("Data", "A1:C1")).toEqual([["x", "", "keep me"]]);
  });
});

describe("names", () => {
  test("table names are unique in the workbook, ignoring case, and must be valid", async () => {
    setUp({
      sheets: [
        {
          name: "One",
          values: [
            ["h1", "h2"],
            [1, 2],
          ],
          tables: [{ name: "Data_1", address: "A1:B2" }],
        },
        {
          name: "Two",
          values: [
            ["a", "b"],
            [1, 2],
          ],
        },
      ],
    });
    const duplicate = await codeOf(
      Excel.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Two").tables.add("A1:B2", true);
        table.name = "DATA_1";
        await context.sync();
      })
    );
    expect(duplicate).toBe("ItemAlreadyExists");
    // The add before the failing rename was applied (Excel is not transactional); its name is Excel's default.
    expect(host.tables().map((t) => t.name)).toEqual(["Data_1", "Table2"]);
    for (const bad of ["A1", "has space", "1abc"]) {
      const code = await codeOf(
        Excel.run(async (context) => {
          context.workbook.tables.getItem("Table2").name = bad;
          await context.sync();
        })
      );
      expect(code).toBe("InvalidArgument");
    }
  });

  test("tables may not overlap and their headers become unique text", async () => {
    setUp({
      sheets: [
        {
          name: "One",
          values: [
            ["h", "h", null, 5],
            [1, 2, 3, 4],
          ],
        },
      ],
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("One").tables.add("A1:D2", true);
      await context.sync();
      context.workbook.worksheets.getItem("One").tables.add("B2:C3", true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(host.tables()[0].headers).toEqual(["h", "h2", "Column3", "5"]);
  });

  test("sheet names: unique ignoring case, at most 31 characters, no forbidden characters", async () => {
    setUp({ sheets: [{ name: "Data" }] });
    for (const bad of ["DATA", "x".repeat(32), "a/b", "what?", ""]) {
      const code = await codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        })
      );
      expect(["ItemAlreadyExists", "InvalidArgument"]).toContain(code);
    }
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("y".repeat(31));
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["Data", "y".repeat(31)]);
  });

  test("the last visible sheet cannot be deleted; deleting a sheet deletes its tables", async () => {
    setUp({
      sheets: [
        {
          name: "Only",
          values: [
            ["a", "b"],
            [1, 2],
          ],
          tables: [{ name: "T", address: "A1:B2" }],
        },
      ],
    });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Only").delete();
        await context.sync();
      })
    );
    expect(code).toBe("InvalidOperation");
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Other");
      context.workbook.worksheets.getItem("Only").delete();
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["Other"]);
    expect(host.tables()).toEqual([]);
    expect(host.activeSheet()).toBe("Other");
  });
});

describe("formats, charts, selection, Office", () => {
  test("text-comparison conditional formats, charts and the selection are recorded as set", async () => {
    setUp({
      sheets: [
        {
          name: "Data",
          values: [
            ["Status", "n"],
            ["Over", 1],
            ["Within", 2],
          ],
        },
      ],
    });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const format = sheet.getRange("A2:A3").conditionalFormats.add("ContainsText");
      format.textComparison.format.fill.color = "#FFC7CE";
      format.textComparison.format.font.color = "#9C0006";
      format.textComparison.rule = { operator: "Contains", text: "Over" };
      const chart = sheet.charts.add("Line", sheet.getRange("A1:B3"), "Columns");
      chart.title.text = "Trend";
      chart.setPosition("D2", "J12");
      sheet.getRange("B3").select();
      const used = sheet.getUsedRange().load("address");
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(used.address).toBe("Data!A1:B3");
      expect(selected.address).toBe("Data!B3");
    });
    expect(host.conditionalFormats("Data")).toEqual([
      {
        type: "ContainsText",
        address: "A2:A3",
        rule: { operator: "Contains", text: "Over" },
        fill: "#FFC7CE",
        fontColor: "#9C0006",
      },
    ]);
    expect(host.charts("Data")).toEqual([
      {
        name: "Chart 1",
        sheet: "Data",
        chartType: "Line",
        title: "Trend",
        source: "Data!A1:B3",
        seriesBy: "Columns",
        position: { start: "D2", end: "J12" },
      },
    ]);
    expect(host.selectedRange()).toEqual({ sheet: "Data", address: "B3" });
  });

  test("Office.onReady reports Excel and requirement sets are answered", async () => {
    setUp(undefined, "stand-in");
    await expect(Office.onReady()).resolves.toMatchObject({ host: "Excel" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
  });
});
