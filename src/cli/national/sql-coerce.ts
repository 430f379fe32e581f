/**
 * The cell coercions of src/sec/coerce.ts as DuckDB SQL, so that tens of millions of rows are read inside
 * DuckDB with the same rules: ISO and UK dates, Excel serials, `YYYY-MM` and `Jan-2018` months, yes/no in
 * every accepted form, numbers as text. The patterns and word lists are the ones coerce.ts exports.
 *
 * Each function takes the SQL of an input column (text columns already trimmed, see `inputExpression`)
 * and its category, and gives the SQL of the value, NULL where the cell is not acceptable.
 */
import {
  EXCEL_MAX_DATE_SERIAL,
  MONTH_LONG_NAMES,
  MONTH_SHORT_NAMES,
  EXCEL_FAKE_LEAP_DAY_SERIAL,
} from "../../sec/dates";
import {
  GROUPED_NUMBER_TEXT,
  ISO_DATE_TEXT,
  MONTH_KEY_TEXT,
  MONTH_NAME_TEXT,
  NO_TEXTS,
  PLAIN_NUMBER_TEXT,
  UK_DATE_TEXT,
  YES_TEXTS,
} from "../../sec/coerce";
import { FIRST_YEAR, LAST_YEAR } from "../../reports/check";
import { type ColumnCategory, sqlIdentifier, sqlInList, sqlRegex, sqlStringList } from "./sql-text";

/** Excel's day 0 for serials after its fictitious 29 February 1900; before it, day 0 is a day later. */
const EXCEL_EPOCH = "DATE '1899-12-30'";
const EXCEL_EPOCH_BEFORE_LEAP_DAY = "DATE '1899-12-31'";

/** 16 hex digits, plain or with one kind of separator ("-" or ":") between every pair (as normaliseEui64). */
const EUI64_TEXT =
  "'^(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){7}|[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7})$'";

/**
 * `body` with `name` bound to the value of `value`, computed once per row (DuckDB has no LET; a
 * one-element list and a lambda bind it), so that nested coercions do not repeat their regexes.
 */
function bind(value: string, name: string, body: string): string {
  return `list_transform([${value}], lambda ${name}: ${body})[1]`;
}

/** The column as the coercions read it: text trimmed (NULL stays NULL), other types as they are. */
export function inputExpression(column: string | undefined, category: ColumnCategory): string {
  if (column === undefined) return "CAST(NULL AS VARCHAR)";
  const quoted = sqlIdentifier(column);
  if (category !== "text") return quoted;
  // trim() copies every string; most cells have no edge spaces, and LIKE tests for them far more cheaply.
  const text = `CAST(${quoted} AS VARCHAR)`;
  return `(CASE WHEN ${text} LIKE ' %' OR ${text} LIKE '% ' THEN trim(${text}) ELSE ${text} END)`;
}

/** True where the input is blank (NULL, or text of only spaces). */
export function isBlank(x: string, category: ColumnCategory): string {
  return category === "text" ? `(${x} IS NULL OR ${x} = '')` : `(${x} IS NULL)`;
}

/**
 * A count of one or two digits, as nearly every count in a file is: a GLOB settles it before the regular
 * expressions (three count columns of ten million CSV rows: about 1 s less).
 */
const SHORT_WHOLE_NUMBER_GLOBS = ["'[0-9]'", "'[0-9][0-9]'"];

function numberFromText(x: string): string {
  const short = SHORT_WHOLE_NUMBER_GLOBS.map((glob) => `${x} GLOB ${glob}`).join(" OR ");
  return (
    `(CASE WHEN ${short} THEN CAST(${x} AS DOUBLE) ` +
    `WHEN regexp_full_match(${x}, ${sqlRegex(PLAIN_NUMBER_TEXT)}) THEN TRY_CAST(${x} AS DOUBLE) ` +
    `WHEN regexp_full_match(${x}, ${sqlRegex(GROUPED_NUMBER_TEXT)}) THEN TRY_CAST(replace(${x}, ',', '') AS DOUBLE) END)`
  );
}

/** A number (numeric text included); NULL for blank or anything else. Infinite values are left for `isBad`. */
export function numberValue(x: string, category: ColumnCategory): string {
  if (category === "number") return `CAST(${x} AS DOUBLE)`;
  if (category === "text") return numberFromText(x);
  return "CAST(NULL AS DOUBLE)";
}

