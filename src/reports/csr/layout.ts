/** The CSR Variance sheet (SEC L8.9). */
import type { SheetLayout } from "../layout";
import { CSR_REPORT } from "../registry";
import { varianceSheet } from "../variance/layout";
import type { CsrModel } from "./model";

export const CSR_COLUMNS = [
  "Subscriber ID",
  "Subscriber Name",
  "Forecast",
  "Actual",
  "Difference",
  "% of Forecast",
  "Status",
] as const;

const CSR_WIDTHS = [34, 30, 12, 12, 12, 14, 13, 2, 2, 2, 14, 12, 12];

export function buildCsrLayout(model: CsrModel): SheetLayout {
  const sheet = varianceSheet(model, {
    report: CSR_REPORT,
    tables: CSR_REPORT.tables,
    columns: CSR_COLUMNS,
    withRole: false,
    columnWidths: CSR_WIDTHS,
    partyWord: "Subscribers",
    what: "CSR",
    exceptionStatuses: ["Over", "No forecast"],
    notes: model.redacted ? ["Subscriber names and IDs are redacted (SEC Section L8.10)."] : [],
    chart: {
      title: "CSRs: forecast against actual by status",
      categoryHeader: "Status",
      groups: model.byStatus,
    },
    exceptionsHeading:
      "Exceptions: Subscribers at or above 110% of forecast, or sending CSRs without a forecast",
    allHeading: "All Subscribers",
  });
  return sheet.layout;
}
