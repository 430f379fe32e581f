/**
 * Sheet layouts of the reports: where each value, table, format and chart goes. The writers in
 * src/excel and src/cli only translate these.
 */
import {
  type MonthKey,
  type VarianceStatus,
  PCI_CRITERIA,
  PCI_CRITERION_DESCRIPTIONS,
  formatMonthLong,
  formatMonthShort,
  pciReasonsText,
} from "../sec";
import type { CheckedData } from "./check";
import type {
  CellStyle,
  CellValue,
  ChartSpec,
  Classification,
  ReportKind,
  SheetLayout,
  TableSpec,
} from "./layout";
import {
  type CoverModel,
  type CsrModel,
  type ForecastActual,
  type PciModel,
  type ReportOptions,
  type SrModel,
  type VarianceRow,
  REPORT_ORDER,
  REPORT_TITLES,
  buildCoverModel,
  buildCsrModel,
  buildPciModel,
  buildSrModel,
  reportSheetName,
} from "./models";

export const DATE_FORMAT = "dd/mm/yyyy";
export const LONG_DATE_FORMAT = "d mmmm yyyy";
export const COUNT_FORMAT = "#,##0";
export const DIFFERENCE_FORMAT = "+#,##0;-#,##0;0";
export const PERCENT_FORMAT = "0.0%";
const TABLE_STYLE = "TableStyleMedium2";
const AMBER = "#FFC000";
const TAB_COLORS: Record<Classification, string> = { "AMBER: SEC Panel only": AMBER, WHITE: "#D9D9D9" };

/** Fill and font of each status in the Status columns. */
export const STATUS_COLORS: Record<VarianceStatus, { fill: string; fontColor: string }> = {
  Over: { fill: "#F4CCCC", fontColor: "#9C0006" },
  Under: { fill: "#FFE599", fontColor: "#7F6000" },
  "No forecast": { fill: "#D9D2E9", fontColor: "#5B2C6F" },
  Within: { fill: "#D9EAD3", fontColor: "#274E13" },
};

/** Table names for a month, e.g. tableName("SR", "2018-01") = "SR_2018_01". */
export function tableName(prefix: string, period: MonthKey): string {
  return `${prefix}_${period.replace("-", "_")}`;
}

export const SR_COLUMNS = [
  "User ID",
  "User Name",
  "User Role",
  "Forecast",
  "Actual",
  "Difference",
  "% of Forecast",
  "Status",
] as const;
export const CSR_COLUMNS = [
  "Subscriber ID",
  "Subscriber Name",
  "Forecast",
  "Actual",
  "Difference",
  "% of Forecast",
  "Status",
] as const;
export const PCI_COLUMNS = [
  "Device ID",
  "Device Type",
  "Supplier ID",
  "Commissioned",
  "Days Commissioned",
  "Reasons",
  "New This Month",
] as const;
export const PCI_TREND_COLUMNS = ["Period", "Listed", "Added", "Removed", "a", "b", "c", "d", "e"] as const;
export const PCI_TYPE_COLUMNS = ["Device Type", "Listed", "Added", "Removed"] as const;
export const PCI_SUPPLIER_COLUMNS = ["Supplier ID", "Listed", "Added", "Removed"] as const;

/** Columns to the right of the tables where chart sources and charts go. */
const SIDE_COL = 10;

/** Builds one sheet top to bottom; `next` is the first free row. */
class SheetBuilder {
  readonly layout: SheetLayout;
  next = 0;

  constructor(name: string, kind: ReportKind, classification: Classification, columnWidths: number[]) {
    this.layout = {
      name,
      kind,
      classification,
      tabColor: TAB_COLORS[classification],
      values: [],
      styles: [],
      tables: [],
      conditionalFormats: [],
      charts: [],
      columnWidths,
      freezeRows: 0,
    };
  }

  put(row: number, col: number, values: CellValue[][]): void {
    this.layout.values.push({ row, col, values });
  }

  style(row: number, col: number, rowCount: number, colCount: number, style: CellStyle): void {
    this.layout.styles.push({ row, col, rowCount, colCount, style });
  }

  /** One line of text in column A. */
  line(text: string, style?: CellStyle): number {
    const row = this.next++;
    this.put(row, 0, [[text]]);
    if (style) this.style(row, 0, 1, 1, style);
    return row;
  }

