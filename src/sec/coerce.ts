/**
 * Reading Excel cell values into the types the SEC rules need. Each reader returns the value, null for a
 * blank where blank is allowed, or a CellProblem saying in plain words what is wrong (never throws).
 * Cell values are what Office.js gives: numbers (dates as serials), strings (error cells as their code,
 * "#N/A"), booleans; a blank may be null, undefined, "" or whitespace-only text. Other hosts map their
 * own value shapes to these first (the runner's reader does so for ExcelJS).
 */
import {
  EXCEL_MAX_DATE_SERIAL,
  MonthKey,
  daysInMonth,
  monthKey,
  monthKeyOfSerial,
  monthNumberFromName,
  serialFromYmd,
} from "./dates";

export interface CellProblem {
  readonly kind: "type" | "negative";
  readonly message: string;
}

function problem(kind: CellProblem["kind"], message: string): CellProblem {
  return Object.freeze({ kind, message });
}

export function isCellProblem(x: unknown): x is CellProblem {
  if (typeof x !== "object" || x === null) return false;
  const candidate = x as { kind?: unknown; message?: unknown };
  return (
    (candidate.kind === "type" || candidate.kind === "negative") && typeof candidate.message === "string"
  );
}

export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The most characters of a value a message quotes: a 10,000-character cell is not echoed whole. */
export const MAX_QUOTED_CHARACTERS = 60;

/** Text in quotes, cut to MAX_QUOTED_CHARACTERS with its full length said. */
export function quoteText(text: string): string {
  if (text.length <= MAX_QUOTED_CHARACTERS) return `"${text}"`;
  return `"${text.slice(0, MAX_QUOTED_CHARACTERS)}…" (${text.length.toLocaleString("en-GB")} characters)`;
}

/** How a value is named in a message: text in quotes (at most 60 characters), TRUE/FALSE as Excel shows them. */
export function describeCellValue(v: unknown): string {
  if (typeof v === "string") return quoteText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return "a value of an unexpected kind";
}

// Plain decimals ("12.5", "-3", "1e3") or thousands grouped with commas ("1,234,567.5").
// Exported, with the other text patterns below, so the national path's SQL uses the same rules.
export const PLAIN_NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
export const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** A number from numeric text, or null when the text is not a number. */
function numberFromText(text: string): number | null {
  if (PLAIN_NUMBER_TEXT.test(text)) return Number(text);
  if (GROUPED_NUMBER_TEXT.test(text)) return Number(text.replace(/,/g, ""));
  return null;
}

/** A finite number, or numeric text such as "110" or " 1,234 "; blank is null. */
export function readNumber(v: unknown): number | null | CellProblem {
  if (typeof v === "number") {
    return Number.isFinite(v) ? v : problem("type", `${describeCellValue(v)} is not a number`);
  }
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    const text = v.trim();
    if (text === "") return null;
    const parsed = numberFromText(text);
    if (parsed !== null && Number.isFinite(parsed)) return parsed;
  }
  return problem("type", `${describeCellValue(v)} is not a number`);
}

/** A count: as readNumber, and negative numbers are a "negative" problem. Blank is null. */
export function readCount(v: unknown): number | null | CellProblem {
  const value = readNumber(v);
  if (typeof value !== "number") return value;
  if (value < 0) return problem("negative", `${value} is negative: counts cannot be negative`);
  return value + 0; // turns -0 into 0
}

/** Counts must be below this: above it whole numbers are no longer exact as JavaScript numbers. */
export const WHOLE_COUNT_LIMIT = 2 ** 53;

/**
 * A count in an input table: as readCount, and only whole numbers below 2^53 (above it whole numbers
 * are no longer exact, and sums and percentages would be wrong; 1e308 would be written as Infinity).
 */
export function readWholeCount(v: unknown): number | null | CellProblem {
  const value = readCount(v);
  if (typeof value !== "number") return value;
  if (!Number.isInteger(value)) return problem("type", `${value} is not a whole number: counts are whole`);
  if (value >= WHOLE_COUNT_LIMIT)
    return problem("type", `${value} is too large for a count (the limit is 2^53)`);
  return value;
}

export const YES_TEXTS: ReadonlySet<string> = new Set(["true", "yes", "y", "1"]);
export const NO_TEXTS: ReadonlySet<string> = new Set(["false", "no", "n", "0"]);

/** true, false, or undefined when the value is not a yes/no (blank is no). */
function yesNoOf(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === null || v === undefined) return false;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v === "string") {
    const text = v.trim().toLowerCase();
    if (text === "") return false;
    if (YES_TEXTS.has(text)) return true;
    if (NO_TEXTS.has(text)) return false;
  }
  return undefined;
}