/** A date from an Excel serial (a time of day dropped); NULL outside Excel's dates. */
function dateFromSerial(serial: string): string {
  return bind(
    serial,
    "serial",
    `CASE WHEN serial >= ${EXCEL_FAKE_LEAP_DAY_SERIAL + 1} AND serial < ${EXCEL_MAX_DATE_SERIAL + 1} ` +
      `THEN ${EXCEL_EPOCH} + CAST(floor(serial) AS INTEGER) ` +
      `WHEN serial >= 1 AND serial < ${EXCEL_FAKE_LEAP_DAY_SERIAL + 1} ` +
      `THEN ${EXCEL_EPOCH_BEFORE_LEAP_DAY} + CAST(floor(serial) AS INTEGER) END`
  );
}

/** The date of text parts y, m, d (a struct from regexp_extract); NULL when not a real date from 1900. */
function calendarDate(parts: string): string {
  return (
    `CASE WHEN CAST(${parts}.y AS INTEGER) >= 1900 THEN ` +
    `try(make_date(CAST(${parts}.y AS INTEGER), CAST(${parts}.m AS INTEGER), CAST(${parts}.d AS INTEGER))) END`
  );
}

/**
 * regexp_extract of `groups`, run only where `guard` (a cheap test every match passes) holds: an extract
 * that fails costs DuckDB as much as one that matches, and most cells are in only one of the forms tried.
 */
function guardedExtract(x: string, guard: string, pattern: RegExp, groups: readonly string[]): string {
  return `(CASE WHEN ${guard} THEN regexp_extract(${x}, ${sqlRegex(pattern)}, ${sqlStringList(groups)}) END)`;
}

/**
 * The plain ISO form "2018-01-31", nearly every date of a machine-written file: DuckDB's own date cast reads
 * it many times faster than the general path. The cast accepts far more than ISO_DATE_TEXT ("2018-01-31x",
 * "2018/01/31"), so only text of exactly this shape goes to it; what it makes of that shape is what
 * calendarDate makes of it (NULL for 2018-02-30).
 */
const PLAIN_ISO_DATE_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

/** The date of plain ISO text (a year from 1900, as calendarDate); NULL for text of another shape. */
function plainIsoDate(x: string): string {
  return `(CASE WHEN ${x} GLOB ${PLAIN_ISO_DATE_GLOB} AND ${x} >= '1900' THEN TRY_CAST(${x} AS DATE) END)`;
}

function dateFromText(x: string): string {
  const iso = guardedExtract(x, `${x}[5] = '-'`, ISO_DATE_TEXT, ["y", "m", "d"]);
  const uk = guardedExtract(x, `(${x}[2] = '/' OR ${x}[3] = '/')`, UK_DATE_TEXT, ["d", "m", "y"]);
  // The forms exclude one another, so the first that gives a date is the date. (Each lambda sees only its
  // own parameter: lambdas that capture a column are many times slower in DuckDB.)
  const general =
    `coalesce(${bind(iso, "iso", `CASE WHEN iso.y <> '' THEN ${calendarDate("iso")} END`)}, ` +
    `${bind(uk, "uk", `CASE WHEN uk.y <> '' THEN ${calendarDate("uk")} END`)}, ` +
    `${dateFromSerial(numberFromText(x))})`;
  return `(CASE WHEN ${x} GLOB ${PLAIN_ISO_DATE_GLOB} THEN ${plainIsoDate(x)} ELSE ${general} END)`;
}

/** A DATE from a date, timestamp, serial number or ISO/UK/serial text; NULL for blank or anything else. */
export function dateValue(x: string, category: ColumnCategory): string {
  switch (category) {
    case "date":
      return x;
    case "timestamp":
      return `CAST(${x} AS DATE)`;
    case "number":
      return dateFromSerial(x);
    case "text":
      return dateFromText(x);
    case "boolean":
      return "CAST(NULL AS DATE)";
  }
}

/** TRUE/FALSE from every accepted yes/no form (blank is no); NULL when the value is not a yes/no. */
export function yesNoValue(x: string, category: ColumnCategory): string {
  switch (category) {
    case "boolean":
      return `coalesce(${x}, false)`;
    case "number":
      return `(CASE WHEN ${x} IS NULL THEN false WHEN ${x} = 1 THEN true WHEN ${x} = 0 THEN false END)`;
    case "text":
      return (
        `(CASE WHEN ${x} IS NULL OR ${x} = '' THEN false WHEN lower(${x}) IN ${sqlInList(YES_TEXTS)} THEN true ` +
        `WHEN lower(${x}) IN ${sqlInList(NO_TEXTS)} THEN false END)`
      );
    default:
      return `(CASE WHEN ${x} IS NULL THEN false END)`;
  }
}