  heading(text: string, fontSize = 12): number {
    return this.line(text, { bold: true, fontSize });
  }

  blank(): void {
    this.next++;
  }

  /** A label in column A and its value in column B. */
  labelValue(label: string, value: CellValue, numberFormat?: string): number {
    const row = this.next++;
    this.put(row, 0, [[label, value]]);
    if (numberFormat && typeof value === "number") {
      this.style(row, 1, 1, 1, { numberFormat, horizontalAlignment: "Right" });
    } else {
      this.style(row, 1, 1, 1, { horizontalAlignment: "Right" });
    }
    return row;
  }

  /** Title, SEC section, period, due date and classification. */
  headerBlock(
    title: string,
    section: string,
    period: MonthKey,
    dueDate: number,
    classification: Classification
  ): void {
    this.line(title, { bold: true, fontSize: 16 });
    this.line(section, { italic: true });
    this.labelValue("Period", formatMonthLong(period));
    this.labelValue("Due date", dueDate, LONG_DATE_FORMAT);
    const row = this.labelValue("Classification", classification);
    this.style(row, 1, 1, 1, {
      bold: true,
      fill: classification === "WHITE" ? "#FFFFFF" : AMBER,
      horizontalAlignment: "Left",
    });
    // Frozen, so the title and the classification marking stay on screen over a long table.
    this.layout.freezeRows = row + 1;
  }

  /** An Excel table (header + rows) at the next row; leaves a blank row after it. */
  table(
    spec: Omit<TableSpec, "row" | "col" | "rowCount" | "style">,
    rows: CellValue[][],
    statusCol = -1
  ): TableSpec {
    const row = this.next;
    const values: CellValue[][] = new Array<CellValue[]>(rows.length + 1);
    values[0] = spec.headers.slice();
    for (let index = 0; index < rows.length; index++) values[index + 1] = rows[index];
    this.put(row, 0, values);
    const table: TableSpec = { ...spec, row, col: 0, rowCount: rows.length, style: TABLE_STYLE };
    this.layout.tables.push(table);
    if (statusCol >= 0 && rows.length > 0) {
      for (const status of Object.keys(STATUS_COLORS) as VarianceStatus[]) {
        this.layout.conditionalFormats.push({
          row: row + 1,
          col: statusCol,
          rowCount: rows.length,
          colCount: 1,
          text: status,
          ...STATUS_COLORS[status],
        });
      }
    }
    // An empty Excel table still keeps one (blank) data row.
    this.next = row + 1 + Math.max(rows.length, 1) + 1;
    return table;
  }

  /** A small chart source block (header + rows) at (row, SIDE_COL), and a chart over it below the block. */
  sideChart(
    row: number,
    title: string,
    type: ChartSpec["type"],
    values: CellValue[][],
    numberFormat: string
  ): void {
    this.put(row, SIDE_COL, values);
    this.style(row, SIDE_COL, 1, values[0].length, { bold: true });
    if (values.length > 1)
      this.style(row + 1, SIDE_COL + 1, values.length - 1, values[0].length - 1, { numberFormat });
    this.chart(
      title,
      type,
      { row, col: SIDE_COL, rowCount: values.length, colCount: values[0].length },
      row + values.length + 1
    );
  }

  chart(title: string, type: ChartSpec["type"], source: ChartSpec["source"], anchorRow: number): void {
    this.layout.charts.push({
      title,
      type,
      source,
      anchor: { row: anchorRow, col: SIDE_COL, widthCols: 8, heightRows: 16 },
    });
  }
}

function varianceCells(row: VarianceRow, withRole: boolean): CellValue[] {
  const cells: CellValue[] = [row.id, row.name];
  if (withRole) cells.push(row.role);
  cells.push(row.forecast, row.actual, row.difference, row.percent, row.status);
  return cells;
}

const VARIANCE_FORMATS = [COUNT_FORMAT, COUNT_FORMAT, DIFFERENCE_FORMAT, PERCENT_FORMAT, null];

function chartBlock(header: string, groups: ForecastActual[]): CellValue[][] {
  return [
    [header, "Forecast", "Actual"],
    ...groups.map((group) => [group.label, group.forecast, group.actual]),
  ];
}

