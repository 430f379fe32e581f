import { pciFlag, secDueDate, secThreshold, secVariance, secWorkday } from "../../src/functions/functions";
import { serialFromYmd } from "../../src/sec";
import { FakeCustomFunctionsError, expectErrorCell, installFakeCustomFunctions } from "./fakeCustomFunctions";

beforeAll(() => {
  installFakeCustomFunctions();
});

/** A column range, as Excel passes E2:E4. */
const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);
const single = (cell: unknown): unknown[][] => [[cell]];
const date = (year: number, month: number, day: number): number => serialFromYmd(year, month, day);

describe("SECVARIANCE status (SPEC status table)", () => {
  const cases: Array<[string, unknown, unknown, "SR" | "CSR", string]> = [
    ["no forecast, actual 0", 0, null, "SR", "Within"],
    ["no forecast (empty text), blank actual", "", "", "SR", "Within"],
    ["no forecast, actual 1", 1, null, "SR", "No forecast"],
    ["no forecast given as empty text, actual 5", 5, "", "CSR", "No forecast"],
    ["zero forecast, actual 0", 0, 0, "SR", "Within"],
    ["zero forecast, blank actual", null, 0, "CSR", "Within"],
    ["zero forecast, actual 1", 1, 0, "SR", "Over"],
    ["90 of 100 (inclusive lower bound)", 90, 100, "SR", "Under"],
    ["9 of 10 (the float trap)", 9, 10, "SR", "Under"],
    ["91 of 100", 91, 100, "SR", "Within"],
    ["109 of 100", 109, 100, "SR", "Within"],
    ["110 of 100 (inclusive upper bound)", 110, 100, "SR", "Over"],
    ["99 of 90", 99, 90, "SR", "Over"],
    ["11 of 10", 11, 10, "CSR", "Over"],
    ["CSR has no lower threshold: 0 of 100", 0, 100, "CSR", "Within"],
    ["CSR 90 of 100", 90, 100, "CSR", "Within"],
    ["blank actual counts as 0 against 100", null, 100, "SR", "Under"],
    ["numbers stored as text", "110", "100", "SR", "Over"],
    ["grouped text with spaces", " 1,100 ", "1,000", "SR", "Over"],
  ];
  it.each(cases)("%s", (_name, actual, forecast, report, expected) => {
    expect(secVariance(single(actual), single(forecast), report)).toEqual([[expected]]);
  });

  it("defaults to the SR rules when report is omitted, null or blank", () => {
    expect(secVariance(single(90), single(100))).toEqual([["Under"]]);
    expect(secVariance(single(90), single(100), null)).toEqual([["Under"]]);
    expect(secVariance(single(90), single(100), "")).toEqual([["Under"]]);
    expect(secVariance(single(90), single(100), [[null]])).toEqual([["Under"]]);
  });

  it("accepts report in any case, with spaces, and as a single cell", () => {
    expect(secVariance(single(90), single(100), "csr")).toEqual([["Within"]]);
    expect(secVariance(single(90), single(100), " CSR ")).toEqual([["Within"]]);
    expect(secVariance(single(90), single(100), [["CSR"]])).toEqual([["Within"]]);
    expect(secVariance(single(90), single(100), "sr")).toEqual([["Under"]]);
  });
});