/**
 * Interrogated as readInterrogated reads it: a yes/no first; otherwise the date of the first successful
 * interrogation (a number between 0 and 1 is neither). Gives the yes/no (NULL when a date) and the date.
 */
export function interrogatedValues(x: string, category: ColumnCategory): { answer: string; date: string } {
  const answer = yesNoValue(x, category);
  const fraction = category === "number" ? ` AND NOT (${x} > 0 AND ${x} < 1)` : "";
  return { answer, date: `(CASE WHEN ${answer} IS NULL${fraction} THEN ${dateValue(x, category)} END)` };
}

/** Month index (year × 12 + month − 1) of a date expression (bound once: the general text path is long). */
function monthIndexOfDate(date: string): string {
  return bind(date, "day", "year(day) * 12 + month(day) - 1");
}

/** A month index only within the plausible reporting years (readMonth's range); NULL otherwise. */
function reportingMonth(index: string): string {
  return bind(
    index,
    "month_index",
    `CASE WHEN month_index BETWEEN ${FIRST_YEAR * 12} AND ${LAST_YEAR * 12 + 11} THEN month_index END`
  );
}

/**
 * The month index of a date in the plausible reporting years, NULL otherwise; `date` is a column or a
 * cheap expression. No lambda (as bind uses): on every row of a large file one costs more than the rest
 * of the expression, and DuckDB computes a repeated expression once.
 */
function reportingMonthOfDate(date: string): string {
  return (
    `(CASE WHEN ${date} BETWEEN DATE '${FIRST_YEAR}-01-01' AND DATE '${LAST_YEAR}-12-31' ` +
    `THEN year(${date}) * 12 + month(${date}) - 1 END)`
  );
}

function monthIndexFromText(x: string): string {
  const numeric = guardedExtract(x, `length(${x}) BETWEEN 6 AND 7`, MONTH_KEY_TEXT, ["y", "m"]);
  const named = guardedExtract(x, `${x}[1] NOT BETWEEN '0' AND '9'`, MONTH_NAME_TEXT, ["name", "y"]);
  const lower = (names: readonly string[]): string => sqlStringList(names.map((text) => text.toLowerCase()));
  const namedMonth =
    `coalesce(list_position(${lower(MONTH_LONG_NAMES)}, lower(named.name)), ` +
    `list_position(${lower(MONTH_SHORT_NAMES)}, lower(named.name)))`;
  const ofParts = (parts: string, month: string): string =>
    `CASE WHEN ${month} BETWEEN 1 AND 12 AND CAST(${parts}.y AS INTEGER) >= 1900 ` +
    `THEN CAST(${parts}.y AS INTEGER) * 12 + ${month} - 1 END`;
  // As in dateFromText: the forms exclude one another, and plain ISO dates go straight to the date cast.
  const general =
    `coalesce(${bind(numeric, "numeric", `CASE WHEN numeric.y <> '' THEN ${ofParts("numeric", "CAST(numeric.m AS INTEGER)")} END`)}, ` +
    `${bind(named, "named", `CASE WHEN named.y <> '' THEN ${ofParts("named", namedMonth)} END`)}, ` +
    `${monthIndexOfDate(dateFromText(x))})`;
  return (
    `(CASE WHEN ${x} GLOB ${PLAIN_ISO_DATE_GLOB} THEN ${reportingMonthOfDate(plainIsoDate(x))} ` +
    `ELSE ${reportingMonth(general)} END)`
  );
}

/** A reporting month as an index (year × 12 + month − 1), within the plausible reporting years; NULL otherwise. */
export function monthIndexValue(x: string, category: ColumnCategory): string {
  switch (category) {
    case "text":
      return monthIndexFromText(x);
    case "boolean":
      return "CAST(NULL AS INTEGER)";
    case "number":
      return reportingMonth(monthIndexOfDate(dateValue(x, category)));
    default:
      return reportingMonthOfDate(dateValue(x, category));
  }
}

/** An EUI-64 as its 64-bit number; NULL for blank or anything that is not one. */
export function eui64Value(x: string, category: ColumnCategory): string {
  if (category !== "text") return "CAST(NULL AS UBIGINT)";
  return `(CASE WHEN regexp_full_match(${x}, ${EUI64_TEXT}) THEN ${eui64ValueOfValid(x)} END)`;
}

/** The 16 hex digits of a valid EUI-64: the separator, if any, is the third character; one replace strips it. */
function eui64Digits(x: string): string {
  return `CASE WHEN length(${x}) = 16 THEN ${x} ELSE replace(${x}, substr(${x}, 3, 1), '') END`;
}