/** The summary figures shared by the SR and CSR sheets; returns the first summary row. */
function varianceSummary(
  sheet: SheetBuilder,
  model: SrModel | CsrModel,
  partyWord: string,
  what: string
): number {
  const first = sheet.heading("Summary");
  if (model.rows.length === 0) sheet.line(`No ${what} data for ${model.periodLabel}.`, { italic: true });
  sheet.labelValue(`${partyWord} reported`, model.totals.parties, COUNT_FORMAT);
  sheet.labelValue(`${partyWord} with a forecast`, model.totals.withForecast, COUNT_FORMAT);
  sheet.labelValue("Total forecast", model.totals.forecast, COUNT_FORMAT);
  sheet.labelValue("Total actual", model.totals.actual, COUNT_FORMAT);
  sheet.labelValue("Actual as % of forecast", model.totals.percent, PERCENT_FORMAT);
  const statuses: VarianceStatus[] =
    model.kind === "sr" ? ["Over", "Under", "No forecast"] : ["Over", "No forecast"];
  for (const status of statuses) {
    const row = sheet.labelValue(`Exceptions: ${status}`, model.statusCounts[status], COUNT_FORMAT);
    sheet.style(row, 0, 1, 1, {
      fill: STATUS_COLORS[status].fill,
      fontColor: STATUS_COLORS[status].fontColor,
    });
  }
  sheet.labelValue("Within range", model.statusCounts.Within, COUNT_FORMAT);
  return first;
}

const SR_WIDTHS = [34, 30, 11, 12, 12, 12, 14, 13, 2, 2, 14, 12, 12];
const CSR_WIDTHS = [34, 30, 12, 12, 12, 14, 13, 2, 2, 2, 14, 12, 12];

export function buildSrLayout(model: SrModel): SheetLayout {
  const classification: Classification = "AMBER: SEC Panel only";
  const sheet = new SheetBuilder(
    reportSheetName("sr", model.period),
    "sr",
    classification,
    SR_WIDTHS.slice()
  );
  sheet.headerBlock(
    REPORT_TITLES.sr.title,
    REPORT_TITLES.sr.section,
    model.period,
    model.dueDate,
    classification
  );
  sheet.blank();
  const summaryRow = varianceSummary(sheet, model, "Users", "Service Request");
  sheet.sideChart(
    summaryRow,
    "Service Requests: forecast against actual by User Role",
    "column",
    chartBlock("User Role", model.byRole),
    COUNT_FORMAT
  );
  sheet.blank();
  sheet.heading("Exceptions: Users at or below 90%, or at or above 110%, of forecast");
  sheet.table(
    {
      name: tableName("SR_Exceptions", model.period),
      headers: [...SR_COLUMNS],
      columnFormats: [null, null, null, ...VARIANCE_FORMATS],
    },
    model.exceptions.map((row) => varianceCells(row, true)),
    7
  );
  sheet.heading("All Users");
  sheet.table(
    {
      name: tableName("SR", model.period),
      headers: [...SR_COLUMNS],
      columnFormats: [null, null, null, ...VARIANCE_FORMATS],
    },
    model.rows.map((row) => varianceCells(row, true)),
    7
  );
  return sheet.layout;
}

export function buildCsrLayout(model: CsrModel): SheetLayout {
  const classification: Classification = "AMBER: SEC Panel only";
  const sheet = new SheetBuilder(
    reportSheetName("csr", model.period),
    "csr",
    classification,
    CSR_WIDTHS.slice()
  );
  sheet.headerBlock(
    REPORT_TITLES.csr.title,
    REPORT_TITLES.csr.section,
    model.period,
    model.dueDate,
    classification
  );
  if (model.redacted)
    sheet.line("Subscriber names and IDs are redacted (SEC Section L8.10).", { italic: true });
  sheet.blank();
  const summaryRow = varianceSummary(sheet, model, "Subscribers", "CSR");
  sheet.sideChart(
    summaryRow,
    "CSRs: forecast against actual by status",
    "column",
    chartBlock("Status", model.byStatus),
    COUNT_FORMAT
  );
  sheet.blank();
  sheet.heading("Exceptions: Subscribers at or above 110% of forecast, or sending CSRs without a forecast");
  sheet.table(
    {
      name: tableName("CSR_Exceptions", model.period),
      headers: [...CSR_COLUMNS],
      columnFormats: [null, null, ...VARIANCE_FORMATS],
    },
    model.exceptions.map((row) => varianceCells(row, false)),
    6
  );
  sheet.heading("All Subscribers");
  sheet.table(
    {
      name: tableName("CSR", model.period),
      headers: [...CSR_COLUMNS],
      columnFormats: [null, null, ...VARIANCE_FORMATS],
    },
    model.rows.map((row) => varianceCells(row, false)),
    6
  );
  return sheet.layout;
}

