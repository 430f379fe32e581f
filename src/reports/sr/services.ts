/** Service Requests by Service (SEC H3.24(a)): the month's Users summed per Service. */
import { type VarianceStatus, percentOfForecast, varianceStatus } from "../../sec";
import type { SrRecord } from "../check";

export interface ServiceRow {
  /** The Service as written; "" when not given. */
  service: string;
  /** Users with a row for the Service. */
  users: number;
  /** The summed forecast of the Users who gave one; null when none did. */
  forecast: number | null;
  /** The summed actual of all its Users. */
  actual: number;
  /** actual − forecast; null without a forecast. */
  difference: number | null;
  /** actual ÷ forecast; null where undefined (no forecast, or 0). */
  percent: number | null;
  /** The SR rule applied to the sums. */
  status: VarianceStatus;
}

/** The Services of a month's records, ordered by Service name ("" last). */
export function servicesOf(records: readonly SrRecord[]): ServiceRow[] {
  const sums = new Map<string, { users: number; forecast: number | null; actual: number }>();
  for (const record of records) {
    for (const counts of record.services) {
      const sum = sums.get(counts.service) ?? { users: 0, forecast: null, actual: 0 };
      sum.users++;
      if (counts.forecast !== null) sum.forecast = (sum.forecast ?? 0) + counts.forecast;
      sum.actual += counts.actual;
      sums.set(counts.service, sum);
    }
  }
  const names = [...sums.keys()].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return names.map((service) => {
    const { users, forecast, actual } = sums.get(service) as {
      users: number;
      forecast: number | null;
      actual: number;
    };
    return {
      service,
      users,
      forecast,
      actual,
      difference: forecast === null ? null : actual - forecast,
      percent: percentOfForecast(actual, forecast),
      status: varianceStatus(actual, forecast, "SR"),
    };
  });
}
