/**
 * Headline figures for the pane's result summary, taken from the report models (the same models the
 * sheets are built from, so the pane and the sheets agree).
 */
import {
  buildCsrModel,
  buildPciModel,
  buildSrModel,
  dueDateOf,
  dueDateText,
  type CheckedData,
  type ReportOptions,
  type VarianceRow,
} from "../reports";
import { formatMonthLong, type VarianceStatus } from "../sec";

/** Statuses that make an exception, in the order the pane lists them. */
export const EXCEPTION_STATUSES: readonly VarianceStatus[] = ["Over", "Under", "No forecast"];

export interface VarianceHeadline {
  parties: number;
  forecast: number;
  actual: number;
  /** Actual as a fraction of forecast; null when there is no forecast. */
  percent: number | null;
  exceptions: number;
  /** Exceptions per status (statuses with none are 0). */
  exceptionsByStatus: Record<VarianceStatus, number>;
}

export interface PciHeadline {
  /** null when the month has no device snapshot. */
  listed: number | null;
  added: number | null;
  removed: number | null;
}

export interface ReportSummary {
  periodLabel: string;
  /** e.g. "14 February 2018". */
  dueDate: string;
  sr?: VarianceHeadline;
  csr?: VarianceHeadline;
  pci?: PciHeadline;
}

function varianceHeadline(model: {
  rows: readonly VarianceRow[];
  exceptions: readonly VarianceRow[];
  totals: { forecast: number; actual: number; percent: number | null };
}): VarianceHeadline {
  const exceptionsByStatus: Record<VarianceStatus, number> = {
    Over: 0,
    Under: 0,
    Within: 0,
    "No forecast": 0,
  };
  for (const row of model.exceptions) exceptionsByStatus[row.status] += 1;
  return {
    parties: model.rows.length,
    forecast: model.totals.forecast,
    actual: model.totals.actual,
    percent: model.totals.percent,
    exceptions: model.exceptions.length,
    exceptionsByStatus,
  };
}

export function summariseReports(data: CheckedData, options: ReportOptions): ReportSummary {
  const summary: ReportSummary = {
    periodLabel: formatMonthLong(options.period),
    dueDate: dueDateText(dueDateOf(options)),
  };
  if (options.reports.includes("sr")) summary.sr = varianceHeadline(buildSrModel(data, options));
  if (options.reports.includes("csr")) summary.csr = varianceHeadline(buildCsrModel(data, options));
  if (options.reports.includes("pci")) {
    const { current } = buildPciModel(data, options);
    summary.pci = { listed: current.listed, added: current.added, removed: current.removed };
  }
  return summary;
}
