/**
 * The DCC custom functions (namespace DCC in the manifest). Each one coerces Excel values with
 * src/sec/coerce, broadcasts its ranges, and applies the SEC rules from src/sec. Nothing here throws for bad
 * data: a bad element becomes an Excel error in its own cell, a bad call a #VALUE! error.
 *
 * Metadata (functions.json) is generated from the JSDoc below by custom-functions-metadata-plugin, which also
 * appends the `CustomFunctions.associate` calls to this file in the webpack build, so this file must not
 * call `associate` itself (and must not be imported by another bundle, or the functions register twice).
 * The plugin reads only top-level `function` declarations and TypeScript types it knows: so parameters are
 * `unknown[][]` (a range) or `unknown` (a single value) and results `Array<Array<…>>`, never type aliases.
 */
// Imported from the modules rather than the "../sec" index: under CommonJS (the runner, jest, the benchmarks)
// `export *` turns every call into a getter lookup, which costs more than the rule on a million rows.
import { addWorkingDays, reportDueDate } from "../sec/calendar";
import {
  isBlankCell,
  isCellProblem,
  readCount,
  readDate,
  readInterrogated,
  readMonth,
  readNumber,
  readYesNo,
} from "../sec/coerce";
import { type MonthKey, formatSerialIso, lastDayOfMonthSerial } from "../sec/dates";
import { isPciDue, pciFailureMask, pciReasonsText } from "../sec/pci";
import { type BreachWhen, metricStatus, parseBreachWhen } from "../sec/threshold";
import { type VarianceReport, percentOfForecast, varianceStatus } from "../sec/variance";
import {
  type Broadcast,
  type ResultCell,
  type ResultMatrix,
  describeValue,
  eachCell,
  filled,
  optionValue,
  planBroadcast,
  readHolidays,
} from "./broadcast";
import {
  divisionByZeroError,
  errorForProblem,
  isInputError,
  notAvailableError,
  numberError,
  valueError,
} from "./errors";

/** 9999-12-31, Excel's last date. */
const LAST_EXCEL_SERIAL = 2958465;
/** SEC H3.24 and L8.9: "by the 10th Working Day following the end of each month". */
const DEFAULT_REPORT_WORKING_DAYS = 10;

// ---------------------------------------------------------------------------------------------------------
// Options (single values).

function readReportOption(option: unknown): VarianceReport | CustomFunctions.Error {
  const value = optionValue(option);
  if (value === undefined) return "SR";
  const text = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (text === "SR" || text === "CSR") return text;
  return valueError(`report must be "SR" or "CSR", not ${describeValue(value)}`);
}

type VarianceResultKind = "status" | "percent";

