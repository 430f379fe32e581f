import {
  buildCsrModel,
  buildPciModel,
  buildReports,
  buildSrModel,
  checkInputs,
  detectInputs,
  latestMonth,
  pciListedDevices,
  sampleWorkbook,
  type ReportOptions,
} from "../../src/reports";
import { isPciDue } from "../../src/sec";

const workbook = sampleWorkbook();
const inputs = detectInputs(
  workbook.map((sheet) => ({ sheet: sheet.name, row: 0, col: 0, values: sheet.values }))
);
const data = checkInputs(inputs);
const JANUARY: ReportOptions = { period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false };

describe("sampleWorkbook", () => {
  it("has the four input sheets, each found as its kind with every column", () => {
    expect(workbook.map((sheet) => sheet.name)).toEqual([
      "Service Requests",
      "CSRs",
      "Devices",
      "Service Metrics",
    ]);
    expect(inputs.map((input) => [input.source.sheet, input.kind, input.missing])).toEqual([
      ["Service Requests", "sr", []],
      ["CSRs", "csr", []],
      ["Devices", "devices", []],
      ["Service Metrics", "metrics", []],
    ]);
    expect(inputs[0].columns.service).toBeDefined();
  });

  it("is the same on every call", () => {
    expect(sampleWorkbook()).toEqual(workbook);
  });

  it("passes checkInputs with no problems and covers July 2017 to January 2018", () => {
    expect(data.problems).toEqual([]);
    expect(data.badRowCount).toBe(0);
    expect(data.months).toEqual([
      "2017-07",
      "2017-08",
      "2017-09",
      "2017-10",
      "2017-11",
      "2017-12",
      "2018-01",
    ]);
    expect(latestMonth(data)).toBe("2018-01");
  });

  it("writes IDs and periods in mixed forms, and dates as serials", () => {
    const ids = workbook[2].values.slice(1).map((row) => String(row[1]));
    expect(ids.some((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(ids.some((id) => /^[0-9A-F]{16}$/.test(id))).toBe(true);
    expect(ids.some((id) => /^([0-9a-f]{2}-){7}[0-9a-f]{2}$/.test(id) && /[a-f]/.test(id))).toBe(true);
    const periods = workbook[0].values.slice(1).map((row) => row[0]);
    expect(periods.some((period) => typeof period === "number")).toBe(true);
    expect(periods.some((period) => typeof period === "string" && /^\d{4}-\d{2}$/.test(period))).toBe(true);
    expect(workbook[2].values.slice(1).every((row) => typeof row[4] === "number")).toBe(true);
  });

  it("has about 150 devices in each monthly snapshot", () => {
    const perMonth = data.months.map(
      (month) => data.devices.filter((device) => device.period === month).length
    );
    for (const count of perMonth) {
      expect(count).toBeGreaterThanOrEqual(100);
      expect(count).toBeLessThanOrEqual(200);
    }
  });

  it("gives January 2018 at least one SR exception of each status, including the exact boundaries", () => {
    const sr = buildSrModel(data, JANUARY);
    expect(new Set(sr.exceptions.map((row) => row.status))).toEqual(
      new Set(["Over", "Under", "No forecast"])
    );
    expect(sr.statusCounts.Within).toBeGreaterThan(0);
    const pairs = sr.rows.map((row) => [row.forecast, row.actual, row.status]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [100, 90, "Under"],
        [100, 110, "Over"],
        [10, 9, "Under"],
        [0, 12, "Over"],
        [null, 250, "No forecast"],
      ])
    );
    expect(sr.rows.map((row) => row.role)).toEqual(
      expect.arrayContaining(["IS", "ES", "GS", "ED", "GT", "RSA", "OU"])
    );
  });

  it("gives January 2018 CSR exceptions of each status, with no Under", () => {
    const csr = buildCsrModel(data, JANUARY);
    expect(new Set(csr.exceptions.map((row) => row.status))).toEqual(new Set(["Over", "No forecast"]));
    expect(csr.statusCounts).toMatchObject({ Under: 0 });
    expect(csr.rows.map((row) => [row.forecast, row.actual, row.status])).toEqual(
      expect.arrayContaining([
        [400, 440, "Over"],
        [0, 3, "Over"],
        [1000, 500, "Within"],
      ])
    );
  });

  it("has devices in every PCI state in January 2018", () => {
    const pci = buildPciModel(data, JANUARY);
    const january = data.devices.filter((device) => device.period === "2018-01");
    expect(
      january.some((device) => device.commissioned !== null && !isPciDue(device.commissioned, pci.measured))
    ).toBe(true);
    expect(pci.current.dueDevices).toBeGreaterThan(pci.current.listed ?? 0); // some complete
    const masks = pciListedDevices(pci).map((listed) => listed.mask);
    for (const bit of [1, 2, 4, 8, 16]) expect(masks).toContain(bit); // each criterion alone
    expect(masks.some((mask) => (mask & (mask - 1)) !== 0)).toBe(true); // several at once
    expect(pci.addedIds.length).toBeGreaterThan(0);
    expect(pci.removedIds.length).toBeGreaterThan(0);
    expect(pci.trend.every((month) => month.hasData)).toBe(true);
    expect(pci.byType.length).toBeGreaterThan(3);
  });

  it("gives January 2018 Services that sum a User split over two Services", () => {
    const sr = buildSrModel(data, JANUARY);
    expect(sr.services?.map((row) => [row.service, row.users, row.status])).toEqual([
      ["Core Communication Services", 3, "Under"],
      ["Enrolment Services", 3, "Within"],
      ["Local Command Services", 3, "Over"],
    ]);
    // Harbour Energy Retail's two Service rows add up to its month.
    expect(sr.rows.find((row) => row.name === "Harbour Energy Retail")).toMatchObject({
      forecast: 2000,
      actual: 2400,
    });
  });

  it("gives January 2018 metric breaches, No value, exact equality on both sides and a percentage", () => {
    const metrics = buildSrModel(data, JANUARY).metrics;
    expect(metrics?.totals).toEqual({ rows: 24, breaches: 5, noValue: 1 });
    const statusOf = (userName: string, metric: string) =>
      metrics?.rows.find((row) => row.userName === userName && row.metric.startsWith(metric));
    expect(statusOf("Northern Lights Energy", "On-Demand")).toMatchObject({ value: 0.99, status: "Within" });
    expect(statusOf("Calder Gas Supply", "Alerts")).toMatchObject({
      value: 0.995,
      breachWhen: "at or below",
      status: "Breach",
    });
    expect(statusOf("Western Distribution", "Mean")).toMatchObject({ value: null, status: "No value" });
    expect(statusOf("Pennine Gas Networks", "Mean")).toMatchObject({ breachWhen: "above", status: "Breach" });
  });

  it("has no Service Metrics in July 2017 (a month without metrics)", () => {
    expect(buildSrModel(data, { ...JANUARY, period: "2017-07" }).metrics?.rows).toEqual([]);
    expect(data.metrics.some((record) => record.period === "2017-08")).toBe(true);
  });

  it("builds all four sheets for January 2018, the SR sheet with its Services and Metrics tables", () => {
    const layouts = buildReports(data, { ...JANUARY, redactCsr: true }).layouts;
    expect(layouts.map((layout) => layout.tables.length)).toEqual([6, 2, 4, 0]);
    const srTables = layouts[0].tables.map((table) => [table.name, table.rowCount > 0]);
    expect(srTables.sort()).toEqual([
      ["SR_2018_01", true],
      ["SR_Exceptions_2018_01", true],
      ["SR_Metric_Breaches_2018_01", true],
      ["SR_Metric_Summary_2018_01", true],
      ["SR_Metrics_2018_01", true],
      ["SR_Services_2018_01", true],
    ]);
  });
});
