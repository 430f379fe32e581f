/**
 * Excel's 1900 date system, in whole days.
 *
 * Serial 1 is 1900-01-01 and serial 60 is Excel's fictitious 1900-02-29 (kept for Lotus 1-2-3
 * compatibility), so from 1900-03-01 (serial 61) onwards a serial is the number of days since 1899-12-30.
 * All arithmetic here is integer arithmetic on days: no Date objects, no time zones.
 */

/** "YYYY-MM", e.g. "2018-01". */
export type MonthKey = string;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 1970-01-01 to 1899-12-30 is -25569, so serial = unix days + 25569 from 1900-03-01 on. */
const SERIAL_OF_UNIX_EPOCH = 25569;
/** Excel's fictitious 29 February 1900. */
export const EXCEL_FAKE_LEAP_DAY_SERIAL = 60;
/** 9999-12-31, the last date Excel can show. */
export const EXCEL_MAX_DATE_SERIAL = 2958465;

export const MONTH_SHORT_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];
export const MONTH_LONG_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (the "days from civil" algorithm). */
function unixDaysFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Shifts a serial to the real-calendar day count used by the civil algorithms (undoes the fake leap day). */
function unixDaysFromSerial(serial: number): number {
  return (serial < EXCEL_FAKE_LEAP_DAY_SERIAL ? serial + 1 : serial) - SERIAL_OF_UNIX_EPOCH;
}

function checkInteger(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, not ${value}`);
}

function checkFiniteSerial(serial: number): void {
  if (!Number.isFinite(serial)) throw new RangeError(`${serial} is not a date serial number`);
}

/** The Excel serial of a calendar date. 1900-02-29 gives 60, as in Excel. */
export function serialFromYmd(year: number, month: number, day: number): number {
  checkInteger("year", year);
  checkInteger("month", month);
  checkInteger("day", day);
  if (month < 1 || month > 12) throw new RangeError(`month must be 1 to 12, not ${month}`);
  if (year === 1900 && month === 2 && day === 29) return EXCEL_FAKE_LEAP_DAY_SERIAL;
  const serial = unixDaysFromYmd(year, month, day) + SERIAL_OF_UNIX_EPOCH;
  return serial <= EXCEL_FAKE_LEAP_DAY_SERIAL ? serial - 1 : serial;
}

/**
 * The year of a serial without allocating (hot path of the working-day calendar).
 * Same algorithm as ymdFromSerial; the fake leap day is in 1900 either way.
 */
export function yearOfSerial(serial: number): number {
  const unixDays = unixDaysFromSerial(Math.floor(serial));
  const z = unixDays + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  return yearOfEra + era * 400 + (monthFromMarch >= 10 ? 1 : 0);
}

/** The calendar date of a serial; a time of day (the fraction) is ignored. Serial 60 is 1900-02-29. */
export function ymdFromSerial(serial: number): YearMonthDay {
  checkFiniteSerial(serial);
  const whole = Math.floor(serial);
  if (whole === EXCEL_FAKE_LEAP_DAY_SERIAL) return { year: 1900, month: 2, day: 29 };
  const z = unixDaysFromSerial(whole) + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * 0 = Sunday … 6 = Saturday. From 1900-03-01 this matches Excel's WEEKDAY; before it, Excel is a day out
 * (it thinks 1900-01-01 was a Sunday), and this gives the real weekday instead.
 */
export function weekdayOfSerial(serial: number): number {
  const whole = Math.floor(serial);
  // Serial 1 (1900-01-01) was a Monday; from the fake leap day on, everything is shifted by one.
  const weekday = (whole < EXCEL_FAKE_LEAP_DAY_SERIAL ? whole : whole - 1) % 7;
  return weekday < 0 ? weekday + 7 : weekday;
}

export function monthKey(year: number, month: number): MonthKey {
  checkInteger("year", year);
  checkInteger("month", month);
  if (year < 0 || year > 9999) throw new RangeError(`year must be 0 to 9999, not ${year}`);
  if (month < 1 || month > 12) throw new RangeError(`month must be 1 to 12, not ${month}`);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}`;
}

const MONTH_KEY_PATTERN = /^(\d{4})-(\d{2})$/;

export function parseMonthKey(key: MonthKey): { year: number; month: number } {
  const match = typeof key === "string" ? MONTH_KEY_PATTERN.exec(key) : null;
  if (match === null) throw new RangeError(`"${String(key)}" is not a month in the form YYYY-MM`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new RangeError(`"${key}" is not a month: ${match[2]} is not 01 to 12`);
  return { year, month };
}

export function monthKeyOfSerial(serial: number): MonthKey {
  const { year, month } = ymdFromSerial(serial);
  return monthKey(year, month);
}

/** The month n months after (or before, for negative n) the given month. */
export function addMonths(key: MonthKey, n: number): MonthKey {
  checkInteger("n", n);
  const { year, month } = parseMonthKey(key);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  return monthKey(newYear, monthIndex - newYear * 12 + 1);
}

/** Serial of the first day of the month. */
export function firstDayOfMonthSerial(key: MonthKey): number {
  const { year, month } = parseMonthKey(key);
  return serialFromYmd(year, month, 1);
}

/** Serial of the last day of the month (February 1900 ends on Excel's fake 29th, serial 60). */
export function lastDayOfMonthSerial(key: MonthKey): number {
  const { year, month } = parseMonthKey(key);
  return month === 12 ? serialFromYmd(year + 1, 1, 1) - 1 : serialFromYmd(year, month + 1, 1) - 1;
}

/** "Jan-2018" */
export function formatMonthShort(key: MonthKey): string {
  const { year, month } = parseMonthKey(key);
  return `${MONTH_SHORT_NAMES[month - 1]}-${String(year).padStart(4, "0")}`;
}

/** "January 2018" */
export function formatMonthLong(key: MonthKey): string {
  const { year, month } = parseMonthKey(key);
  return `${MONTH_LONG_NAMES[month - 1]} ${String(year).padStart(4, "0")}`;
}

/** "14 February 2018" */
export function formatSerialLong(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${day} ${MONTH_LONG_NAMES[month - 1]} ${String(year).padStart(4, "0")}`;
}

/** "2018-02-14" */
export function formatSerialIso(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Month number (1-12) from an English month name or its three-letter abbreviation, any case; else 0. */
export function monthNumberFromName(name: string): number {
  const lower = name.toLowerCase();
  for (let index = 0; index < 12; index++) {
    if (lower === MONTH_LONG_NAMES[index].toLowerCase() || lower === MONTH_SHORT_NAMES[index].toLowerCase()) {
      return index + 1;
    }
  }
  return 0;
}
