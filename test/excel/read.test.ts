/** @jest-environment jsdom */
/** Reading input grids, selecting cells, inserting the sample data, and the whole path through the host. */
import { insertSampleData, isReportSheetName, readWorkbookInputs, selectCell } from "../../src/excel/read";
import { writeLayouts } from "../../src/excel/write";
import { buildReports, checkInputs, detectInputs, sampleWorkbook } from "../../src/reports";
import { uninstallHost, useHost } from "./helpers";

afterEach(() => uninstallHost());

const srRows = [
  ["Period", "User ID", "Forecast", "Actual"],
  ["2018-01", "90-B3-D5-1F-30-01-00-00", 100, 90],
  ["2018-01", "90-B3-D5-1F-30-01-00-01", 10, 9],
];

test("finds every table, and plain ranges with a header row on sheets without tables; skips report sheets", async () => {
  useHost([
    {
      name: "Requests",
      values: [[], ...srRows.map((r) => [null, ...r])],
      tables: [{ name: "SR", address: "B2:E4" }],
    },
    {
      name: "Notes",
      values: [
        [],
        [],
        [null, null, "Subscriber", "Forecast", "Actual"],
        [null, null, "90b3d51f30010000", "", 3],
      ],
    },
    {
      name: "Numbers only",
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    },
    { name: "Empty" },
    {
      name: "SR Variance Jan-2018",
      values: [
        ["User ID", "Status"],
        ["x", "Over"],
      ],
      tables: [{ name: "SR_2018_01", address: "A1:B2" }],
    },
    {
      name: "SR Variance Jan-2018 (2)",
      values: [
        ["User ID", "Status"],
        ["x", "Over"],
      ],
    },
  ]);
  const grids = await readWorkbookInputs();
  expect(grids).toEqual([
    { sheet: "Requests", table: "SR", row: 1, col: 1, values: srRows },
    {
      sheet: "Notes",
      row: 2,
      col: 2,
      values: [
        ["Subscriber", "Forecast", "Actual"],
        ["90b3d51f30010000", "", 3],
      ],
    },
  ]);
  expect(isReportSheetName("Post Commissioning Dec-2017")).toBe(true);
  expect(isReportSheetName("Post Commissioning")).toBe(false);
});

test("large tables are read in row chunks, a bounded number of cells per sync, in order", async () => {
  const rows = Array.from({ length: 30_000 }, (_, i) => [
    `2018-01`,
    `90B3D51F${String(i).padStart(8, "0")}`,
    i,
    i + 1,
  ]);
  const host = useHost([
    { name: "Big", values: [srRows[0], ...rows], tables: [{ name: "BigTable", address: "A1:D30001" }] },
  ]);
  const before = host.syncCount;
  const grids = await readWorkbookInputs({ maxCellsPerRequest: 10_000 });
  expect(grids).toHaveLength(1);
  expect(grids[0].values).toEqual([srRows[0], ...rows]);
  const syncs = host.syncCount - before;
  // Two metadata syncs, then 120,004 cells at 10,000 a sync.
  expect(syncs).toBe(2 + Math.ceil((30_001 * 4) / 10_000));
});

test("a response that would be too large is read again in smaller syncs", async () => {
  const long = "n".repeat(1000);
  const rows = Array.from({ length: 6000 }, (_, i) => [
    "2018-01",
    `90B3D51F${String(i).padStart(8, "0")}`,
    long,
    i,
  ]);
  const host = useHost([
    {
      name: "Wide",
      values: [["Period", "User ID", "User Name", "Actual"], ...rows],
      tables: [{ name: "W", address: "A1:D6001" }],
    },
  ]);
  const grids = await readWorkbookInputs();
  expect(grids[0].values).toHaveLength(6001);
  expect(grids[0].values[6000]).toEqual(rows[5999]);
  expect(host.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  expect(Math.max(...host.syncs.filter((s) => !s.failed).map((s) => s.responseBytes))).toBeLessThanOrEqual(
    5 * 1024 * 1024
  );
});

test("selectCell activates the sheet and selects the cell", async () => {
  const host = useHost([{ name: "First" }, { name: "Devices" }]);
  await selectCell("Devices", "C12");
  expect(host.activeSheet()).toBe("Devices");
  expect(host.selectedRange()).toEqual({ sheet: "Devices", address: "C12" });
  await expect(selectCell("Missing", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
});

test("insertSampleData writes tables under free names and never touches existing sheets", async () => {
  const host = useHost([{ name: "Devices", values: [["mine"]] }]);
  const written = await insertSampleData(sampleWorkbook());
  expect(written).toEqual(["Service Requests", "CSRs", "Devices (2)", "Service Metrics"]);
  expect(host.values("Devices", "A1:B1")).toEqual([["mine", ""]]);
  expect(host.tables().map((t) => [t.name, t.sheet])).toEqual([
    ["SampleServiceRequests", "Service Requests"],
    ["SampleCSRs", "CSRs"],
    ["SampleDevices", "Devices (2)"],
    ["SampleServiceMetrics", "Service Metrics"],
  ]);
  // Text in the sample (e.g. "2018-01" periods, lower-case IDs) stays text.
  const sample = sampleWorkbook();
  expect(host.sheetValues("CSRs")).toEqual(
    sample[1].values.map((row) => row.map((v) => (v === null ? "" : v)))
  );
  // A second insert goes under further free names.
  expect(await insertSampleData(sampleWorkbook())).toEqual([
    "Service Requests (2)",
    "CSRs (2)",
    "Devices (3)",
    "Service Metrics (2)",
  ]);
  expect(host.tables().map((t) => t.name)).toContain("SampleServiceRequests_2");
});

test("the new user's path: insert sample data, read, check, build January 2018, write", async () => {
  const host = useHost();
  await insertSampleData(sampleWorkbook());
  const inputs = detectInputs(await readWorkbookInputs());
  expect(inputs.map((i) => i.kind).sort()).toEqual(["csr", "devices", "metrics", "sr"]);
  const data = checkInputs(inputs);
  expect(data.problems).toEqual([]);
  const layouts = buildReports(data, {
    period: "2018-01",
    reports: ["sr", "csr", "pci"],
    redactCsr: true,
  }).layouts;
  await writeLayouts(layouts, { confirmReplace: async () => true });
  expect(host.sheetNames()).toEqual([
    "Sheet1",
    "Service Requests",
    "CSRs",
    "Devices",
    "Service Metrics",
    "SR Variance Jan-2018",
    "CSR Variance Jan-2018",
    "Post Commissioning Jan-2018",
    "DCC Reporting Jan-2018",
  ]);
  // The sample exercises H3.24 in full: the SR sheet has Services and Service Metrics with breaches.
  const srTables = host.tables().filter((table) => table.sheet === "SR Variance Jan-2018");
  for (const name of ["SR_Services_2018_01", "SR_Metrics_2018_01", "SR_Metric_Breaches_2018_01"]) {
    const table = srTables.find((candidate) => candidate.name === name);
    // More than a header row and one data row.
    expect(table?.address).toMatch(/^[A-Z]+(\d+):[A-Z]+(\d+)$/);
    const [, first, last] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(table?.address ?? "") ?? [];
    expect(Number(last) - Number(first)).toBeGreaterThan(1);
  }
  // Reading again leaves the report sheets out, so the inputs are the same.
  expect(detectInputs(await readWorkbookInputs()).map((i) => i.rowCount)).toEqual(
    inputs.map((i) => i.rowCount)
  );
});
