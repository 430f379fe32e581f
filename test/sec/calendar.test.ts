import {
  addWorkingDays,
  bankHolidaysEnglandWales,
  easterSundaySerial,
  isWorkingDay,
  reportDueDate,
} from "../../src/sec/calendar";
import * as fc from "fast-check";
import { formatSerialIso, serialFromYmd } from "../../src/sec/dates";

const iso = (text: string): number => {
  const [year, month, day] = text.split("-").map(Number);
  return serialFromYmd(year, month, day);
};

/** Bank holidays in England and Wales as published by GOV.UK, written out by hand. */
const PUBLISHED_BANK_HOLIDAYS: Record<number, string[]> = {
  2016: [
    "2016-01-01",
    "2016-03-25",
    "2016-03-28",
    "2016-05-02",
    "2016-05-30",
    "2016-08-29",
    "2016-12-26",
    "2016-12-27",
  ],
  2017: [
    "2017-01-02",
    "2017-04-14",
    "2017-04-17",
    "2017-05-01",
    "2017-05-29",
    "2017-08-28",
    "2017-12-25",
    "2017-12-26",
  ],
  2018: [
    "2018-01-01",
    "2018-03-30",
    "2018-04-02",
    "2018-05-07",
    "2018-05-28",
    "2018-08-27",
    "2018-12-25",
    "2018-12-26",
  ],
  2019: [
    "2019-01-01",
    "2019-04-19",
    "2019-04-22",
    "2019-05-06",
    "2019-05-27",
    "2019-08-26",
    "2019-12-25",
    "2019-12-26",
  ],
  2020: [
    "2020-01-01",
    "2020-04-10",
    "2020-04-13",
    "2020-05-08",
    "2020-05-25",
    "2020-08-31",
    "2020-12-25",
    "2020-12-28",
  ],
  2021: [
    "2021-01-01",
    "2021-04-02",
    "2021-04-05",
    "2021-05-03",
    "2021-05-31",
    "2021-08-30",
    "2021-12-27",
    "2021-12-28",
  ],
  2022: [
    "2022-01-03",
    "2022-04-15",
    "2022-04-18",
    "2022-05-02",
    "2022-06-02",
    "2022-06-03",
    "2022-08-29",
    "2022-09-19",
    "2022-12-26",
    "2022-12-27",
  ],
  2023: [
    "2023-01-02",
    "2023-04-07",
    "2023-04-10",
    "2023-05-01",
    "2023-05-08",
    "2023-05-29",
    "2023-08-28",
    "2023-12-25",
    "2023-12-26",
  ],
  2024: [
    "2024-01-01",
    "2024-03-29",
    "2024-04-01",
    "2024-05-06",
    "2024-05-27",
    "2024-08-26",
    "2024-12-25",
    "2024-12-26",
  ],
  2025: [
    "2025-01-01",
    "2025-04-18",
    "2025-04-21",
    "2025-05-05",
    "2025-05-26",
    "2025-08-25",
    "2025-12-25",
    "2025-12-26",
  ],
  2026: [
    "2026-01-01",
    "2026-04-03",
    "2026-04-06",
    "2026-05-04",
    "2026-05-25",
    "2026-08-31",
    "2026-12-25",
    "2026-12-28",
  ],
  2027: [
    "2027-01-01",
    "2027-03-26",
    "2027-03-29",
    "2027-05-03",
    "2027-05-31",
    "2027-08-30",
    "2027-12-27",
    "2027-12-28",
  ],
};