/** TRUE/FALSE, Y/N, Yes/No or 1/0 in any case; a blank is no. */
export function readYesNo(v: unknown): boolean | CellProblem {
  const answer = yesNoOf(v);
  if (answer !== undefined) return answer;
  return problem("type", `${describeCellValue(v)} is not yes or no (use Yes/No, Y/N, TRUE/FALSE or 1/0)`);
}

export const ISO_DATE_TEXT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
export const UK_DATE_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

function serialFromCalendarText(v: string, year: number, month: number, day: number): number | CellProblem {
  if (year < 1900) return problem("type", `"${v}" is before 1900, outside Excel's dates`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return problem("type", `"${v}" is not a real date`);
  }
  return serialFromYmd(year, month, day);
}

function serialFromNumber(serial: number, original: unknown): number | CellProblem {
  if (serial >= 1 && serial < EXCEL_MAX_DATE_SERIAL + 1) return Math.floor(serial);
  return problem(
    "type",
    `${describeCellValue(original)} is not a date (serial numbers run from 1 to ${EXCEL_MAX_DATE_SERIAL})`
  );
}

/** A date serial from a date-like value, or undefined when the value is not date-like at all. */
function dateOf(v: unknown): number | CellProblem | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? serialFromNumber(v, v) : undefined;
  if (typeof v !== "string") return undefined;
  const text = v.trim();
  const iso = ISO_DATE_TEXT.exec(text);
  if (iso !== null) return serialFromCalendarText(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = UK_DATE_TEXT.exec(text);
  if (uk !== null) return serialFromCalendarText(text, Number(uk[3]), Number(uk[2]), Number(uk[1]));
  const number = numberFromText(text);
  if (number !== null && Number.isFinite(number)) return serialFromNumber(number, v);
  return undefined;
}

/**
 * A date as an Excel serial (a time of day is dropped): serial numbers, ISO text "2018-01-31" (a time may follow) or UK text "31/01/2018". Blank is null.
 */
export function readDate(v: unknown): number | null | CellProblem {
  if (isBlankCell(v)) return null;
  const date = dateOf(v);
  if (date !== undefined) return date;
  return problem("type", `${describeCellValue(v)} is not a date (use a date, 2018-01-31 or 31/01/2018)`);
}

export const MONTH_KEY_TEXT = /^(\d{4})-(\d{1,2})$/;
// "Jan-2018", "January 2018": how the reports themselves name months.
export const MONTH_NAME_TEXT = /^([A-Za-z]+)[- ](\d{4})$/;

/** A month: any date readDate accepts (its month), "YYYY-MM" text, or "Jan-2018"/"January 2018". Blank is null. */
export function readMonth(v: unknown): MonthKey | null | CellProblem {
  if (isBlankCell(v)) return null;
  if (typeof v === "string") {
    const text = v.trim();
    const numeric = MONTH_KEY_TEXT.exec(text);
    const named = numeric === null ? MONTH_NAME_TEXT.exec(text) : null;
    const year = numeric !== null ? Number(numeric[1]) : named !== null ? Number(named[2]) : 0;
    const month = numeric !== null ? Number(numeric[2]) : named !== null ? monthNumberFromName(named[1]) : 0;
    if (numeric !== null || named !== null) {
      if (month >= 1 && month <= 12 && year >= 1900) return monthKey(year, month);
      return problem("type", `"${v}" is not a month`);
    }
  }
  const date = dateOf(v);
  if (date === undefined) {
    return problem("type", `${describeCellValue(v)} is not a month (use a date in the month or 2018-01)`);
  }
  return isCellProblem(date) ? date : monthKeyOfSerial(date);
}

/**
 * Whether a Device has been interrogated: a yes/no as readYesNo (blank is no), or the date (a serial) of
 * its first successful interrogation. 1 and 0 are yes and no; a number above 1 is a date.
 */
export function readInterrogated(v: unknown): boolean | number | CellProblem {
  const answer = yesNoOf(v);
  if (answer !== undefined) return answer;
  if (typeof v === "number" && v > 0 && v < 1) {
    return problem("type", `${v} is neither yes/no nor an interrogation date`);
  }
  const date = dateOf(v);
  if (date !== undefined) return date;
  return problem("type", `${describeCellValue(v)} is neither yes/no nor an interrogation date`);
}

/** Trimmed text of a string, number or boolean (TRUE/FALSE); blank (or other) is null. */
export function readText(v: unknown): string | null {
  if (typeof v === "string") {
    const text = v.trim();
    return text === "" ? null : text;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return null;
}