describe("SECVARIANCE ranges", () => {
  it("classifies a column against a column, row by row", () => {
    expect(secVariance(column(90, 100, 110, 3), column(100, 100, 100, null))).toEqual(
      column("Under", "Within", "Over", "No forecast")
    );
  });

  it("repeats a single-cell forecast against a range", () => {
    expect(secVariance(column(89, 95, 111), single(100))).toEqual(column("Under", "Within", "Over"));
  });

  it("repeats a single-cell actual against a range of forecasts", () => {
    expect(secVariance(single(10), column(10, 9, 12))).toEqual(column("Within", "Over", "Under"));
  });

  it("keeps the shape of a 2-D range", () => {
    expect(
      secVariance(
        [
          [90, 110],
          [100, 0],
        ],
        [
          [100, 100],
          [100, null],
        ]
      )
    ).toEqual([
      ["Under", "Over"],
      ["Within", "Within"],
    ]);
  });

  it("answers a single #VALUE! naming both sizes when the ranges differ", () => {
    const result = secVariance(column(1, 2, 3), column(1, 2));
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(1);
    expectErrorCell(
      result[0][0],
      "#VALUE!",
      /actual is 3 rows by 1 column but forecast is 2 rows by 1 column/
    );
  });

  it("does not turn a row and a column into a grid", () => {
    const result = secVariance([[1, 2, 3]], column(1, 2, 3));
    expect(result).toHaveLength(1);
    expectErrorCell(result[0][0], "#VALUE!", /same size/);
  });

  it("puts a bad element's error in its own cell and classifies the rest", () => {
    const result = secVariance(column(90, "abc", -3, true, 110), single(100));
    expect(result[0]).toEqual(["Under"]);
    expectErrorCell(result[1][0], "#VALUE!", /actual: "abc" is not a number/);
    expectErrorCell(result[2][0], "#NUM!");
    expectErrorCell(result[3][0], "#VALUE!", /actual: TRUE is not a number/);
    expect(result[4]).toEqual(["Over"]);
  });

  it("reports a bad forecast by name", () => {
    const result = secVariance(column(1, 1), column("n/a", -1));
    expectErrorCell(result[0][0], "#VALUE!", /^forecast: "n\/a" is not a number/);
    expectErrorCell(result[1][0], "#NUM!");
  });

  it("passes an error cell given as input straight through", () => {
    const inputError = new FakeCustomFunctionsError("#REF!");
    const result = secVariance(column(inputError, 5), single(5));
    expect(result[0][0]).toBe(inputError);
    expect(result[1]).toEqual(["Within"]);
  });

  it("fills the result with #VALUE! for an unknown report", () => {
    const result = secVariance(column(1, 2), single(1), "XYZ");
    expect(result).toHaveLength(2);
    for (const [cell] of result) expectErrorCell(cell, "#VALUE!", /report must be "SR" or "CSR", not "XYZ"/);
    expectErrorCell(secVariance(single(1), single(1), 5)[0][0], "#VALUE!", /not 5/);
  });

  it("fills the result with #VALUE! for an unknown result kind", () => {
    const result = secVariance(column(1, 2), single(1), "SR", "ratio");
    expect(result).toHaveLength(2);
    for (const [cell] of result) expectErrorCell(cell, "#VALUE!", /result must be "status" or "percent"/);
  });
});

describe("SECVARIANCE percent", () => {
  it("gives actual ÷ forecast as a number", () => {
    expect(secVariance(column(90, 110, 0, null), single(100), "SR", "percent")).toEqual(
      column(0.9, 1.1, 0, 0)
    );
    expect(secVariance(single("45"), single(50), "CSR", "PERCENT")).toEqual([[0.9]]);
  });

  it("gives #DIV/0! for a zero forecast and #N/A with a message for a blank one", () => {
    const result = secVariance(column(5, 5, 0), column(0, null, ""), "SR", "percent");
    expectErrorCell(result[0][0], "#DIV/0!");
    expectErrorCell(result[1][0], "#N/A", /No forecast/);
    expectErrorCell(result[2][0], "#N/A", /No forecast/);
  });

  it("still reports bad data as errors", () => {
    const result = secVariance(column("x", -1), single(10), "SR", "percent");
    expectErrorCell(result[0][0], "#VALUE!", /actual/);
    expectErrorCell(result[1][0], "#NUM!");
  });
});

