import {
  buildCoverModel,
  buildCsrModel,
  buildPciModel,
  buildSrModel,
  summariseModels,
  latestMonth,
  pciListedDevices,
  type CheckedData,
} from "../../src/reports";
import { serialFromYmd } from "../../src/sec";
import { JANUARY, SUPPLIER_A, SUPPLIER_B, device, fixtureData, subscriber, user } from "./fixture";

const data = fixtureData();

describe("buildSrModel (hand-worked January 2018)", () => {
  const model = buildSrModel(data, JANUARY);

  it("lists every User of the month by ID, with difference, % and status", () => {
    expect(
      model.rows.map((row) => [row.id, row.forecast, row.actual, row.difference, row.percent, row.status])
    ).toEqual([
      [user(1), 100, 90, -10, 0.9, "Under"],
      [user(2), 100, 110, 10, 1.1, "Over"],
      [user(3), 10, 9, -1, 0.9, "Under"],
      [user(4), 90, 99, 9, 1.1, "Over"],
      [user(5), null, 40, null, null, "No forecast"],
      [user(6), 0, 5, 5, null, "Over"],
      [user(7), 200, 205, 5, 1.025, "Within"],
      [user(8), null, 0, null, null, "Within"],
      [user(9), 50, 40, -10, 0.8, "Under"],
    ]);
    expect(model.rows[0]).toMatchObject({ name: "One", role: "IS" });
  });

  it("orders exceptions by distance from forecast, largest first, ties by User ID", () => {
    expect(model.exceptions.map((row) => row.id)).toEqual([
      user(5),
      user(1),
      user(2),
      user(9),
      user(4),
      user(6),
      user(3),
    ]);
  });

  it("totals and counts statuses", () => {
    expect(model.totals).toEqual({
      parties: 9,
      withForecast: 7,
      forecast: 550,
      actual: 598,
      percent: 598 / 550,
    });
    expect(model.statusCounts).toEqual({ Over: 3, Under: 3, "No forecast": 1, Within: 2 });
    expect(model.byRole).toEqual([
      { label: "IS", forecast: 300, actual: 295 },
      { label: "ES", forecast: 100, actual: 110 },
      { label: "GS", forecast: 10, actual: 9 },
      { label: "ED", forecast: 90, actual: 99 },
      { label: "GT", forecast: 0, actual: 40 },
      { label: "RSA", forecast: 0, actual: 5 },
      { label: "OU", forecast: 50, actual: 40 },
      { label: "(no role)", forecast: 0, actual: 0 },
    ]);
  });

  it("labels the period and gives the due date, the 10th Working Day after the month", () => {
    expect(model.periodLabel).toBe("January 2018");
    expect(model.dueDate).toBe(43145);
    const withHoliday = buildSrModel(data, { ...JANUARY, extraHolidays: [serialFromYmd(2018, 2, 5)] });
    expect(withHoliday.dueDate).toBe(43146);
  });

  it("uses only the chosen month", () => {
    const december = buildSrModel(data, { ...JANUARY, period: "2017-12" });
    expect(december.rows.map((row) => [row.id, row.actual, row.status])).toEqual([[user(1), 500, "Over"]]);
  });
});

describe("buildCsrModel (hand-worked January 2018)", () => {
  it("has no lower threshold and orders exceptions by distance, ties by ID", () => {
    const model = buildCsrModel(data, JANUARY);
    expect(model.rows.map((row) => [row.id, row.name, row.status])).toEqual([
      [subscriber(1), "One Gas", "Within"],
      [subscriber(2), "Two plc", "No forecast"],
      [subscriber(3), "Three Power", "Over"],
      [subscriber(4), "Four Ltd", "Within"],
      [subscriber(5), "Five Energy", "Over"],
    ]);
    expect(model.exceptions.map((row) => row.id)).toEqual([subscriber(3), subscriber(5), subscriber(2)]);
    expect(model.statusCounts).toEqual({ Over: 2, Under: 0, "No forecast": 1, Within: 2 });
    expect(model.totals).toEqual({
      parties: 5,
      withForecast: 4,
      forecast: 220,
      actual: 197,
      percent: 197 / 220,
    });
    expect(model.byStatus).toEqual([
      { label: "Within", forecast: 100, actual: 50 },
      { label: "Over", forecast: 120, actual: 140 },
      { label: "No forecast", forecast: 0, actual: 7 },
    ]);
  });

  it("redacts names and IDs with numbers in normalised-ID order, the same in both tables and on every build", () => {
    const options = { ...JANUARY, redactCsr: true };
    const model = buildCsrModel(data, options);
    expect(model.redacted).toBe(true);
    expect(model.rows.map((row) => [row.id, row.name, row.status])).toEqual([
      ["Subscriber 1", "Subscriber 1", "Within"],
      ["Subscriber 2", "Subscriber 2", "No forecast"],
      ["Subscriber 3", "Subscriber 3", "Over"],
      ["Subscriber 4", "Subscriber 4", "Within"],
      ["Subscriber 5", "Subscriber 5", "Over"],
    ]);
    expect(model.exceptions.map((row) => [row.id, row.name])).toEqual([
      ["Subscriber 3", "Subscriber 3"],
      ["Subscriber 5", "Subscriber 5"],
      ["Subscriber 2", "Subscriber 2"],
    ]);
    // Input order does not matter: reversed rows give the same labels.
    const reversed: CheckedData = { ...data, csr: [...data.csr].reverse() };
    expect(buildCsrModel(reversed, options)).toEqual(model);
  });
});

