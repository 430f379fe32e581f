/** What a run of the report builder is asked for, and the dates that follow from it. */
import { type MonthKey, formatSerialLong, reportDueDate } from "../sec";
import type { CheckedData } from "./check";
import type { ReportChoice } from "./registry";
import type { AuditInfo } from "./stamp";

export interface ReportOptions {
  period: MonthKey;
  reports: ReportChoice[];
  redactCsr: boolean;
  /** Extra non-working days (serials) on top of the England and Wales bank holidays. */
  extraHolidays?: readonly number[];
  /** The audit stamp for each report sheet's header block (stamp.ts); none when not given. */
  audit?: AuditInfo;
}

/** The due date of a month's reports: the 10th Working Day after its end. */
export function dueDateOf(options: ReportOptions): number {
  const extra =
    options.extraHolidays && options.extraHolidays.length > 0 ? new Set(options.extraHolidays) : undefined;
  return reportDueDate(options.period, 10, extra);
}

/** The latest month with any data, or null when there is none. */
export function latestMonth(data: CheckedData): MonthKey | null {
  return data.months.length > 0 ? data.months[data.months.length - 1] : null;
}

/** "14 February 2018" for a serial. */
export function dueDateText(serial: number): string {
  return formatSerialLong(serial);
}
