/**
 * Working days in England and Wales: Monday to Friday except bank holidays.
 * The calendar is computed from the statutory rules plus the one-off changes proclaimed since 1995, and
 * cached per year, so it works offline and stays fast enough for a custom function called on every row.
 */
import {
  EXCEL_MAX_DATE_SERIAL,
  MonthKey,
  lastDayOfMonthSerial,
  serialFromYmd,
  weekdayOfSerial,
  yearOfSerial,
  ymdFromSerial,
} from "./dates";

const SATURDAY = 6;
const SUNDAY = 0;

/** One-off changes to the regular pattern: a regular holiday moved to another date, or an extra day. */
interface HolidayExceptions {
  readonly earlyMayReplacedBy?: readonly [number, number];
  readonly lateMayReplacedBy?: readonly [number, number];
  readonly extra?: readonly (readonly [number, number])[];
}

const EXCEPTIONS_BY_YEAR: ReadonlyMap<number, HolidayExceptions> = new Map<number, HolidayExceptions>([
  [1995, { earlyMayReplacedBy: [5, 8] }], // 50th anniversary of VE Day
  [1999, { extra: [[12, 31]] }], // Millennium
  [2002, { lateMayReplacedBy: [6, 4], extra: [[6, 3]] }], // Golden Jubilee
  [2011, { extra: [[4, 29]] }], // Royal wedding
  [2012, { lateMayReplacedBy: [6, 4], extra: [[6, 5]] }], // Diamond Jubilee
  [2020, { earlyMayReplacedBy: [5, 8] }], // 75th anniversary of VE Day
  [
    2022,
    {
      lateMayReplacedBy: [6, 2],
      extra: [
        [6, 3],
        [9, 19],
      ],
    },
  ], // Platinum Jubilee; State Funeral
  [2023, { extra: [[5, 8]] }], // Coronation
]);

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSundaySerial(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return serialFromYmd(year, month, day);
}

function isWeekend(serial: number): boolean {
  const weekday = weekdayOfSerial(serial);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** First Monday on or after the given date. */
function mondayOnOrAfter(serial: number): number {
  return serial + ((8 - weekdayOfSerial(serial)) % 7);
}

/** Last Monday on or before the given date. */
function mondayOnOrBefore(serial: number): number {
  return serial - ((weekdayOfSerial(serial) + 6) % 7);
}

function computeBankHolidays(year: number): number[] {
  const exceptions = EXCEPTIONS_BY_YEAR.get(year) ?? {};
  const at = (monthDay: readonly [number, number]): number => serialFromYmd(year, monthDay[0], monthDay[1]);
  const easter = easterSundaySerial(year);
  const holidays = new Set<number>([
    easter - 2, // Good Friday
    easter + 1, // Easter Monday
    exceptions.earlyMayReplacedBy ? at(exceptions.earlyMayReplacedBy) : mondayOnOrAfter(at([5, 1])),
    exceptions.lateMayReplacedBy ? at(exceptions.lateMayReplacedBy) : mondayOnOrBefore(at([5, 31])),
    mondayOnOrBefore(at([8, 31])),
  ]);
  for (const extra of exceptions.extra ?? []) holidays.add(at(extra));

  // Fixed-date holidays: those on weekdays stand; those on a weekend move, in date order, to the next
  // weekday not already a holiday (Christmas on a Sunday goes past Boxing Day to Tuesday the 27th).
  const fixedDates = [at([1, 1]), at([12, 25]), at([12, 26])];
  for (const date of fixedDates) if (!isWeekend(date)) holidays.add(date);
  for (const date of fixedDates) {
    if (!isWeekend(date)) continue;
    let substitute = date + 1;
    while (isWeekend(substitute) || holidays.has(substitute)) substitute++;
    holidays.add(substitute);
  }
  return [...holidays].sort((left, right) => left - right);
}

const holidaysByYear = new Map<number, readonly number[]>();
/** Every holiday of every year computed so far, for an O(1) check on the hot path. */
const knownHolidaySerials = new Set<number>();

/**
 * Bank holidays in England and Wales for a year, as sorted Excel serials. The rules apply to any year;
 * the one-off changes are those from 1995 on (and the rules themselves date from 1978).
 */
export function bankHolidaysEnglandWales(year: number): readonly number[] {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`year must be a whole number from 1900 to 9999, not ${year}`);
  }
  let holidays = holidaysByYear.get(year);
  if (holidays === undefined) {
    holidays = Object.freeze(computeBankHolidays(year));
    holidaysByYear.set(year, holidays);
    for (const serial of holidays) knownHolidaySerials.add(serial);
  }
  return holidays;
}

// The year whose holidays were last made sure of: consecutive calls almost always stay in one year.
let lastCheckedYearFirst = 1;
let lastCheckedYearLast = 0;

