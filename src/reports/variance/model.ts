/**
 * The figures shared by the two variance reports (SR, H3.24 and CSR, L8.9): one row per party and
 * month, its status, the totals and the exceptions in order.
 */
import {
  type MonthKey,
  type VarianceReport,
  type VarianceStatus,
  formatMonthLong,
  percentOfForecast,
  varianceStatus,
} from "../../sec";
import { type ReportOptions, dueDateOf } from "../options";

/** One party's month in a variance report. */
export interface VarianceRow {
  /** Normalised EUI-64, or "Subscriber N" when redacted. */
  id: string;
  name: string;
  /** User Role code for SR ("" when not given); always "" for CSR. */
  role: string;
  forecast: number | null;
  actual: number;
  /** actual − forecast; null when no forecast was received. */
  difference: number | null;
  /** actual ÷ forecast; null where undefined (forecast blank or 0). */
  percent: number | null;
  status: VarianceStatus;
}

export interface VarianceTotals {
  /** Parties with a row in the month. */
  parties: number;
  /** Parties whose forecast was received. */
  withForecast: number;
  /** Sum of the forecasts received. */
  forecast: number;
  actual: number;
  /** Total actual ÷ total forecast; null when the total forecast is 0. */
  percent: number | null;
}

export type StatusCounts = Record<VarianceStatus, number>;

/** Forecast against actual for a group of rows (a chart category). */
export interface ForecastActual {
  label: string;
  forecast: number;
  actual: number;
}

export interface VarianceModelBase {
  period: MonthKey;
  /** "January 2018" */
  periodLabel: string;
  /** Serial of the 10th Working Day after the month. */
  dueDate: number;
  /** Every party of the month, by ID. */
  rows: VarianceRow[];
  /** Rows whose status is not Within, by |actual − forecast| descending (no forecast counts as 0), ties by ID. */
  exceptions: VarianceRow[];
  totals: VarianceTotals;
  statusCounts: StatusCounts;
}

function emptyStatusCounts(): StatusCounts {
  return { Over: 0, Under: 0, Within: 0, "No forecast": 0 };
}

export interface PartyMonth {
  id: string;
  name: string;
  role: string;
  forecast: number | null;
  actual: number;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How far actual is from forecast, for ordering exceptions (no forecast counts as 0). */
function distance(row: VarianceRow): number {
  return Math.abs(row.actual - (row.forecast ?? 0));
}

/** The variance figures of the records of options.period; `partyOf` reads a record as a party's month. */
export function varianceBase<R extends { period: MonthKey }>(
  records: readonly R[],
  partyOf: (record: R) => PartyMonth,
  report: VarianceReport,
  options: ReportOptions
): VarianceModelBase {
  const parties: PartyMonth[] = [];
  for (const record of records) if (record.period === options.period) parties.push(partyOf(record));
  const rows: VarianceRow[] = parties
    .map((party) => ({
      id: party.id,
      name: party.name,
      role: party.role,
      forecast: party.forecast,
      actual: party.actual,
      difference: party.forecast === null ? null : party.actual - party.forecast,
      percent: percentOfForecast(party.actual, party.forecast),
      status: varianceStatus(party.actual, party.forecast, report),
    }))
    .sort(byId);
  const statusCounts = emptyStatusCounts();
  const totals: VarianceTotals = {
    parties: rows.length,
    withForecast: 0,
    forecast: 0,
    actual: 0,
    percent: null,
  };
  for (const row of rows) {
    statusCounts[row.status]++;
    totals.actual += row.actual;
    if (row.forecast !== null) {
      totals.withForecast++;
      totals.forecast += row.forecast;
    }
  }
  totals.percent = totals.forecast > 0 ? totals.actual / totals.forecast : null;
  const exceptions = rows
    .filter((row) => row.status !== "Within")
    .sort((a, b) => distance(b) - distance(a) || byId(a, b));
  return {
    period: options.period,
    periodLabel: formatMonthLong(options.period),
    dueDate: dueDateOf(options),
    rows,
    exceptions,
    totals,
    statusCounts,
  };
}

/**
 * Forecast against actual summed per group (a chart's categories), in `order`; a label not in
 * `order` goes last. Groups with no rows are left out unless `keepEmpty`.
 */
export function forecastActualBy(
  rows: readonly VarianceRow[],
  labelOf: (row: VarianceRow) => string,
  order: readonly string[],
  keepEmpty = false
): ForecastActual[] {
  const groups = new Map<string, ForecastActual>();
  if (keepEmpty) for (const label of order) groups.set(label, { label, forecast: 0, actual: 0 });
  for (const row of rows) {
    const label = labelOf(row);
    const group = groups.get(label) ?? { label, forecast: 0, actual: 0 };
    group.forecast += row.forecast ?? 0;
    group.actual += row.actual;
    groups.set(label, group);
  }
  const rank = (label: string): number => (order.includes(label) ? order.indexOf(label) : order.length);
  return [...groups.values()].sort((a, b) => rank(a.label) - rank(b.label));
}