const PCI_WIDTHS = [34, 12, 34, 13, 12, 10, 10, 8, 8, 8, 14, 12, 12];

export function buildPciLayout(model: PciModel): SheetLayout {
  const classification: Classification = "AMBER: SEC Panel only";
  const sheet = new SheetBuilder(
    reportSheetName("pci", model.period),
    "pci",
    classification,
    PCI_WIDTHS.slice()
  );
  sheet.headerBlock(
    REPORT_TITLES.pci.title,
    REPORT_TITLES.pci.section,
    model.period,
    model.dueDate,
    classification
  );
  sheet.labelValue("Measurement date", model.measured, LONG_DATE_FORMAT);
  if (model.monthsWithoutData.length > 0) {
    sheet.labelValue("No data", model.monthsWithoutData.map(formatMonthShort).join(", "));
  }
  sheet.blank();

  const { current } = model;
  const summaryRow = sheet.heading("Summary");
  if (!current.hasData) sheet.line(`No Devices data for ${model.periodLabel}.`, { italic: true });
  sheet.labelValue("Devices in the snapshot", current.snapshotDevices, COUNT_FORMAT);
  sheet.labelValue("Devices commissioned more than 7 days", current.dueDevices, COUNT_FORMAT);
  sheet.labelValue("Devices listed at period end", current.listed ?? "no data", COUNT_FORMAT);
  sheet.labelValue("Added since the previous month", current.added ?? "no data", COUNT_FORMAT);
  sheet.labelValue("Removed since the previous month", current.removed ?? "no data", COUNT_FORMAT);
  PCI_CRITERIA.forEach((criterion, bit) => {
    sheet.labelValue(
      `(${criterion}) ${PCI_CRITERION_DESCRIPTIONS[criterion]}`,
      current.criteria ? current.criteria[bit] : "no data",
      COUNT_FORMAT
    );
  });
  sheet.blank();

  sheet.heading("Six-month trend");
  const trend = sheet.table(
    {
      name: tableName("PCI_Trend", model.period),
      headers: [...PCI_TREND_COLUMNS],
      columnFormats: [null, ...PCI_TREND_COLUMNS.slice(1).map(() => COUNT_FORMAT)],
    },
    model.trend.map((month) => [
      month.label,
      month.listed,
      month.added,
      month.removed,
      ...(month.criteria ?? [null, null, null, null, null]),
    ])
  );
  sheet.chart(
    "Devices with incomplete post-commissioning activity: six months",
    "line",
    { row: trend.row, col: trend.col, rowCount: trend.rowCount + 1, colCount: 4 },
    // Beside the summary, where it is seen first.
    summaryRow
  );

  const groupTables = [
    { heading: "By Device Type", table: "PCI_Types", columns: PCI_TYPE_COLUMNS, groups: model.byType },
    {
      heading: "By Supplier",
      table: "PCI_Suppliers",
      columns: PCI_SUPPLIER_COLUMNS,
      groups: model.bySupplier,
    },
  ];
  for (const { heading, table, columns, groups } of groupTables) {
    sheet.heading(heading);
    sheet.table(
      {
        name: tableName(table, model.period),
        headers: [...columns],
        columnFormats: [null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT],
      },
      groups.map((group) => [
        group.key === "" ? "(not given)" : group.key,
        group.listed,
        group.added,
        group.removed,
      ])
    );
  }

  sheet.heading("Devices listed at period end");
  sheet.table(
    {
      name: tableName("PCI", model.period),
      headers: [...PCI_COLUMNS],
      columnFormats: [null, null, null, DATE_FORMAT, "0", null, null],
    },
    pciDeviceRows(model)
  );
  return sheet.layout;
}

