/** @jest-environment jsdom */
/**
 * Excel's own rules, through the real Office.js client: defined names, table names, very hidden sheets,
 * conditional-format operands, stale proxies. Each writer test failed before the writer knew the rule.
 */
import { writeLayouts } from "../../src/excel/write";
import { handMadeLayout, uninstallHost, useHost, userSheets } from "./helpers";

afterEach(() => uninstallHost());

const replaceAll = { confirmReplace: async (): Promise<boolean> => true };

test("a report table avoids a defined name of workbook or sheet scope (table names share their namespace)", async () => {
  const host = createWithNames();
  const before = host.snapshot();
  const result = await writeLayouts(
    [
      handMadeLayout("SR Variance Jan-2018", "SR_2018_01"),
      handMadeLayout("SR Variance Feb-2018", "SR_2018_02"),
    ],
    replaceAll
  );
  expect(result.sheets.map((s) => s.written)).toEqual(["SR Variance Jan-2018", "SR Variance Feb-2018"]);
  const names = host.tables().map((t) => t.name);
  expect(names).toEqual(expect.arrayContaining(["MyTable", "SR_2018_01_2", "SR_2018_02_2"]));
  expect(host.snapshot().sheets.slice(0, 2)).toEqual(before.sheets.slice(0, 2));

  function createWithNames() {
    const sheets = userSheets();
    sheets[1].names = [{ name: "sr_2018_02", formula: "=Notes!$B$1" }];
    return useHost(sheets, undefined, [{ name: "SR_2018_01", formula: "='My data'!$A$1" }]);
  }
});

test("replacing a very hidden report sheet is refused with a clear message and no change", async () => {
  const host = useHost([
    ...userSheets(),
    { name: "SR Variance Jan-2018", values: [["old"]], visibility: "VeryHidden" },
  ]);
  const before = host.snapshot();
  await expect(writeLayouts([handMadeLayout()], replaceAll)).rejects.toThrow(
    /"SR Variance Jan-2018" is a very hidden sheet.*Nothing was written\./
  );
  expect(host.snapshot()).toEqual(before);
  // Keeping both never touches it.
  const kept = await writeLayouts([handMadeLayout()], { confirmReplace: async () => false });
  expect(kept.sheets[0].written).toBe("SR Variance Jan-2018 (2)");
});

test("the workbook refuses what Excel refuses: table names, very hidden deletes, bare-text rule operands", async () => {
  const host = useHost([
    {
      name: "Data",
      values: [
        ["A", "B"],
        [1, 2],
      ],
    },
    { name: "Secret", visibility: "VeryHidden" },
  ]);
  const attempt = (change: (context: Excel.RequestContext) => void) =>
    Excel.run(async (context) => {
      change(context);
      await context.sync();
    });
  await attempt((context) => {
    context.workbook.worksheets.getItem("Data").tables.add("A1:B2", true).name = "Start";
  });
  const renameTable = (name: string) =>
    attempt((context) => {
      context.workbook.tables.getItem("Start").name = name;
    });
  for (const name of ["C1_x", "R1C1", "r2_total", "TRUE", "false", "A1", "1abc", "x".repeat(256)]) {
    await expect(renameTable(name)).rejects.toMatchObject({ code: "InvalidArgument" });
  }
  await expect(renameTable("Übersicht_2018")).resolves.toBeUndefined();
  expect(host.tables().map((t) => t.name)).toEqual(["Übersicht_2018"]);

  await expect(
    attempt((context) => context.workbook.worksheets.getItem("Secret").delete())
  ).rejects.toMatchObject({
    code: "InvalidOperation",
  });
  const rule = (formula1: string) =>
    attempt((context) => {
      const format = context.workbook.worksheets
        .getItem("Data")
        .getRange("B2")
        .conditionalFormats.add("CellValue");
      format.cellValue.rule = { formula1, operator: "EqualTo" };
    });
  await expect(rule("=Over")).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(rule('="Over"')).resolves.toBeUndefined();
  await expect(rule("=$A$1")).resolves.toBeUndefined();
  expect(host.sheetNames()).toEqual(["Data", "Secret"]);
});

test("a proxy from tables.add is stale in a later request unless its id was loaded, as in Excel", async () => {
  useHost([
    {
      name: "Data",
      values: [
        ["A", "B"],
        [1, 2],
      ],
    },
  ]);
  await expect(
    Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Data").tables.add("A1:B2", true);
      await context.sync();
      table.name = "Later";
      await context.sync();
    })
  ).rejects.toMatchObject({ code: "InvalidObjectPath" });
  await expect(
    Excel.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Data").tables.getItemAt(0).load("id");
      await context.sync();
      table.name = "Renamed";
      await context.sync();
    })
  ).resolves.toBeUndefined();
});
