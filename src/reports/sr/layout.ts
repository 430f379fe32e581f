/** The SR Variance sheet (SEC H3.24): the variance tables, then by Service, then the Monthly Service Metrics. */
import type { CellValue, SheetLayout } from "../layout";
import { SR_REPORT, tableName } from "../registry";
import {
  COUNT_FORMAT,
  DIFFERENCE_FORMAT,
  PERCENT_FORMAT,
  STATUS_COLORS,
  type SheetBuilder,
  type StatusColor,
} from "../sheet/builder";
import { VARIANCE_COLUMNS, varianceSheet } from "../variance/layout";
import type { MetricStatus } from "../../sec/threshold";
import type { SrMetrics } from "./metrics";
import type { SrModel } from "./model";
import type { ServiceRow } from "./services";

const USER_COLUMNS = ["User ID", "User Name", "User Role"] as const;
export const SR_COLUMNS = [...USER_COLUMNS, ...VARIANCE_COLUMNS] as const;
export const SR_SERVICE_COLUMNS = ["Service", "Users", ...VARIANCE_COLUMNS] as const;
export const SR_METRIC_COLUMNS = [
  "User ID",
  "User Name",
  "Metric",
  "Value",
  "Threshold",
  "Breach When",
  "Status",
] as const;
export const SR_METRIC_SUMMARY_COLUMNS = ["Metric", "Users", "Breaches", "No Value"] as const;

/** Fill and font of each metric status. */
export const METRIC_STATUS_COLORS: Record<MetricStatus, StatusColor> = {
  Breach: STATUS_COLORS.Over,
  Within: STATUS_COLORS.Within,
  "No value": { fill: "#EDEDED", fontColor: "#3A3A3A" },
};

/** Metric names are longer than role codes: column C widens when the metrics are on the sheet. */
const METRIC_COLUMN_WIDTH = 40;

function serviceTable(sheet: SheetBuilder, model: SrModel, services: ServiceRow[]): void {
  sheet.heading("Service Requests by Service (SEC H3.24(a))");
  sheet.table(
    {
      name: tableName(SR_REPORT.tables.services, model.period),
      headers: [...SR_SERVICE_COLUMNS],
      columnFormats: [
        null,
        COUNT_FORMAT,
        COUNT_FORMAT,
        COUNT_FORMAT,
        DIFFERENCE_FORMAT,
        PERCENT_FORMAT,
        null,
      ],
    },
    services.map((row): CellValue[] => [
      row.service === "" ? "(not given)" : row.service,
      row.users,
      row.forecast,
      row.actual,
      row.difference,
      row.percent,
      row.status,
    ]),
    { col: SR_SERVICE_COLUMNS.length - 1, colors: STATUS_COLORS }
  );
}

function metricTables(sheet: SheetBuilder, model: SrModel, metrics: SrMetrics): void {
  sheet.heading("Monthly Service Metrics against their thresholds (SEC H3.24(b))");
  if (metrics.rows.length === 0) {
    sheet.line(`No Service Metrics for ${model.periodLabel}.`, { italic: true });
    sheet.blank();
    return;
  }
  sheet.layout.columnWidths[2] = Math.max(sheet.layout.columnWidths[2] ?? 0, METRIC_COLUMN_WIDTH);
  sheet.heading("By metric");
  sheet.table(
    {
      name: tableName(SR_REPORT.tables.metricSummary, model.period),
      headers: [...SR_METRIC_SUMMARY_COLUMNS],
      columnFormats: [null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT],
    },
    metrics.summary.map((row) => [row.metric, row.users, row.breaches, row.noValue])
  );
  const status = { col: SR_METRIC_COLUMNS.length - 1, colors: METRIC_STATUS_COLORS };
  const metricTablesInOrder = [
    { heading: "Breaches", prefix: SR_REPORT.tables.metricBreaches, rows: metrics.breaches },
    { heading: "Every User's metrics", prefix: SR_REPORT.tables.metrics, rows: metrics.rows },
  ];
  for (const { heading, prefix, rows } of metricTablesInOrder) {
    sheet.heading(heading);
    sheet.table(
      {
        name: tableName(prefix, model.period),
        headers: [...SR_METRIC_COLUMNS],
        columnFormats: SR_METRIC_COLUMNS.map(() => null),
      },
      rows.map((row) => [
        row.userId,
        row.userName,
        row.metric,
        row.value,
        row.threshold,
        row.breachWhen,
        row.status,
      ]),
      status
    );
  }
}

export function buildSrLayout(model: SrModel): SheetLayout {
  const sheet = varianceSheet(model, {
    report: SR_REPORT,
    partyColumns: USER_COLUMNS,
    words: { parties: "Users", what: "Service Request" },
    columnWidths: [34, 30, 11, 12, 12, 12, 14, 13, 2, 2, 14, 12, 12],
    exceptionStatuses: ["Over", "Under", "No forecast"],
    notes: [],
    chart: {
      title: "Service Requests: forecast against actual by User Role",
      categoryHeader: "User Role",
      groups: model.byRole,
    },
    headings: {
      exceptions: "Exceptions: Users at or below 90%, or at or above 110%, of forecast",
      all: "All Users",
    },
  });
  if (model.services !== null) serviceTable(sheet, model, model.services);
  if (model.metrics !== null) metricTables(sheet, model, model.metrics);
  return sheet.layout;
}
