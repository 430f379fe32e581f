/**
 * The sheet of a variance report (SR and CSR share it): header block, summary figures with a chart
 * beside them, the exceptions table, then every party.
 */
import type { VarianceStatus } from "../../sec";
import type { CellValue } from "../layout";
import type { ReportDefinition } from "../registry";
import { reportSheetName, tableName } from "../registry";
import {
  COUNT_FORMAT,
  DIFFERENCE_FORMAT,
  PERCENT_FORMAT,
  STATUS_COLORS,
  SheetBuilder,
} from "../sheet/builder";
import type { ForecastActual, VarianceModelBase, VarianceRow } from "./model";

/** What differs between the variance sheets. */
export interface VarianceSheetSpec {
  report: ReportDefinition & { tables: { all: string; exceptions: string } };
  /** The columns before VARIANCE_COLUMNS: the party's ID and name, then its role where it has one. */
  partyColumns: readonly string[];
  /** The summary's word for the parties ("Users") and the no-data line's for the data ("Service Request"). */
  words: { parties: string; what: string };
  columnWidths: readonly number[];
  /** Exception statuses the summary counts, in order. */
  exceptionStatuses: readonly VarianceStatus[];
  /** Lines under the header block (e.g. that names are redacted). */
  notes: readonly string[];
  chart: { title: string; categoryHeader: string; groups: readonly ForecastActual[] };
  headings: { exceptions: string; all: string };
}

/** The columns after a party's ID, name (and role): the same in both reports. */
export const VARIANCE_COLUMNS = ["Forecast", "Actual", "Difference", "% of Forecast", "Status"] as const;

const VARIANCE_FORMATS = [COUNT_FORMAT, COUNT_FORMAT, DIFFERENCE_FORMAT, PERCENT_FORMAT, null];

function varianceCells(row: VarianceRow, withRole: boolean): CellValue[] {
  const cells: CellValue[] = [row.id, row.name];
  if (withRole) cells.push(row.role);
  cells.push(row.forecast, row.actual, row.difference, row.percent, row.status);
  return cells;
}

/** The summary figures; returns the first summary row. */
function varianceSummary(sheet: SheetBuilder, model: VarianceModelBase, spec: VarianceSheetSpec): number {
  const first = sheet.heading("Summary");
  if (model.rows.length === 0)
    sheet.line(`No ${spec.words.what} data for ${model.periodLabel}.`, { italic: true });
  sheet.labelValue(`${spec.words.parties} reported`, model.totals.parties, COUNT_FORMAT);
  sheet.labelValue(`${spec.words.parties} with a forecast`, model.totals.withForecast, COUNT_FORMAT);
  sheet.labelValue("Total forecast", model.totals.forecast, COUNT_FORMAT);
  sheet.labelValue("Total actual", model.totals.actual, COUNT_FORMAT);
  sheet.labelValue("Actual as % of forecast", model.totals.percent, PERCENT_FORMAT);
  for (const status of spec.exceptionStatuses) {
    const row = sheet.labelValue(`Exceptions: ${status}`, model.statusCounts[status], COUNT_FORMAT);
    sheet.style(row, 0, 1, 1, {
      fill: STATUS_COLORS[status].fill,
      fontColor: STATUS_COLORS[status].fontColor,
    });
  }
  sheet.labelValue("Within range", model.statusCounts.Within, COUNT_FORMAT);
  return first;
}

/** A variance report's sheet. The SR sheet continues below it with its own tables. */
export function varianceSheet(model: VarianceModelBase, spec: VarianceSheetSpec): SheetBuilder {
  const { report } = spec;
  const sheet = new SheetBuilder(reportSheetName(report.id, model.period), report.id, report.classification, [
    ...spec.columnWidths,
  ]);
  sheet.headerBlock(report.title, report.section, model.period, model.dueDate, report.classification);
  for (const note of spec.notes) sheet.line(note, { italic: true });
  sheet.blank();
  const summaryRow = varianceSummary(sheet, model, spec);
  sheet.sideChart(
    summaryRow,
    spec.chart.title,
    "column",
    [
      [spec.chart.categoryHeader, "Forecast", "Actual"],
      ...spec.chart.groups.map((group) => [group.label, group.forecast, group.actual]),
    ],
    COUNT_FORMAT
  );
  sheet.blank();
  const columns = [...spec.partyColumns, ...VARIANCE_COLUMNS];
  const leading = spec.partyColumns.map(() => null);
  const withRole = spec.partyColumns.length > 2;
  const tables = [
    { heading: spec.headings.exceptions, prefix: report.tables.exceptions, rows: model.exceptions },
    { heading: spec.headings.all, prefix: report.tables.all, rows: model.rows },
  ];
  for (const { heading, prefix, rows } of tables) {
    sheet.heading(heading);
    sheet.table(
      {
        name: tableName(prefix, model.period),
        headers: columns,
        columnFormats: [...leading, ...VARIANCE_FORMATS],
      },
      rows.map((row) => varianceCells(row, withRole)),
      { col: columns.length - 1, colors: STATUS_COLORS }
    );
  }
  return sheet;
}