describe("PCIFLAG", () => {
  const measured = date(2018, 1, 31);
  /** One device: commissioned, interrogated, anchor, issue, update device, update KRP, against `measured`. */
  const flag = (
    commissioned: unknown,
    interrogated: unknown,
    anchor: unknown,
    issue: unknown,
    device: unknown,
    krp: unknown,
    measuredCell: unknown = measured
  ): unknown =>
    pciFlag(
      single(commissioned),
      single(measuredCell),
      single(interrogated),
      single(anchor),
      single(issue),
      single(device),
      single(krp)
    )[0][0];

  it("says Not commissioned for a blank commissioned date (null or empty text)", () => {
    expect(flag(null, false, false, 0, 0, 0)).toBe("Not commissioned");
    expect(flag("", null, null, null, null, null)).toBe("Not commissioned");
    expect(flag(null, null, null, null, null, null, null)).toBe("Not commissioned");
  });

  it("is Not due at exactly seven days and due at eight", () => {
    expect(flag(measured - 7, false, false, 0, 0, 0)).toBe("Not due");
    expect(flag(measured, false, false, 0, 0, 0)).toBe("Not due");
    expect(flag(measured - 8, false, false, 0, 0, 0)).toBe("a,b,c,d,e");
    expect(flag(measured - 8, true, true, 2, 2, 2)).toBe("Complete");
  });

  it.each([
    ["a", false, true, 2, 2, 2],
    ["b", true, false, 2, 2, 2],
    ["c", true, true, 1, 2, 2],
    ["d", true, true, 2, 1, 2],
    ["e", true, true, 2, 2, 1],
    ["a,c,e", "No", "Yes", 0, 5, null],
  ])("fails criterion %s alone or in combination", (expected, interrogated, anchor, issue, device, krp) => {
    expect(flag(measured - 30, interrogated, anchor, issue, device, krp)).toBe(expected);
  });

  it("counts blank counts as 0 and blank yes/no as no", () => {
    expect(flag(measured - 30, null, "", null, "", null)).toBe("a,b,c,d,e");
  });

  it("accepts yes/no as TRUE/FALSE, Y/N, Yes/No and 1/0 in any case", () => {
    for (const yes of [true, "TRUE", "y", "Yes", "YES", 1, "1"]) {
      expect(flag(measured - 30, yes, yes, 2, 2, 2)).toBe("Complete");
    }
    for (const no of [false, "false", "N", "no", 0, "0"]) {
      expect(flag(measured - 30, no, no, 2, 2, 2)).toBe("a,b");
    }
  });

  it("counts an interrogation date only on or before the measurement date", () => {
    expect(flag(measured - 30, measured - 1, true, 2, 2, 2)).toBe("Complete");
    expect(flag(measured - 30, measured, true, 2, 2, 2)).toBe("Complete");
    expect(flag(measured - 30, measured + 1, true, 2, 2, 2)).toBe("a");
    expect(flag(measured - 30, "2018-02-01", true, 2, 2, 2)).toBe("a");
    expect(flag(measured - 30, "2018-01-15", true, 2, 2, 2)).toBe("Complete");
  });

  it("reads dates as serials (time ignored), ISO text and UK text", () => {
    expect(flag("2018-01-23", true, true, 2, 2, 2, "2018-01-31")).toBe("Complete");
    expect(flag("24/01/2018", true, true, 2, 2, 2, "31/01/2018")).toBe("Not due");
    expect(flag(measured - 8 + 0.99, true, true, 2, 2, 2, measured + 0.01)).toBe("Complete");
  });

  it("gives #VALUE! when commissioned is after measured, naming both", () => {
    expectErrorCell(
      flag(measured + 1, true, true, 2, 2, 2),
      "#VALUE!",
      /commissioned 2018-02-01 is after measured 2018-01-31/
    );
  });

  it("gives #VALUE! for a blank measurement date on a commissioned device", () => {
    expectErrorCell(flag(measured - 30, true, true, 2, 2, 2, null), "#VALUE!", /measured is blank/);
    expectErrorCell(flag(measured - 30, true, true, 2, 2, 2, ""), "#VALUE!", /measured is blank/);
  });

  it("gives #VALUE! for wrong types and #NUM! for negative counts, even before the device is due", () => {
    expectErrorCell(flag("soon", true, true, 2, 2, 2), "#VALUE!", /^commissioned: "soon" is not a date/);
    expectErrorCell(flag(measured - 30, true, true, 2, 2, 2, "end"), "#VALUE!", /^measured:/);
    expectErrorCell(flag(measured - 30, "maybe", true, 2, 2, 2), "#VALUE!", /^interrogated:/);
    expectErrorCell(flag(measured - 30, true, "perhaps", 2, 2, 2), "#VALUE!", /^recovery_anchor:/);
    expectErrorCell(
      flag(measured - 30, true, true, "two", 2, 2),
      "#VALUE!",
      /^issue_sc: "two" is not a number/
    );
    expectErrorCell(flag(measured - 30, true, true, 2, "x", 2), "#VALUE!", /^update_sc_device:/);
    expectErrorCell(flag(measured - 30, true, true, 2, 2, "y"), "#VALUE!", /^update_sc_krp:/);
    expectErrorCell(flag(measured - 30, true, true, -1, 2, 2), "#NUM!");
    expectErrorCell(flag(measured - 3, true, true, 2, 2, -2), "#NUM!");
    expectErrorCell(flag("31/02/2018", true, true, 2, 2, 2), "#VALUE!", /not a real date/);
  });

  it("repeats a single measurement date against columns of devices", () => {
    const result = pciFlag(
      column(measured - 30, null, measured - 2, measured - 30),
      single(measured),
      column(true, false, false, measured + 5),
      column(true, false, false, "Y"),
      column(2, 0, 0, 2),
      column(2, 0, 0, "3"),
      column(2, 0, 0, 1)
    );
    expect(result).toEqual(column("Complete", "Not commissioned", "Not due", "a,e"));
  });

  it("answers a single #VALUE! when the ranges differ in size", () => {
    const result = pciFlag(
      column(1, 2),
      single(measured),
      column(true, true, true),
      single(true),
      single(2),
      single(2),
      single(2)
    );
    expect(result).toHaveLength(1);
    expectErrorCell(result[0][0], "#VALUE!", /commissioned is 2 rows by 1 column but interrogated is 3 rows/);
  });
});

