/**
 * The whole H3.24 report: Service Requests by Service (H3.24(a)) and the Monthly Service Metrics
 * against their thresholds (H3.24(b)), from input detection to the SR sheet and the cover.
 */
import {
  type CheckedData,
  type SheetLayout,
  type SourceGrid,
  buildReports,
  checkInputs,
  detectInputs,
} from "../../src/reports";
import { tableRows } from "./layout-cells";
import { JANUARY, user } from "./fixture";

function grid(sheet: string, values: unknown[][]): SourceGrid {
  return { sheet, row: 0, col: 0, values };
}

const SR_HEADERS = ["Period", "User ID", "User Name", "Service", "Forecast", "Actual"];
const METRIC_HEADERS = ["Period", "User ID", "User Name", "Metric", "Value", "Threshold", "Breach When"];

function check(...grids: SourceGrid[]): CheckedData {
  return checkInputs(detectInputs(grids));
}

function clean(...grids: SourceGrid[]): CheckedData {
  const data = check(...grids);
  expect(data.problems.map((problem) => problem.message)).toEqual([]);
  return data;
}

function srSheet(data: CheckedData): SheetLayout {
  return buildReports(data, { ...JANUARY, reports: ["sr"] }).layouts[0];
}

function rowsOf(layout: SheetLayout, name: string): unknown[][] {
  const table = layout.tables.find((candidate) => candidate.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return tableRows(layout, table);
}

describe("Service Requests by Service (H3.24(a))", () => {
  const services = grid("Service Requests", [
    SR_HEADERS,
    ["2018-01", user(1), "One", "Read Inventory", 100, 90],
    ["2018-01", user(1), "One", "Update Tariff", 50, 70],
    ["2018-01", user(2), "Two", "Read Inventory", null, 20],
    ["2018-01", user(3), "Three", "Update Tariff", null, 5],
    ["2018-01", user(3), "Three", "Restrict Access", null, 0],
    ["2018-01", user(3), "Three", "", 10, 9],
    ["2017-12", user(4), "Four", "Read Inventory", 1000, 1],
  ]);

  it("sums each Service over its Users: forecasts of those who gave one, actuals of all", () => {
    const [model] = [buildReports(clean(services), { ...JANUARY, reports: ["sr"] }).models.sr];
    expect(model?.services).toEqual([
      // 100 + (no forecast) against 90 + 20.
      {
        service: "Read Inventory",
        users: 2,
        forecast: 100,
        actual: 110,
        difference: 10,
        percent: 1.1,
        status: "Over",
      },
      // Nobody gave a forecast: blank, and sending without one is No forecast.
      {
        service: "Restrict Access",
        users: 1,
        forecast: null,
        actual: 0,
        difference: null,
        percent: null,
        status: "Within",
      },
      {
        service: "Update Tariff",
        users: 2,
        forecast: 50,
        actual: 75,
        difference: 25,
        percent: 1.5,
        status: "Over",
      },
      // A blank Service goes last.
      { service: "", users: 1, forecast: 10, actual: 9, difference: -1, percent: 0.9, status: "Under" },
    ]);
    // The Users' months are still the sums of their Service rows.
    expect(model?.rows.map((row) => [row.id, row.forecast, row.actual])).toEqual([
      [user(1), 150, 160],
      [user(2), null, 20],
      [user(3), 10, 14],
    ]);
  });

  it("writes SR_Services ordered by Service name, and no such table without a Service column", () => {
    expect(rowsOf(srSheet(clean(services)), "SR_Services_2018_01")).toEqual([
      ["Read Inventory", 2, 100, 110, 10, 1.1, "Over"],
      ["Restrict Access", 1, null, 0, null, null, "Within"],
      ["Update Tariff", 2, 50, 75, 25, 1.5, "Over"],
      ["(not given)", 1, 10, 9, -1, 0.9, "Under"],
    ]);
    const withoutService = grid("SR", [
      ["Period", "User ID", "Forecast", "Actual"],
      ["2018-01", user(1), 10, 10],
    ]);
    const sheet = srSheet(clean(withoutService));
    expect(sheet.tables.map((table) => table.name)).toEqual(["SR_Exceptions_2018_01", "SR_2018_01"]);
  });

  it("a Service sent without any forecast is No forecast", () => {
    const data = clean(grid("SR", [SR_HEADERS, ["2018-01", user(1), "", "Read Inventory", null, 3]]));
    expect(rowsOf(srSheet(data), "SR_Services_2018_01")).toEqual([
      ["Read Inventory", 1, null, 3, null, null, "No forecast"],
    ]);
  });
});

describe("Monthly Service Metrics (H3.24(b))", () => {
  const metrics = grid("Service Metrics", [
    METRIC_HEADERS,
    ["2018-01", user(2), "Two", "Response time (s)", 4.5, 5, "above"],
    ["2018-01", user(1), "One", "Response time (s)", 5.5, 5, ""],
    ["2018-01", user(1), "One", "Availability", 0.995, 0.999, "below"],
    ["2018-01", user(1), "One", "Errors", null, 10, "at or above"],
    ["2018-01", user(2), "Two", "Availability", 0.999, 0.999, "At or Below"],
    ["2018-01", user(2), "Two", "Errors", 0.05, 0.05, "above"],
    ["2018-01", user(3), "Three", "Balance", -3, -2, "below"],
    ["2017-12", user(1), "One", "Availability", 0.5, 0.999, "below"],
  ]);
  const sr = grid("Service Requests", [
    ["Period", "User ID", "Forecast", "Actual"],
    ["2018-01", user(1), 10, 10],
  ]);

  it("lists every User's metrics by User then Metric, the breaches, and a summary per metric", () => {
    const sheet = srSheet(clean(sr, metrics));
    expect(rowsOf(sheet, "SR_Metrics_2018_01")).toEqual([
      [user(1), "One", "Availability", 0.995, 0.999, "below", "Breach"],
      [user(1), "One", "Errors", null, 10, "at or above", "No value"],
      [user(1), "One", "Response time (s)", 5.5, 5, "above", "Breach"],
      [user(2), "Two", "Availability", 0.999, 0.999, "at or below", "Breach"],
      // 0.05 against 0.05 "above" is exact: not a breach.
      [user(2), "Two", "Errors", 0.05, 0.05, "above", "Within"],
      [user(2), "Two", "Response time (s)", 4.5, 5, "above", "Within"],
      [user(3), "Three", "Balance", -3, -2, "below", "Breach"],
    ]);
    expect(rowsOf(sheet, "SR_Metric_Breaches_2018_01").map((row) => [row[0], row[2]])).toEqual([
      [user(1), "Availability"],
      [user(1), "Response time (s)"],
      [user(2), "Availability"],
      [user(3), "Balance"],
    ]);
    expect(rowsOf(sheet, "SR_Metric_Summary_2018_01")).toEqual([
      ["Availability", 2, 2, 0],
      ["Balance", 1, 1, 0],
      ["Errors", 2, 0, 1],
      ["Response time (s)", 2, 1, 0],
    ]);
    const status = sheet.conditionalFormats.filter((format) => format.text === "Breach");
    expect(status).toHaveLength(2);
  });

  it("counts the breaches on the cover and in the summary", () => {
    const built = buildReports(clean(sr, metrics), { ...JANUARY, reports: ["sr"] });
    expect(built.summary.metrics).toEqual({ metrics: 7, breaches: 4, noValue: 1 });
    const headline = (label: string) =>
      built.models.cover.headlines.find((entry) => entry.label === label)?.value;
    expect(headline("Monthly Service Metric breaches")).toBe(4);
    expect(headline("Monthly Service Metrics reported")).toBe(7);
  });

  it("says so in one line for a month without metrics, with no metrics tables", () => {
    const december = grid("Service Metrics", [METRIC_HEADERS, ["2017-12", user(1), "", "Errors", 1, 2, ""]]);
    const sheet = srSheet(clean(sr, december));
    expect(sheet.tables.map((table) => table.name)).toEqual(["SR_Exceptions_2018_01", "SR_2018_01"]);
    const text = sheet.values.flatMap((block) => block.values.flat());
    expect(text).toContain("No Service Metrics for January 2018.");
  });

  it("has no metrics tables or line without a Service Metrics input", () => {
    const sheet = srSheet(clean(sr));
    const text = sheet.values.flatMap((block) => block.values.flat());
    expect(text.some((value) => typeof value === "string" && /Service Metrics/.test(value))).toBe(false);
  });

  it("reports a second row for the same User, Metric and month as a problem at its Metric cell", () => {
    const data = check(
      grid("Service Metrics", [
        METRIC_HEADERS,
        ["2018-01", user(1), "", "Errors", 1, 2, ""],
        ["2018-01", user(1).toLowerCase(), "", "errors", 3, 2, ""],
        ["2017-12", user(1), "", "Errors", 1, 2, ""],
      ])
    );
    expect(data.problems.map((problem) => [problem.address, problem.message])).toEqual([
      [
        "D3",
        `'Service Metrics'!D3: duplicate row: User ${user(1)} already has a "errors" row for January 2018 ('Service Metrics'!row 2)`,
      ],
    ]);
    expect(data.metrics).toHaveLength(2);
    expect(data.badRowCount).toBe(1);
  });

  it("reads bad cells as problems with their cells, and negative values and percentages as numbers", () => {
    const data = check(
      grid("Service Metrics", [
        METRIC_HEADERS,
        ["2018-01", user(1), "", "A", "high", 2, ""],
        ["2018-01", user(1), "", "B", 1, null, ""],
        ["2018-01", user(1), "", "C", 1, 2, "sideways"],
        ["2018-01", user(1), "", null, 1, 2, ""],
        ["2018-01", user(1), "", "E", -0.25, "-0.5", "below"],
        ["2018-01", user(1), "", "F", 0.05, 0.05, ""],
      ])
    );
    expect(data.problems.map((problem) => problem.message)).toEqual([
      `'Service Metrics'!E2: Value: "high" is not a number`,
      `'Service Metrics'!F3: Threshold is missing`,
      `'Service Metrics'!G4: "sideways" is not a Breach When (above, at or above, below or at or below)`,
      `'Service Metrics'!D5: Metric is missing`,
    ]);
    expect(
      data.metrics.map((record) => [record.metric, record.value, record.threshold, record.breachWhen])
    ).toEqual([
      ["E", -0.25, -0.5, "below"],
      ["F", 0.05, 0.05, "above"],
    ]);
  });
});

describe("input detection with look-alike tables", () => {
  it("reads a Service Metrics table as Service Metrics, not as Service Requests missing columns", () => {
    const inputs = detectInputs([
      grid("Metrics", [METRIC_HEADERS]),
      grid("Requests", [SR_HEADERS]),
      // Metric and Value but no Threshold: closer to Service Metrics, told what to add.
      grid("Half", [["Period", "User ID", "Metric", "Value"]]),
      // A Service Requests table missing Actual is still Service Requests.
      grid("Short", [["Period", "User ID", "Forecast"]]),
    ]);
    expect(inputs.map((input) => [input.source.sheet, input.kind, input.missing])).toEqual([
      ["Metrics", "metrics", []],
      ["Requests", "sr", []],
      ["Half", "metrics", ["threshold"]],
      ["Short", "sr", ["actual"]],
    ]);
  });
});