function isBankHoliday(serial: number): boolean {
  if (serial < lastCheckedYearFirst || serial > lastCheckedYearLast) {
    const year = yearOfSerial(serial);
    if (year < 1900 || year > 9999) return false;
    bankHolidaysEnglandWales(year);
    lastCheckedYearFirst = serialFromYmd(year, 1, 1);
    lastCheckedYearLast = serialFromYmd(year, 12, 31);
  }
  return knownHolidaySerials.has(serial);
}

/** Monday to Friday and neither a bank holiday in England and Wales nor one of the extra holidays. */
export function isWorkingDay(serial: number, extraHolidays?: ReadonlySet<number>): boolean {
  if (!Number.isFinite(serial)) throw new RangeError(`${serial} is not a date serial number`);
  const day = Math.floor(serial);
  if (isWeekend(day)) return false;
  if (extraHolidays !== undefined && extraHolidays.has(day)) return false;
  return !isBankHoliday(day);
}

/**
 * Excel's WORKDAY on the England and Wales calendar: the date `days` working days after `start` (before it
 * when negative). The start itself is not counted, `days` is truncated toward zero, and 0 returns `start`.
 * A time of day on `start` is dropped. Throws RangeError when the result would leave Excel's date range.
 */
export function addWorkingDays(start: number, days: number, extraHolidays?: ReadonlySet<number>): number {
  if (!Number.isFinite(start)) throw new RangeError(`${start} is not a date serial number`);
  if (!Number.isFinite(days)) throw new RangeError(`${days} is not a number of days`);
  let remaining = Math.trunc(days);
  let date = Math.floor(start);
  const step = remaining < 0 ? -1 : 1;
  while (remaining !== 0) {
    // A count of more than a year's working days crosses whole years at once from a year boundary, so a
    // count in the millions costs thousands of steps, not millions; the last stretch is walked day by day.
    if (remaining * step > YEAR_JUMP_MIN_DAYS) {
      const jump = wholeYearFrom(date, step, extraHolidays);
      if (jump !== null && jump.workingDays < remaining * step) {
        date = jump.to;
        remaining -= step * jump.workingDays;
        continue;
      }
    }
    date += step;
    if (date < 1 || date > EXCEL_MAX_DATE_SERIAL) {
      throw new RangeError(`${days} working days from ${start} is outside Excel's dates (1900 to 9999)`);
    }
    if (isWorkingDay(date, extraHolidays)) remaining -= step;
  }
  return date;
}

/** Counts above this many working days (more than a year's) are worth crossing a year at a time. */
const YEAR_JUMP_MIN_DAYS = 400;

/** Monday-to-Friday days from `first` to `last` inclusive. */
function weekdaysBetween(first: number, last: number): number {
  const days = last - first + 1;
  let count = Math.floor(days / 7) * 5;
  for (let serial = first + Math.floor(days / 7) * 7; serial <= last; serial++) {
    if (!isWeekend(serial)) count++;
  }
  return count;
}

/** Working days in a whole calendar year: its weekdays less the holidays that fall on them. */
function workingDaysInYear(year: number, extraHolidays?: ReadonlySet<number>): number {
  const first = serialFromYmd(year, 1, 1);
  const last = serialFromYmd(year, 12, 31);
  let count = weekdaysBetween(first, last);
  const holidays = bankHolidaysEnglandWales(year);
  for (const holiday of holidays) if (!isWeekend(holiday)) count--;
  if (extraHolidays !== undefined) {
    for (const extra of extraHolidays) {
      if (
        Number.isInteger(extra) &&
        extra >= first &&
        extra <= last &&
        !isWeekend(extra) &&
        !isBankHoliday(extra)
      ) {
        count--;
      }
    }
  }
  return count;
}

/**
 * From the last day of a year (going forwards) or the first day of a year (going backwards): the whole
 * next (or previous) year, where it lands and how many working days it holds. Null anywhere else, and
 * near Excel's 1900 leap-day quirk and the end of its dates.
 */
function wholeYearFrom(
  date: number,
  step: number,
  extraHolidays?: ReadonlySet<number>
): { to: number; workingDays: number } | null {
  const { year, month, day } = ymdFromSerial(date);
  if (step > 0 && month === 12 && day === 31 && year >= 1900 && year < 9999) {
    return { to: serialFromYmd(year + 1, 12, 31), workingDays: workingDaysInYear(year + 1, extraHolidays) };
  }
  if (step < 0 && month === 1 && day === 1 && year > 1901 && year <= 9999) {
    return { to: serialFromYmd(year - 1, 1, 1), workingDays: workingDaysInYear(year - 1, extraHolidays) };
  }
  return null;
}

/**
 * The date a monthly SEC report is due: the Nth Working Day after the end of the month
 * (SEC H3.24 and L8.9 say the 10th). January 2018 gives 43145, 14 February 2018.
 */
export function reportDueDate(
  period: MonthKey,
  workingDays = 10,
  extraHolidays?: ReadonlySet<number>
): number {
  return addWorkingDays(lastDayOfMonthSerial(period), workingDays, extraHolidays);
}