/** The PCI_… table rows; one array per row and no other objects, as there may be a million. */
function pciDeviceRows(model: PciModel): CellValue[][] {
  const { devices, listedIndexes, listedMasks, listedNew, measured } = model;
  const comparable = model.current.hasData && model.current.previousHasData;
  const rows = new Array<CellValue[]>(listedIndexes.length);
  for (let position = 0; position < listedIndexes.length; position++) {
    const device = devices[listedIndexes[position]];
    const commissioned = device.commissioned as number;
    rows[position] = [
      device.deviceId,
      device.deviceType,
      device.supplierId,
      commissioned,
      measured - commissioned,
      pciReasonsText(listedMasks[position]),
      comparable ? (listedNew[position] === 1 ? "Yes" : "No") : null,
    ];
  }
  return rows;
}

const COVER_WIDTHS = [70, 18, 16, 28, 24];

export function buildCoverLayout(model: CoverModel): SheetLayout {
  const sheet = new SheetBuilder(
    reportSheetName("cover", model.period),
    "cover",
    model.classification,
    COVER_WIDTHS.slice()
  );
  sheet.line(model.title, { bold: true, fontSize: 16 });
  sheet.labelValue("Action", model.action);
  sheet.labelValue("Period", model.periodLabel);
  const classificationRow = sheet.labelValue("Classification", model.classification);
  sheet.style(classificationRow, 1, 1, 1, { bold: true, horizontalAlignment: "Left" });
  sheet.blank();

  sheet.heading("1. Purpose");
  for (const text of model.purpose) sheet.line(text);
  sheet.blank();

  sheet.heading("2. Monthly Reporting");
  if (model.reports.length === 0) {
    sheet.line("No reports are included this month.");
  } else {
    sheet.line("This month the following reports are included:");
    const headerRow = sheet.next++;
    sheet.put(headerRow, 0, [["Report", "Period", "Due date", "Sheet", "Classification"]]);
    sheet.style(headerRow, 0, 1, 5, { bold: true });
    for (const report of model.reports) {
      const row = sheet.next++;
      sheet.put(row, 0, [
        [
          `${report.appendix}: ${report.title} (${report.section})`,
          report.periodLabel,
          report.dueDate,
          report.sheetName,
          report.classification,
        ],
      ]);
      sheet.style(row, 2, 1, 1, { numberFormat: DATE_FORMAT, horizontalAlignment: "Left" });
    }
    if (model.reportsNote) sheet.line(model.reportsNote, { italic: true });
  }
  sheet.blank();

  sheet.heading("3. Headline figures");
  if (model.headlines.length === 0) sheet.line("No reports are included, so there are no figures.");
  for (const headline of model.headlines)
    sheet.labelValue(headline.label, headline.value, headline.numberFormat);
  sheet.blank();

  sheet.heading("4. Recommendation");
  sheet.line(model.recommendation, { bold: true });
  sheet.blank();
  sheet.line(model.classificationText, { italic: true });
  sheet.blank();

  sheet.heading("Annex A: DCC Report Types", 14);
  for (const entry of model.annex) {
    sheet.line(entry.title, { bold: true });
    for (const text of entry.lines) sheet.line(text);
    sheet.blank();
  }
  return sheet.layout;
}

/** The chosen reports in sheet order (SR, CSR, PCI), then the cover. */
export function reportSheetNames(options: ReportOptions): string[] {
  const chosen = REPORT_ORDER.filter((kind) => options.reports.includes(kind));
  return [
    ...chosen.map((kind) => reportSheetName(kind, options.period)),
    reportSheetName("cover", options.period),
  ];
}

/** Every chosen report sheet for options.period (SR, CSR, PCI), then the cover paper. */
export function buildReportLayouts(data: CheckedData, options: ReportOptions): SheetLayout[] {
  const sr = options.reports.includes("sr") ? buildSrModel(data, options) : undefined;
  const csr = options.reports.includes("csr") ? buildCsrModel(data, options) : undefined;
  const pci = options.reports.includes("pci") ? buildPciModel(data, options) : undefined;
  const layouts: SheetLayout[] = [];
  if (sr) layouts.push(buildSrLayout(sr));
  if (csr) layouts.push(buildCsrLayout(csr));
  if (pci) layouts.push(buildPciLayout(pci));
  layouts.push(buildCoverLayout(buildCoverModel(options, { sr, csr, pci })));
  return layouts;
}