describe("bank holidays in England and Wales", () => {
  it.each(Object.keys(PUBLISHED_BANK_HOLIDAYS).map(Number))("%i matches the published list", (year) => {
    expect(bankHolidaysEnglandWales(year).map(formatSerialIso)).toEqual(PUBLISHED_BANK_HOLIDAYS[year]);
  });

  it.each([
    [1995, ["1995-05-08"], ["1995-05-01"]], // VE Day 50 replaced the early May holiday
    [1999, ["1999-12-27", "1999-12-28", "1999-12-31"], []], // Millennium
    [2000, ["2000-01-03"], ["2000-01-01"]],
    [2002, ["2002-06-03", "2002-06-04"], ["2002-05-27"]], // Golden Jubilee
    [2011, ["2011-04-29", "2011-05-02", "2011-05-30"], []], // Royal wedding
    [2012, ["2012-06-04", "2012-06-05", "2012-05-07"], ["2012-05-28"]], // Diamond Jubilee
    [2020, ["2020-05-08"], ["2020-05-04"]], // VE Day 75
    [2022, ["2022-06-02", "2022-06-03", "2022-09-19"], ["2022-05-30"]], // Platinum Jubilee, State Funeral
    [2023, ["2023-05-08", "2023-05-01"], []], // Coronation
  ])("%i includes %p and not %p", (year, included, excluded) => {
    const holidays = bankHolidaysEnglandWales(year).map(formatSerialIso);
    for (const date of included) expect(holidays).toContain(date);
    for (const date of excluded) expect(holidays).not.toContain(date);
  });

  it("has eight holidays in an ordinary year, all on weekdays, sorted and within the year", () => {
    for (let year = 1995; year <= 2100; year++) {
      const holidays = bankHolidaysEnglandWales(year);
      if (![1999, 2002, 2011, 2012, 2022, 2023].includes(year)) expect(holidays).toHaveLength(8);
      expect([...holidays].sort((a, b) => a - b)).toEqual(holidays);
      expect(new Set(holidays).size).toBe(holidays.length);
      for (const serial of holidays) {
        expect(formatSerialIso(serial).slice(0, 4)).toBe(String(year));
        expect(isWorkingDay(serial)).toBe(false);
      }
    }
  });

  it("moves Christmas on a Sunday past Boxing Day to Tuesday the 27th", () => {
    // 2033: Christmas is a Sunday.
    expect(bankHolidaysEnglandWales(2033).map(formatSerialIso).slice(-2)).toEqual([
      "2033-12-26",
      "2033-12-27",
    ]);
  });

  it("computes Gregorian Easter", () => {
    expect(formatSerialIso(easterSundaySerial(2018))).toBe("2018-04-01");
    expect(formatSerialIso(easterSundaySerial(2019))).toBe("2019-04-21");
    expect(formatSerialIso(easterSundaySerial(2038))).toBe("2038-04-25"); // latest possible
    expect(formatSerialIso(easterSundaySerial(2285))).toBe("2285-03-22"); // earliest possible
  });

  it("rejects years it cannot place", () => {
    expect(() => bankHolidaysEnglandWales(2018.5)).toThrow(RangeError);
    expect(() => bankHolidaysEnglandWales(1899)).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2018-02-14", true],
    ["2018-02-10", false], // Saturday
    ["2018-02-11", false], // Sunday
    ["2018-12-25", false], // Christmas Day
    ["2018-03-30", false], // Good Friday
    ["2018-12-24", true],
  ])("%s -> %p", (date, expected) => {
    expect(isWorkingDay(iso(date))).toBe(expected);
  });

  it("ignores a time of day and honours extra holidays", () => {
    expect(isWorkingDay(iso("2018-02-14") + 0.75)).toBe(true);
    expect(isWorkingDay(iso("2018-02-14"), new Set([iso("2018-02-14")]))).toBe(false);
    expect(isWorkingDay(iso("2018-02-15"), new Set([iso("2018-02-14")]))).toBe(true);
  });
});