describe("SECDUEDATE", () => {
  const feb14of2018 = 43145;

  it("gives 14 February 2018 (43145) for January 2018, from YYYY-MM text or any date in the month", () => {
    expect(secDueDate(single("2018-01"))).toEqual([[feb14of2018]]);
    expect(secDueDate(single(date(2018, 1, 1)))).toEqual([[feb14of2018]]);
    expect(secDueDate(single(date(2018, 1, 31) + 0.75))).toEqual([[feb14of2018]]);
    expect(secDueDate(single("2018-01-15"))).toEqual([[feb14of2018]]);
    expect(secDueDate(single("15/01/2018"))).toEqual([[feb14of2018]]);
  });

  it("defaults to the 10th Working Day when working_days is omitted or blank", () => {
    for (const blank of [undefined, null, single(null), single(""), single("  ")]) {
      expect(secDueDate(single("2018-01"), blank as unknown[][] | undefined)).toEqual([[feb14of2018]]);
    }
  });

  it("counts bank holidays: New Year's Day after December, early May after April", () => {
    expect(secDueDate(single("2018-12"))).toEqual([[date(2019, 1, 15)]]);
    expect(secDueDate(single("2019-04"))).toEqual([[date(2019, 5, 15)]]);
  });

  it("gives the Nth Working Day for other N, truncating decimals", () => {
    expect(secDueDate(single("2018-01"), single(1))).toEqual([[date(2018, 2, 1)]]);
    expect(secDueDate(single("2018-01"), single(5.9))).toEqual([[date(2018, 2, 7)]]);
    expect(secDueDate(single("2018-01"), single("2"))).toEqual([[date(2018, 2, 2)]]);
  });

  it("skips extra holidays from a range of any shape, ignoring blanks", () => {
    const holidays = [
      [null, "2018-02-14"],
      ["", date(2018, 2, 1)],
    ];
    // Two holidays inside the count push the 10th Working Day two days on.
    expect(secDueDate(single("2018-01"), undefined, holidays)).toEqual([[date(2018, 2, 16)]]);
    expect(secDueDate(single("2018-01"), single(null), single(null))).toEqual([[feb14of2018]]);
    expect(secDueDate(single("2018-01"), single(10), [[null, ""]])).toEqual([[feb14of2018]]);
  });

  it("broadcasts a single working_days against a column of periods", () => {
    expect(secDueDate(column("2018-01", "2018-12", null), single(10))).toEqual([
      [feb14of2018],
      [date(2019, 1, 15)],
      [expect.any(FakeCustomFunctionsError)],
    ]);
  });

  it("gives errors in their own cells: #VALUE! for bad or blank periods, #NUM! for bad counts", () => {
    const result = secDueDate(column("2018-13", "soon", "", "2018-01", "2018-01", "2018-01"), [
      [10],
      [10],
      [10],
      [-1],
      [0],
      ["ten"],
    ]);
    expectErrorCell(result[0][0], "#VALUE!", /period: "2018-13" is not a month/);
    expectErrorCell(result[1][0], "#VALUE!", /^period:/);
    expectErrorCell(result[2][0], "#VALUE!", /period is blank/);
    expectErrorCell(result[3][0], "#NUM!");
    expectErrorCell(result[4][0], "#NUM!");
    expectErrorCell(result[5][0], "#VALUE!", /working_days: "ten" is not a number/);
  });

  it("gives #NUM! when the due date would fall after 9999", () => {
    expectErrorCell(secDueDate(single("2018-01"), single(1e9))[0][0], "#NUM!");
    expectErrorCell(secDueDate(single("9999-12"), single(1))[0][0], "#NUM!");
  });

  it("fills the result with #VALUE! when a holiday is not a date", () => {
    const result = secDueDate(column("2018-01", "2018-02"), undefined, [["2018-02-14", "Easter"]]);
    expect(result).toHaveLength(2);
    for (const [cell] of result) expectErrorCell(cell, "#VALUE!", /^holidays: "Easter" is not a date/);
  });

  it("answers a single #VALUE! when period and working_days differ in size", () => {
    const result = secDueDate(column("2018-01", "2018-02"), column(10, 10, 10));
    expect(result).toHaveLength(1);
    expectErrorCell(result[0][0], "#VALUE!", /period is 2 rows by 1 column but working_days is 3 rows/);
  });
});

