/** The Post Commissioning sheet (SEC Appendix AC 5.8). */
import { PCI_CRITERIA, PCI_CRITERION_DESCRIPTIONS, formatMonthShort, pciReasonsText } from "../../sec";
import type { CellValue, SheetLayout } from "../layout";
import { PCI_REPORT, reportSheetName, tableName } from "../registry";
import { COUNT_FORMAT, DATE_FORMAT, LONG_DATE_FORMAT, SheetBuilder } from "../sheet/builder";
import type { PciModel } from "./model";

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

/** The most listed devices a PCI sheet shows (a sheet holds 1,048,576 rows); a longer list is cut with a note. */
export const PCI_SHEET_LIST_LIMIT = 1_048_000;

// B holds the header block's long dates too ("14 February 2018"); E fits "Days Commissioned" in print.
const PCI_WIDTHS = [34, 17, 34, 13, 18, 10, 10, 8, 8, 8, 14, 12, 12];

export function buildPciLayout(model: PciModel): SheetLayout {
  const { classification } = PCI_REPORT;
  const sheet = new SheetBuilder(
    reportSheetName(PCI_REPORT.id, model.period),
    PCI_REPORT.id,
    classification,
    PCI_WIDTHS.slice()
  );
  sheet.headerBlock(PCI_REPORT.title, PCI_REPORT.section, model.period, model.dueDate, classification);
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
      name: tableName(PCI_REPORT.tables.trend, model.period),
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
    {
      heading: "By Device Type",
      table: PCI_REPORT.tables.types,
      columns: PCI_TYPE_COLUMNS,
      groups: model.byType,
    },
    {
      heading: "By Supplier",
      table: PCI_REPORT.tables.suppliers,
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
  const shown = Math.min(model.listedIndexes.length, PCI_SHEET_LIST_LIMIT);
  const listed = model.current.listed ?? 0;
  if (listed > shown) {
    const where = model.fullListName === undefined ? "" : `; all of them are in ${model.fullListName}`;
    sheet.line(
      `The first ${shown.toLocaleString("en-GB")} of ${listed.toLocaleString("en-GB")} listed Devices, ` +
        `by Device ID (Excel's row limit)${where}.`,
      { italic: true }
    );
  }
  sheet.table(
    {
      name: tableName(PCI_REPORT.tables.listed, model.period),
      headers: [...PCI_COLUMNS],
      columnFormats: [null, null, null, DATE_FORMAT, "0", null, null],
    },
    pciDeviceRows(model, shown)
  );
  return sheet.layout;
}

/** The PCI_… table rows; one array per row and no other objects, as there may be a million. */
function pciDeviceRows(model: PciModel, count: number): CellValue[][] {
  const { devices, listedIndexes, listedMasks, listedNew, measured } = model;
  const comparable = model.current.hasData && model.current.previousHasData;
  const rows = new Array<CellValue[]>(count);
  for (let position = 0; position < count; position++) {
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