/**
 * The EUI-64 as a UUID value whose low 64 bits are the Device's number; NULL where eui64Value is NULL.
 * The same Device in any accepted form gives the same value, so it serves as the Device's key over tens
 * of millions of rows at a fraction of the cost of eui64Value: DuckDB's UUID cast reads 32 hex digits in
 * either case, skipping any "-", so sixteen zeros before the text leave it the 16 digits of the ID to
 * find. The shape tests (a hex digit wherever the pattern has "_") hold the separators to one kind in
 * the places EUI64_TEXT allows: a misplaced "-" leaves fewer than 16 digits, which the cast refuses.
 */
export function eui64Key(x: string, category: ColumnCategory): string {
  if (category !== "text") return "CAST(NULL AS UUID)";
  const padded = (text: string): string => `TRY_CAST('0000000000000000' || ${text} AS UUID)`;
  return (
    `(CASE WHEN ${x} LIKE '__-__-__-__-__-__-__-__' OR length(${x}) = 16 THEN ${padded(x)} ` +
    `WHEN ${x} LIKE '__:__:__:__:__:__:__:__' THEN ${padded(`replace(${x}, ':', '-')`)} END)`
  );
}

/** An EUI-64 as normaliseEui64 writes it ("90-B3-D5-1F-30-01-00-00"): eight upper-case hex pairs between dashes. */
const CANONICAL_EUI64_GLOB = `'${Array(8).fill("[0-9A-F][0-9A-F]").join("-")}'`;

/**
 * How a Device ID cell is written: 0 in canonical form, 1 in another accepted form, NULL where it is not an
 * EUI-64 (eui64Key's test). `rawColumn` names the cell as in the file, untrimmed: in a machine-written
 * file nearly every cell is canonical, and one GLOB settles that for less than half the cost of trimming
 * and keying it; only the other cells go on to the trim and eui64Key.
 */
export function eui64Form(rawColumn: string, category: ColumnCategory): string {
  if (category !== "text") return "CAST(NULL AS INTEGER)";
  const raw = sqlIdentifier(rawColumn);
  const key = eui64Key(inputExpression(rawColumn, category), category);
  return `(CASE WHEN ${raw} GLOB ${CANONICAL_EUI64_GLOB} THEN 0 WHEN ${key} IS NOT NULL THEN 1 END)`;
}

/** The number of an EUI-64 known to be valid (eui64Value without its test, for rows already checked). */
export function eui64ValueOfValid(x: string): string {
  return `CAST('0x' || (${eui64Digits(x)}) AS UBIGINT)`;
}

/** The canonical text of an EUI-64 number: "90-B3-D5-1F-30-01-00-00" (NULL for NULL). */
export function eui64Text(value: string): string {
  // One printf of the eight bytes: several times faster in DuckDB than splitting a 16-digit hex text.
  // An expression is bound once: printf reads it eight times, and DuckDB would compute it eight times.
  const isColumn = /^[\w."]+$/.test(value);
  const name = isColumn ? value : "eui";
  const bytes = Array.from({ length: 8 }, (_, index) => `(${name} >> ${56 - 8 * index}) & 255`);
  const text = `printf('${Array(8).fill("%02X").join("-")}', ${bytes.join(", ")})`;
  return isColumn ? text : bind(value, name, text);
}

/** Text of a cell ('' when blank): an EUI-64 in canonical form, anything else as written (cleanSupplier). */
export function supplierValue(x: string, category: ColumnCategory): string {
  const text = category === "text" ? x : `CAST(${x} AS VARCHAR)`;
  return `(CASE WHEN ${text} IS NULL THEN '' ELSE coalesce(${eui64Text(eui64Value(text, "text"))}, ${text}) END)`;
}

/** One of `allowed` in upper case, '' when blank, NULL for anything else (cleanDeviceType). */
export function codeValue(x: string, category: ColumnCategory, allowed: readonly string[]): string {
  const text = category === "text" ? x : `trim(CAST(${x} AS VARCHAR))`;
  return `(CASE WHEN ${text} IS NULL OR ${text} = '' THEN '' WHEN upper(${text}) IN ${sqlInList(allowed)} THEN upper(${text}) END)`;
}

/** Excel serial of a DATE (for dates after February 1900, which are the only ones a report shows). */
export function serialOfDate(date: string): string {
  return `CAST(date_diff('day', ${EXCEL_EPOCH}, ${date}) AS INTEGER)`;
}
