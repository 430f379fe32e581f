/** Monthly Service Metrics against their thresholds (SEC H3.24(b)): every User's metrics, breaches, per metric. */
import { type MetricStatus, metricStatus } from "../../sec/threshold";
import type { MetricRecord } from "../check";

/** One User's metric in the month, with its status. */
export interface MetricRow extends Omit<MetricRecord, "period" | "sourceRow"> {
  status: MetricStatus;
}

/** One metric across the month's Users. */
export interface MetricSummaryRow {
  metric: string;
  /** Rows for the metric (one per User). */
  users: number;
  breaches: number;
  noValue: number;
}

export interface SrMetrics {
  /** Every User's metrics, by User ID then Metric. */
  rows: MetricRow[];
  /** The rows that breach, in the same order. */
  breaches: MetricRow[];
  /** Per metric, by Metric name. */
  summary: MetricSummaryRow[];
  totals: { rows: number; breaches: number; noValue: number };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The metrics of a month's records. */
export function metricsOf(records: readonly MetricRecord[]): SrMetrics {
  const rows: MetricRow[] = records
    .map((record) => ({
      userId: record.userId,
      userName: record.userName,
      metric: record.metric,
      value: record.value,
      threshold: record.threshold,
      breachWhen: record.breachWhen,
      status: metricStatus(record.value, record.threshold, record.breachWhen),
    }))
    .sort((a, b) => compare(a.userId, b.userId) || compare(a.metric, b.metric));
  const perMetric = new Map<string, MetricSummaryRow>();
  for (const row of rows) {
    const entry = perMetric.get(row.metric) ?? { metric: row.metric, users: 0, breaches: 0, noValue: 0 };
    entry.users++;
    if (row.status === "Breach") entry.breaches++;
    if (row.status === "No value") entry.noValue++;
    perMetric.set(row.metric, entry);
  }
  const breaches = rows.filter((row) => row.status === "Breach");
  return {
    rows,
    breaches,
    summary: [...perMetric.values()].sort((a, b) => compare(a.metric, b.metric)),
    totals: {
      rows: rows.length,
      breaches: breaches.length,
      noValue: rows.filter((row) => row.status === "No value").length,
    },
  };
}