describe("addWorkingDays (Excel WORKDAY semantics)", () => {
  it.each([
    ["2018-02-09", 1, "2018-02-12"], // Friday + 1 = Monday
    ["2018-02-12", -1, "2018-02-09"], // Monday - 1 = Friday
    ["2018-02-10", 1, "2018-02-12"], // from a Saturday
    ["2018-02-10", -1, "2018-02-09"],
    ["2018-02-10", 0, "2018-02-10"], // 0 returns the start, even on a weekend
    ["2018-02-14", 0, "2018-02-14"],
    ["2018-02-14", 5, "2018-02-21"],
    ["2018-02-21", -5, "2018-02-14"],
    ["2018-03-29", 1, "2018-04-03"], // over Easter
    ["2018-04-03", -1, "2018-03-29"],
    ["2017-12-22", 1, "2017-12-27"], // over Christmas
    ["2018-01-31", 1.9, "2018-02-01"], // days truncated toward zero
    ["2018-02-02", -1.9, "2018-02-01"],
    ["2018-01-31", 0.5, "2018-01-31"],
  ])("%s + %p working days = %s", (start, days, expected) => {
    expect(formatSerialIso(addWorkingDays(iso(start), days))).toBe(expected);
  });

  it("drops a time of day on the start", () => {
    expect(addWorkingDays(iso("2018-02-09") + 0.5, 1)).toBe(iso("2018-02-12"));
  });

  it("skips extra holidays in both directions", () => {
    const extra = new Set([iso("2018-02-12"), iso("2018-02-13")]);
    expect(formatSerialIso(addWorkingDays(iso("2018-02-09"), 1, extra))).toBe("2018-02-14");
    expect(formatSerialIso(addWorkingDays(iso("2018-02-14"), -1, extra))).toBe("2018-02-09");
  });

  /** WORKDAY by definition: walk one day at a time and count the working days. */
  function walkWorkingDays(start: number, days: number, extra?: ReadonlySet<number>): number {
    let date = start;
    const step = days < 0 ? -1 : 1;
    for (let remaining = Math.abs(days); remaining > 0;) {
      date += step;
      if (isWorkingDay(date, extra)) remaining--;
    }
    return date;
  }

  it("crosses whole years for long counts and lands where walking day by day lands", () => {
    const start = iso("2000-01-01");
    for (const days of [400, 1000, 252 * 40 + 7, 1_000_000, -400, -5000, -20_000]) {
      expect({ days, date: addWorkingDays(start, days) }).toEqual({
        days,
        date: walkWorkingDays(start, days),
      });
    }
  });

  it("agrees with walking day by day for any start, count and extra holidays (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: iso("1915-01-01"), max: iso("2150-12-31") }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.array(fc.integer({ min: iso("1900-06-01"), max: iso("2160-12-31") }), { maxLength: 40 }),
        (start, days, extras) => {
          const extra = new Set(extras);
          expect(addWorkingDays(start, days, extra)).toBe(walkWorkingDays(start, days, extra));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("refuses results outside Excel's dates and non-finite input", () => {
    expect(() => addWorkingDays(iso("2018-01-01"), 3_000_000)).toThrow(RangeError);
    expect(() => addWorkingDays(3, -10)).toThrow(RangeError);
    expect(() => addWorkingDays(iso("2018-01-01"), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});

describe("reportDueDate", () => {
  it("gives 14 February 2018 for January 2018, as the seed paper says", () => {
    expect(reportDueDate("2018-01")).toBe(43145);
  });

  it.each([
    ["2017-12", "2018-01-15"], // 1 January is a holiday
    ["2018-02", "2018-03-14"],
    ["2018-03", "2018-04-16"], // Easter Monday 2 April
    ["2022-05", "2022-06-16"], // Platinum Jubilee 2 and 3 June
    ["2022-12", "2023-01-16"], // 2 January 2023 is the New Year substitute
  ])("%s reports are due on %s", (period, expected) => {
    expect(formatSerialIso(reportDueDate(period))).toBe(expected);
  });

  it("takes another number of working days and extra holidays", () => {
    expect(formatSerialIso(reportDueDate("2018-01", 5))).toBe("2018-02-07");
    expect(formatSerialIso(reportDueDate("2018-01", 10, new Set([iso("2018-02-05")])))).toBe("2018-02-15");
  });

  it("rejects a malformed period", () => {
    expect(() => reportDueDate("Jan-2018")).toThrow(RangeError);
  });
});