describe("SECWORKDAY (like WORKDAY)", () => {
  const friday = date(2018, 2, 9);
  const saturday = date(2018, 2, 10);
  const monday = date(2018, 2, 12);

  it("does not count the start, skips weekends, and goes backwards for negative days", () => {
    expect(secWorkday(single(friday), single(1))).toEqual([[monday]]);
    expect(secWorkday(single(saturday), single(1))).toEqual([[monday]]);
    expect(secWorkday(single(monday), single(-1))).toEqual([[friday]]);
    expect(secWorkday(single(friday), single(5))).toEqual([[date(2018, 2, 16)]]);
  });

  it("returns the start itself for 0 days (even on a weekend) and for blank days", () => {
    expect(secWorkday(single(saturday), single(0))).toEqual([[saturday]]);
    expect(secWorkday(single(saturday), single(null))).toEqual([[saturday]]);
    expect(secWorkday(single(saturday), single(""))).toEqual([[saturday]]);
  });

  it("truncates fractional days toward zero and drops a time on start", () => {
    expect(secWorkday(single(friday), single(1.9))).toEqual([[monday]]);
    expect(secWorkday(single(monday), single(-1.9))).toEqual([[friday]]);
    expect(secWorkday(single(friday + 0.6), single(1))).toEqual([[monday]]);
  });

  it("skips England and Wales bank holidays: Christmas, Boxing Day, Good Friday, Easter Monday", () => {
    expect(secWorkday(single(date(2018, 12, 24)), single(1))).toEqual([[date(2018, 12, 27)]]);
    expect(secWorkday(single(date(2018, 3, 29)), single(1))).toEqual([[date(2018, 4, 3)]]);
    expect(secWorkday(single(date(2018, 4, 3)), single(-1))).toEqual([[date(2018, 3, 29)]]);
  });

  it("skips extra holidays from a range, ignoring blanks", () => {
    expect(secWorkday(single(friday), single(1), column(monday, null, ""))).toEqual([[date(2018, 2, 13)]]);
    expect(secWorkday(single(friday), single(1), single("12/02/2018"))).toEqual([[date(2018, 2, 13)]]);
  });

  it("accepts dates and day counts as text", () => {
    expect(secWorkday(single("2018-02-09"), single("1"))).toEqual([[monday]]);
  });

  it("repeats a single start against a row of day counts", () => {
    expect(secWorkday(single(friday), [[0, 1, -1]])).toEqual([[friday, monday, date(2018, 2, 8)]]);
  });

  it("gives #VALUE! for a blank or bad start and for text days, in their own cells", () => {
    const result = secWorkday(column(null, "someday", friday, friday), column(1, 1, "two", 1));
    expectErrorCell(result[0][0], "#VALUE!", /start is blank/);
    expectErrorCell(result[1][0], "#VALUE!", /^start: "someday" is not a date/);
    expectErrorCell(result[2][0], "#VALUE!", /^days: "two" is not a number/);
    expect(result[3]).toEqual([monday]);
  });

  it("gives #NUM! when the result leaves Excel's dates", () => {
    expectErrorCell(secWorkday(single(friday), single(1e12))[0][0], "#NUM!");
    expectErrorCell(secWorkday(single(date(1900, 1, 3)), single(-5))[0][0], "#NUM!");
    expectErrorCell(secWorkday(single(date(9999, 12, 31)), single(1))[0][0], "#NUM!");
  });

  it("fills the result with #VALUE! when a holiday is not a date", () => {
    const result = secWorkday(column(friday, monday), single(1), single(true));
    expect(result).toHaveLength(2);
    for (const [cell] of result) expectErrorCell(cell, "#VALUE!", /^holidays:/);
  });

  it("answers a single #VALUE! when start and days differ in size", () => {
    const result = secWorkday(column(friday, monday), [[1, 2]]);
    expect(result).toHaveLength(1);
    expectErrorCell(result[0][0], "#VALUE!", /same size/);
  });
});