describe("buildPciModel (hand-worked January 2018)", () => {
  const model = buildPciModel(data, JANUARY);

  it("lists due devices with failures at period end, by Device ID, with reasons, days and New This Month", () => {
    expect(model.measured).toBe(serialFromYmd(2018, 1, 31));
    expect(
      pciListedDevices(model).map((listed) => [
        listed.device.deviceId,
        listed.mask,
        listed.daysCommissioned,
        listed.isNew,
      ])
    ).toEqual([
      [device(2), 1, 95, false],
      [device(4), 31, 38, true],
      [device(5), 1, 61, false],
      [device(6), 16, 8, true],
    ]);
  });

  it("adds and removes by Device ID against the previous month's list", () => {
    expect(model.addedIds).toEqual([device(4), device(6)]);
    expect(model.removedIds).toEqual([device(1)]);
    expect(model.current).toMatchObject({ listed: 4, added: 2, removed: 1, criteria: [3, 1, 1, 1, 2] });
    expect(model.current).toMatchObject({ snapshotDevices: 8, dueDevices: 6 });
  });

  it("gives six months of trend with blanks for months without a snapshot", () => {
    expect(
      model.trend.map((month) => [month.label, month.listed, month.added, month.removed, month.criteria])
    ).toEqual([
      ["Aug-2017", null, null, null, null],
      ["Sep-2017", null, null, null, null],
      ["Oct-2017", 1, null, null, [0, 1, 0, 0, 0]],
      ["Nov-2017", null, null, null, null],
      ["Dec-2017", 3, null, null, [1, 1, 1, 1, 0]],
      ["Jan-2018", 4, 2, 1, [3, 1, 1, 1, 2]],
    ]);
    expect(model.monthsWithoutData).toEqual(["2017-08", "2017-09", "2017-11"]);
  });

  it("counts by Device Type (SPEC order, blank last) and by Supplier (blank last)", () => {
    expect(model.byType).toEqual([
      { key: "ESME", listed: 1, added: 0, removed: 1 },
      { key: "GSME", listed: 1, added: 0, removed: 0 },
      { key: "CHF", listed: 1, added: 1, removed: 0 },
      { key: "", listed: 1, added: 1, removed: 0 },
    ]);
    expect(model.bySupplier).toEqual([
      { key: SUPPLIER_A, listed: 1, added: 0, removed: 1 },
      { key: SUPPLIER_B, listed: 2, added: 1, removed: 0 },
      { key: "", listed: 1, added: 1, removed: 0 },
    ]);
  });

  it("leaves added and removed blank when the previous month has no snapshot", () => {
    const december = buildPciModel(data, { ...JANUARY, period: "2017-12" });
    expect(december.current).toMatchObject({ listed: 3, added: null, removed: null });
    expect(pciListedDevices(december).map((listed) => [listed.device.deviceId, listed.isNew])).toEqual([
      [device(1), null],
      [device(2), null],
      [device(5), null],
    ]);
    expect(december.byType).toEqual([
      { key: "ESME", listed: 2, added: null, removed: null },
      { key: "GSME", listed: 1, added: null, removed: null },
    ]);
    expect(december.addedIds).toEqual([]);
  });

  it("has no data for a month without a snapshot", () => {
    const empty = buildPciModel(data, { ...JANUARY, period: "2018-03" });
    expect(empty.current).toMatchObject({ hasData: false, listed: null, criteria: null });
    expect(empty.listedIndexes.length).toBe(0);
  });
});

describe("buildCoverModel", () => {
  it("lists the chosen reports with periods and due dates, headline figures and the Panel wording", () => {
    const sr = buildSrModel(data, JANUARY);
    const pci = buildPciModel(data, JANUARY);
    const options = { ...JANUARY, reports: ["pci", "sr"] as ("sr" | "pci")[] };
    const cover = buildCoverModel(options, summariseModels(options, { sr, pci }));
    expect(cover.classification).toBe("WHITE");
    expect(cover.recommendation).toBe("The Panel is requested to NOTE the contents of this paper.");
    expect(
      cover.reports.map((report) => [report.appendix, report.sheetName, report.periodLabel, report.dueDate])
    ).toEqual([
      ["Appendix A", "SR Variance Jan-2018", "January 2018", 43145],
      ["Appendix B", "Post Commissioning Jan-2018", "January 2018", 43145],
    ]);
    const headline = (label: string) => cover.headlines.find((entry) => entry.label === label)?.value;
    expect(headline("Service Requests sent")).toBe(598);
    expect(headline("Users with exceptions")).toBe(7);
    expect(headline("Devices listed in the Post Commissioning Information")).toBe(4);
    expect(headline("Devices removed since the previous month")).toBe(1);
    expect(cover.annex.map((entry) => entry.title)).toEqual([
      "Service Request Variance and Metrics Panel Report",
      "CSR Forecast Variance Panel Report",
      "Post Commissioning Information Report",
    ]);
  });
});

describe("latestMonth", () => {
  it("is the last month with data, or null", () => {
    expect(latestMonth(data)).toBe("2018-01");
    expect(latestMonth({ ...data, months: [] })).toBeNull();
  });
});
