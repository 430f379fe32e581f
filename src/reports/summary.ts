/**
 * One summary of a month's report models: the headline figures that the cover paper, the task pane
 * and the runner's output all show. Built from the models that the sheets are built from, once.
 */
import { type MonthKey, type VarianceStatus, formatMonthLong } from "../sec";
import type { CsrModel } from "./csr/model";
import { type ReportOptions, dueDateOf, dueDateText } from "./options";
import type { PciModel } from "./pci/model";
import type { SrModel } from "./sr/model";
import type { VarianceModelBase } from "./variance/model";

/** Statuses that make an exception, in the order summaries list them. */
export const EXCEPTION_STATUSES: readonly VarianceStatus[] = ["Over", "Under", "No forecast"];

export interface VarianceHeadline {
  parties: number;
  forecast: number;
  actual: number;
  /** Actual as a fraction of forecast; null when there is no forecast. */
  percent: number | null;
  exceptions: number;
  /** Rows per status (Within included). */
  exceptionsByStatus: Record<VarianceStatus, number>;
}

export interface PciHeadline {
  /** null when the month has no device snapshot. */
  listed: number | null;
  /** null when the month or the one before has no snapshot. */
  added: number | null;
  removed: number | null;
}

/** The Monthly Service Metrics of the SR report. */
export interface MetricsHeadline {
  /** Metric rows (User and metric) in the month. */
  metrics: number;
  breaches: number;
  noValue: number;
}

export interface ReportSummary {
  period: MonthKey;
  /** e.g. "January 2018". */
  periodLabel: string;
  /** e.g. "14 February 2018". */
  dueDate: string;
  sr?: VarianceHeadline;
  /** With the SR report when there is a Service Metrics input. */
  metrics?: MetricsHeadline;
  csr?: VarianceHeadline;
  pci?: PciHeadline;
}

/** The models a summary is made from; a report not chosen is absent. */
export interface SummarisedModels {
  sr?: SrModel;
  csr?: CsrModel;
  pci?: PciModel;
}

function varianceHeadline(model: VarianceModelBase): VarianceHeadline {
  return {
    parties: model.totals.parties,
    forecast: model.totals.forecast,
    actual: model.totals.actual,
    percent: model.totals.percent,
    exceptions: model.exceptions.length,
    exceptionsByStatus: { ...model.statusCounts },
  };
}

/** The headline figures of the models of one month. */
export function summariseModels(options: ReportOptions, models: SummarisedModels): ReportSummary {
  const summary: ReportSummary = {
    period: options.period,
    periodLabel: formatMonthLong(options.period),
    dueDate: dueDateText(dueDateOf(options)),
  };
  if (models.sr) summary.sr = varianceHeadline(models.sr);
  if (models.sr?.metrics) {
    const { totals } = models.sr.metrics;
    summary.metrics = { metrics: totals.rows, breaches: totals.breaches, noValue: totals.noValue };
  }
  if (models.csr) summary.csr = varianceHeadline(models.csr);
  if (models.pci) {
    const { current } = models.pci;
    summary.pci = { listed: current.listed, added: current.added, removed: current.removed };
  }
  return summary;
}