describe("SECTHRESHOLD (SPEC Breach When table)", () => {
  const cases: Array<[string, unknown, unknown, unknown, string]> = [
    ["above (the default): greater is a breach", 6, 5, undefined, "Breach"],
    ["above: equal is within", 5, 5, "above", "Within"],
    ["at or above: equal is a breach", 5, 5, "at or above", "Breach"],
    ["at or above: less is within", 4, 5, "At or Above", "Within"],
    ["below: less is a breach", 4, 5, "below", "Breach"],
    ["below: equal is within", 5, 5, "BELOW", "Within"],
    ["at or below: equal is a breach", 5, 5, "at or below", "Breach"],
    ["at or below: greater is within", 6, 5, " at or below ", "Within"],
    ["a blank breach_when is above", 6, 5, "", "Breach"],
    ["percent cells are exact: 0.05 against 0.05", 0.05, 0.05, null, "Within"],
    ["negative values", -3, -2, "below", "Breach"],
    ["numbers stored as text", "0.07", "0.05", "above", "Breach"],
  ];
  it.each(cases)("%s", (_name, value, threshold, when, expected) => {
    expect(
      secThreshold(single(value), single(threshold), when === undefined ? undefined : single(when))
    ).toEqual([[expected]]);
  });

  it('gives #N/A with the message "No value" for a blank value (null or empty text)', () => {
    const result = secThreshold(column(null, "", "  "), single(5));
    for (const [cell] of result) expectErrorCell(cell, "#N/A", /^No value$/);
  });

  it("gives #VALUE! for text that is not a number, a blank threshold and an unknown breach_when", () => {
    const result = secThreshold(
      column("lots", 5, 5, 5),
      column(5, "high", null, 5),
      column(null, null, null, "over")
    );
    expectErrorCell(result[0][0], "#VALUE!", /^value: "lots" is not a number/);
    expectErrorCell(result[1][0], "#VALUE!", /^threshold: "high" is not a number/);
    expectErrorCell(result[2][0], "#VALUE!", /threshold is blank/);
    expectErrorCell(result[3][0], "#VALUE!", /breach_when must be/);
  });

  it("reads breach_when per cell: a column of sides against a column of values", () => {
    expect(
      secThreshold(column(5, 5, 5, 5), single(5), column("above", "at or above", "below", "at or below"))
    ).toEqual([["Within"], ["Breach"], ["Within"], ["Breach"]]);
  });

  it("passes an error cell given as input straight through", () => {
    const error = new FakeCustomFunctionsError("#REF!");
    expect(secThreshold(single(error), single(5))[0][0]).toBe(error);
  });

  it("answers a single #VALUE! when the ranges differ in size", () => {
    const result = secThreshold(column(1, 2), [[1, 2]]);
    expect(result).toHaveLength(1);
    expectErrorCell(result[0][0], "#VALUE!", /same size/);
  });
});
