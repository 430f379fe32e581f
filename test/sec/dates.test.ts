import fc from "fast-check";
import {
  EXCEL_MAX_DATE_SERIAL,
  addMonths,
  formatMonthLong,
  formatMonthShort,
  formatSerialIso,
  formatSerialLong,
  lastDayOfMonthSerial,
  monthKey,
  monthKeyOfSerial,
  parseMonthKey,
  serialFromYmd,
  weekdayOfSerial,
  yearOfSerial,
  ymdFromSerial,
} from "../../src/sec/dates";

describe("Excel 1900 date serials", () => {
  // Serials as Excel shows them for these dates (=DATE(y,m,d)).
  const knownDates: [number, number, number, number][] = [
    [1900, 1, 1, 1],
    [1900, 1, 31, 31],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's fictitious leap day
    [1900, 3, 1, 61],
    [1900, 12, 31, 366],
    [1904, 2, 29, 1521],
    [2000, 1, 1, 36526],
    [2000, 2, 29, 36585],
    [2018, 1, 31, 43131],
    [2018, 2, 14, 43145],
    [2100, 3, 1, 73110],
    [9999, 12, 31, 2958465],
  ];

  it.each(knownDates)("%i-%i-%i is serial %i", (year, month, day, serial) => {
    expect(serialFromYmd(year, month, day)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year, month, day });
    expect(yearOfSerial(serial)).toBe(year);
  });

  it("ignores a time of day when reading a serial", () => {
    expect(ymdFromSerial(43145.99)).toEqual({ year: 2018, month: 2, day: 14 });
    expect(formatSerialIso(43145.5)).toBe("2018-02-14");
  });

  it("rejects months out of range and non-whole parts", () => {
    expect(() => serialFromYmd(2018, 13, 1)).toThrow(RangeError);
    expect(() => serialFromYmd(2018, 0, 1)).toThrow(RangeError);
    expect(() => serialFromYmd(2018, 1.5, 1)).toThrow(RangeError);
    expect(() => ymdFromSerial(Number.NaN)).toThrow(RangeError);
  });

  it("round-trips every serial in Excel's range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: EXCEL_MAX_DATE_SERIAL }), (serial) => {
        const { year, month, day } = ymdFromSerial(serial);
        expect(serialFromYmd(year, month, day)).toBe(serial);
        expect(yearOfSerial(serial)).toBe(year);
      })
    );
  });

  it("agrees with JavaScript's own calendar from March 1900 on", () => {
    const excelEpochMs = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: EXCEL_MAX_DATE_SERIAL }), (serial) => {
        const date = new Date(excelEpochMs + serial * 86400000);
        expect(ymdFromSerial(serial)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(weekdayOfSerial(serial)).toBe(date.getUTCDay());
      })
    );
  });

  it.each([
    [43145, 3], // Wednesday 14 February 2018
    [43141, 6], // Saturday
    [43142, 0], // Sunday
    [43143, 1], // Monday
    [1, 1], // 1900-01-01 really was a Monday
    [61, 4], // 1900-03-01, Thursday
  ])("weekday of serial %i is %i (0 = Sunday)", (serial, weekday) => {
    expect(weekdayOfSerial(serial)).toBe(weekday);
  });
});

describe("month keys", () => {
  it("makes and parses YYYY-MM", () => {
    expect(monthKey(2018, 1)).toBe("2018-01");
    expect(monthKey(2018, 12)).toBe("2018-12");
    expect(parseMonthKey("2018-01")).toEqual({ year: 2018, month: 1 });
    expect(monthKeyOfSerial(43131)).toBe("2018-01");
    expect(monthKeyOfSerial(60)).toBe("1900-02");
  });

  it.each(["2018-1", "2018-13", "2018-00", "18-01", "2018/01", " 2018-01", "January 2018", ""])(
    "parseMonthKey rejects %p",
    (key) => {
      expect(() => parseMonthKey(key)).toThrow(RangeError);
    }
  );

  it("rejects impossible months when making keys", () => {
    expect(() => monthKey(2018, 0)).toThrow(RangeError);
    expect(() => monthKey(2018, 13)).toThrow(RangeError);
  });

  it.each([
    ["2018-01", 1, "2018-02"],
    ["2018-01", -1, "2017-12"],
    ["2018-12", 1, "2019-01"],
    ["2018-01", -13, "2016-12"],
    ["2018-08", -5, "2018-03"],
    ["2018-01", 0, "2018-01"],
    ["2018-01", 24, "2020-01"],
  ])("addMonths(%s, %i) is %s", (key, n, expected) => {
    expect(addMonths(key, n)).toBe(expected);
  });

  it.each([
    ["2018-01", 43131],
    ["2018-02", serialFromYmd(2018, 2, 28)],
    ["2020-02", serialFromYmd(2020, 2, 29)],
    ["1900-02", 60],
    ["2018-12", serialFromYmd(2018, 12, 31)],
    ["2018-04", serialFromYmd(2018, 4, 30)],
  ])("the last day of %s is serial %i", (key, serial) => {
    expect(lastDayOfMonthSerial(key)).toBe(serial);
  });

  it("formats months and dates for report headings", () => {
    expect(formatMonthShort("2018-01")).toBe("Jan-2018");
    expect(formatMonthShort("2018-09")).toBe("Sep-2018");
    expect(formatMonthLong("2018-01")).toBe("January 2018");
    expect(formatMonthLong("2018-12")).toBe("December 2018");
    expect(formatSerialLong(43145)).toBe("14 February 2018");
    expect(formatSerialLong(43101)).toBe("1 January 2018");
    expect(formatSerialIso(43145)).toBe("2018-02-14");
    expect(formatSerialIso(43101)).toBe("2018-01-01");
  });
});