function readResultOption(option: unknown): VarianceResultKind | CustomFunctions.Error {
  const value = optionValue(option);
  if (value === undefined) return "status";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "status" || text === "percent") return text;
  return valueError(`result must be "status" or "percent", not ${describeValue(value)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Working-day arithmetic that answers #NUM! instead of throwing when a date leaves Excel's range.

function workdayOrError(start: number, days: number, holidays: ReadonlySet<number> | undefined): ResultCell {
  const whole = Math.trunc(days);
  // Each working day moves at least one calendar day, so these results are out of range without looking.
  if (start + whole > LAST_EXCEL_SERIAL || start + whole < 1) return numberError();
  try {
    return addWorkingDays(start, whole, holidays);
  } catch (error) {
    if (error instanceof RangeError) return numberError();
    throw error;
  }
}

function dueDateOrError(
  period: MonthKey,
  workingDays: number,
  holidays: ReadonlySet<number> | undefined
): ResultCell {
  // The Nth Working Day after the month: N is at least 1, and each one moves at least a calendar day.
  if (workingDays < 1 || lastDayOfMonthSerial(period) + workingDays > LAST_EXCEL_SERIAL) return numberError();
  try {
    return reportDueDate(period, workingDays, holidays);
  } catch (error) {
    if (error instanceof RangeError) return numberError();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The custom functions.

// Each function classifies one element in a top-level function and builds rows in its own loop. A
// one-column row is built as the literal `[cell]`: V8 makes that several times faster than
// `new Array(1)`, and the usual call is a single column of a million rows.

/** One SECVARIANCE cell. */
function varianceCell(
  actualCell: unknown,
  forecastCell: unknown,
  report: VarianceReport,
  wantPercent: boolean
): ResultCell {
  const actual = readCount(actualCell);
  if (isCellProblem(actual)) return errorForProblem("actual", actualCell, actual);
  const forecast = readCount(forecastCell);
  if (isCellProblem(forecast)) return errorForProblem("forecast", forecastCell, forecast);
  const actualCount = actual === null ? 0 : actual;
  if (!wantPercent) return varianceStatus(actualCount, forecast, report);
  if (forecast === null)
    return notAvailableError("No forecast was received, so there is no percent of forecast");
  if (forecast === 0) return divisionByZeroError();
  const percent = percentOfForecast(actualCount, forecast);
  // Only absurd inputs (a huge actual over a tiny forecast) overflow.
  return percent !== null && Number.isFinite(percent) ? percent : numberError();
}

/**
 * SEC forecast variance: Over, Under, Within or No forecast (or actual ÷ forecast) for SR or CSR reports.
 * @customfunction SECVARIANCE SECVARIANCE
 * @param actual Number of requests sent: a cell or a range. A blank cell counts as 0.
 * @param forecast The most recent forecast for the month: a cell or a range the same size as actual. Leave blank where no forecast was received.
 * @param report "SR" for Service Requests (the default) or "CSR" for Certificate Signing Requests, which have no lower threshold.
 * @param result "status" (the default) for Over, Under, Within or No forecast; "percent" for actual ÷ forecast.
 * @returns The status, or actual ÷ forecast, for each pair; spills to the size of the ranges.
 */
export function secVariance(
  actual: unknown[][],
  forecast: unknown[][],
  report?: unknown,
  result?: unknown
): Array<Array<string | number | CustomFunctions.Error>> {
  const plan = planBroadcast([
    ["actual", actual],
    ["forecast", forecast],
  ]);
  if (typeof plan === "string") return [[valueError(plan)]];
  const reportKind = readReportOption(report);
  if (typeof reportKind !== "string") return filled(plan.shape, reportKind);
  const resultKind = readResultOption(result);
  if (typeof resultKind !== "string") return filled(plan.shape, resultKind);

  const { rows, columns } = plan.shape;
  const [actualAt, forecastAt] = plan.readers;
  const wantPercent = resultKind === "percent";
  const output: ResultMatrix = new Array<ResultCell[]>(rows);
  for (let row = 0; row < rows; row++) {
    if (columns === 1) {
      output[row] = [varianceCell(actualAt.cell(row, 0), forecastAt.cell(row, 0), reportKind, wantPercent)];
      continue;
    }
    const cells = new Array<ResultCell>(columns);
    for (let column = 0; column < columns; column++) {
      cells[column] = varianceCell(
        actualAt.cell(row, column),
        forecastAt.cell(row, column),
        reportKind,
        wantPercent
      );
    }
    output[row] = cells;
  }
  return output;
}

/** The seven PCIFLAG arguments, read at one position. */
class PciReaders {
  private readonly commissionedAt: Broadcast;
  private readonly measuredAt: Broadcast;
  private readonly interrogatedAt: Broadcast;
  private readonly anchorAt: Broadcast;
  private readonly issueAt: Broadcast;
  private readonly deviceAt: Broadcast;
  private readonly krpAt: Broadcast;

  /** The readers in PCIFLAG's argument order. */
  constructor(readers: readonly Broadcast[]) {
    this.commissionedAt = readers[0];
    this.measuredAt = readers[1];
    this.interrogatedAt = readers[2];
    this.anchorAt = readers[3];
    this.issueAt = readers[4];
    this.deviceAt = readers[5];
    this.krpAt = readers[6];
  }

  /** One PCIFLAG cell. Every argument is read first, so bad data shows even on rows not yet due. */
  cell(row: number, column: number): ResultCell {
    const commissionedCell = this.commissionedAt.cell(row, column);
    const commissioned = readDate(commissionedCell);
    if (isCellProblem(commissioned)) return errorForProblem("commissioned", commissionedCell, commissioned);
    const measuredCell = this.measuredAt.cell(row, column);
    const measured = readDate(measuredCell);
    if (isCellProblem(measured)) return errorForProblem("measured", measuredCell, measured);
    const interrogatedCell = this.interrogatedAt.cell(row, column);
    const interrogated = readInterrogated(interrogatedCell);
    if (isCellProblem(interrogated)) return errorForProblem("interrogated", interrogatedCell, interrogated);
    const anchorCell = this.anchorAt.cell(row, column);
    const anchor = readYesNo(anchorCell);
    if (isCellProblem(anchor)) return errorForProblem("recovery_anchor", anchorCell, anchor);
    const issueCell = this.issueAt.cell(row, column);
    const issue = readCount(issueCell);
    if (isCellProblem(issue)) return errorForProblem("issue_sc", issueCell, issue);
    const deviceCell = this.deviceAt.cell(row, column);
    const device = readCount(deviceCell);
    if (isCellProblem(device)) return errorForProblem("update_sc_device", deviceCell, device);
    const krpCell = this.krpAt.cell(row, column);
    const krp = readCount(krpCell);
    if (isCellProblem(krp)) return errorForProblem("update_sc_krp", krpCell, krp);

    if (commissioned === null) return "Not commissioned";
    if (measured === null) return valueError("measured is blank: give the measurement date");
    if (commissioned > measured) {
      return valueError(
        `commissioned ${formatSerialIso(commissioned)} is after measured ${formatSerialIso(measured)}: ` +
          "a Device cannot be commissioned after the measurement date"
      );
    }
    if (!isPciDue(commissioned, measured)) return "Not due";
    const mask = pciFailureMask(
      measured,
      interrogated,
      anchor,
      issue === null ? 0 : issue,
      device === null ? 0 : device,
      krp === null ? 0 : krp
    );
    return mask === 0 ? "Complete" : pciReasonsText(mask);
  }
}

// SEC Appendix AC 5.8: a Device commissioned more than seven days ago fails a (not interrogated by the
// measurement date), b (no Recovery Trust Anchor credentials), c/d/e (fewer than two of each request).
/**
 * Post-commissioning check (SEC AC 5.8): Not commissioned, Not due, Complete, or failed criteria like a,c,e.
 * @customfunction PCIFLAG PCIFLAG
 * @param commissioned Date the Device was commissioned (blank if it has not been).
 * @param measured Measurement date, usually the last day of the month.
 * @param interrogated Whether DCC has successfully interrogated the Device (TRUE/FALSE, Yes/No, Y/N, 1/0), or the date of the first successful interrogation.
 * @param recovery_anchor Whether the Recovery Trust Anchor Cell holds the Recovery Certificate's Device Security Credentials (TRUE/FALSE, Yes/No, Y/N, 1/0).
 * @param issue_sc Number of Issue Security Credentials Service Requests (SRV 6.17) the Device has received.
 * @param update_sc_device Number of Update Security Credentials (Device) Service Requests (SRV 6.15.2).
 * @param update_sc_krp Number of Update Security Credentials (KRP) Service Requests (SRV 6.15.1).
 * @returns The Device's post-commissioning state; spills to the size of the ranges.
 */
export function pciFlag(
  commissioned: unknown[][],
  measured: unknown[][],
  interrogated: unknown[][],
  recovery_anchor: unknown[][],
  issue_sc: unknown[][],
  update_sc_device: unknown[][],
  update_sc_krp: unknown[][]
): Array<Array<string | number | CustomFunctions.Error>> {
  const plan = planBroadcast([
    ["commissioned", commissioned],
    ["measured", measured],
    ["interrogated", interrogated],
    ["recovery_anchor", recovery_anchor],
    ["issue_sc", issue_sc],
    ["update_sc_device", update_sc_device],
    ["update_sc_krp", update_sc_krp],
  ]);
  if (typeof plan === "string") return [[valueError(plan)]];

  const { rows, columns } = plan.shape;
  const devices = new PciReaders(plan.readers);
  const output: ResultMatrix = new Array<ResultCell[]>(rows);
  for (let row = 0; row < rows; row++) {
    if (columns === 1) {
      output[row] = [devices.cell(row, 0)];
      continue;
    }
    const cells = new Array<ResultCell>(columns);
    for (let column = 0; column < columns; column++) cells[column] = devices.cell(row, column);
    output[row] = cells;
  }
  return output;
}

/** One SECDUEDATE cell. */
function dueDateCell(
  periodCell: unknown,
  workingDaysCell: unknown,
  holidays: ReadonlySet<number> | undefined
): ResultCell {
  const month = readMonth(periodCell);
  if (isCellProblem(month)) return errorForProblem("period", periodCell, month);
  if (month === null) return valueError('period is blank: give a date in the month or "YYYY-MM" text');
  const workingDays = readCount(workingDaysCell);
  if (isCellProblem(workingDays)) return errorForProblem("working_days", workingDaysCell, workingDays);
  const count = workingDays === null ? DEFAULT_REPORT_WORKING_DAYS : Math.trunc(workingDays);
  return dueDateOrError(month, count, holidays);
}

// SEC H3.24 and L8.9: reports are due "by the 10th Working Day following the end of each month".
/**
 * Due date of a monthly SEC report: the 10th (or Nth) Working Day after the month ends. Format as a date.
 * @customfunction SECDUEDATE SECDUEDATE
 * @param period The report month: any date in it, or "YYYY-MM" text such as "2018-01".
 * @param working_days Which Working Day after the end of the month; 10 if omitted.
 * @param holidays Extra non-working dates, in a range of any shape; blank cells are ignored.
 * @returns The due date as a date serial number; spills to the size of the ranges.
 */
export function secDueDate(
  period: unknown[][],
  working_days?: unknown[][],
  holidays?: unknown[][]
): Array<Array<string | number | CustomFunctions.Error>> {
  const plan = planBroadcast([
    ["period", period],
    ["working_days", working_days],
  ]);
  if (typeof plan === "string") return [[valueError(plan)]];
  const extraHolidays = readHolidays(holidays);
  if (extraHolidays instanceof CustomFunctions.Error) return filled(plan.shape, extraHolidays);

  const { rows, columns } = plan.shape;
  const [periodAt, workingDaysAt] = plan.readers;
  const output: ResultMatrix = new Array<ResultCell[]>(rows);
  for (let row = 0; row < rows; row++) {
    const cells = new Array<ResultCell>(columns);
    for (let column = 0; column < columns; column++) {
      cells[column] = dueDateCell(periodAt.cell(row, column), workingDaysAt.cell(row, column), extraHolidays);
    }
    output[row] = cells;
  }
  return output;
}

/** One SECWORKDAY cell. */
function workdayCell(
  startCell: unknown,
  daysCell: unknown,
  holidays: ReadonlySet<number> | undefined
): ResultCell {
  const start = readDate(startCell);
  if (isCellProblem(start)) return errorForProblem("start", startCell, start);
  if (start === null) return valueError("start is blank: give the start date");
  const days = readNumber(daysCell);
  if (isCellProblem(days)) return errorForProblem("days", daysCell, days);
  return workdayOrError(start, days === null ? 0 : days, holidays);
}

/**
 * Like WORKDAY on the England and Wales calendar: the date a number of Working Days before or after start.
 * @customfunction SECWORKDAY SECWORKDAY
 * @param start The start date (not itself counted).
 * @param days Working Days to move: positive for later, negative for earlier, 0 for start itself; decimals are truncated.
 * @param holidays Extra non-working dates, in a range of any shape; blank cells are ignored.
 * @returns The date as a date serial number; spills to the size of the ranges.
 */
export function secWorkday(
  start: unknown[][],
  days: unknown[][],
  holidays?: unknown[][]
): Array<Array<string | number | CustomFunctions.Error>> {
  const plan = planBroadcast([
    ["start", start],
    ["days", days],
  ]);
  if (typeof plan === "string") return [[valueError(plan)]];
  const extraHolidays = readHolidays(holidays);
  if (extraHolidays instanceof CustomFunctions.Error) return filled(plan.shape, extraHolidays);

  const { rows, columns } = plan.shape;
  const [startAt, daysAt] = plan.readers;
  const output: ResultMatrix = new Array<ResultCell[]>(rows);
  for (let row = 0; row < rows; row++) {
    const cells = new Array<ResultCell>(columns);
    for (let column = 0; column < columns; column++) {
      cells[column] = workdayCell(startAt.cell(row, column), daysAt.cell(row, column), extraHolidays);
    }
    output[row] = cells;
  }
  return output;
}

/** Breach When from a cell: text in any case, blank for "above". */
function breachWhenOf(cell: unknown): BreachWhen | CustomFunctions.Error {
  if (isInputError(cell)) return cell;
  const when = isBlankCell(cell)
    ? parseBreachWhen(null)
    : typeof cell === "string"
      ? parseBreachWhen(cell)
      : null;
  if (when !== null) return when;
  return valueError(
    `breach_when must be "above", "at or above", "below" or "at or below", not ${describeValue(cell)}`
  );
}

/** One SECTHRESHOLD cell. Every argument is read first, so a bad threshold shows even without a value. */
function thresholdCell(valueCell: unknown, thresholdCell: unknown, breachWhenCell: unknown): ResultCell {
  const value = readNumber(valueCell);
  if (isCellProblem(value)) return errorForProblem("value", valueCell, value);
  const threshold = readNumber(thresholdCell);
  if (isCellProblem(threshold)) return errorForProblem("threshold", thresholdCell, threshold);
  if (threshold === null) return valueError("threshold is blank: give the Monthly Service Threshold");
  const when = breachWhenOf(breachWhenCell);
  if (typeof when !== "string") return when;
  const status = metricStatus(value, threshold, when);
  return status === "No value" ? notAvailableError("No value") : status;
}

/**
 * A Monthly Service Metric against its Monthly Service Threshold (SEC H3.24(b)): Breach or Within.
 * @customfunction SECTHRESHOLD SECTHRESHOLD
 * @param value The metric's current value: a cell or a range. Blank gives #N/A (No value).
 * @param threshold The Monthly Service Threshold: a cell or a range the same size as value.
 * @param breach_when Which side is a breach: "above" (the default), "at or above", "below" or "at or below", in any case; a cell or a range.
 * @returns Breach or Within for each value; spills to the size of the ranges.
 */
export function secThreshold(
  value: unknown[][],
  threshold: unknown[][],
  breach_when?: unknown[][]
): Array<Array<string | number | CustomFunctions.Error>> {
  const plan = planBroadcast([
    ["value", value],
    ["threshold", threshold],
    ["breach_when", breach_when],
  ]);
  if (typeof plan === "string") return [[valueError(plan)]];
  const [valueAt, thresholdAt, breachWhenAt] = plan.readers;
  return eachCell(plan.shape, (row, column) =>
    thresholdCell(valueAt.cell(row, column), thresholdAt.cell(row, column), breachWhenAt.cell(row, column))
  );
}
