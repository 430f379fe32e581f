/** The SR Variance sheet (SEC H3.24). */
import type { SheetLayout } from "../layout";
import { SR_REPORT } from "../registry";
import { varianceSheet } from "../variance/layout";
import type { SrModel } from "./model";

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

const SR_WIDTHS = [34, 30, 11, 12, 12, 12, 14, 13, 2, 2, 14, 12, 12];

export function buildSrLayout(model: SrModel): SheetLayout {
  const sheet = varianceSheet(model, {
    report: SR_REPORT,
    tables: SR_REPORT.tables,
    columns: SR_COLUMNS,
    withRole: true,
    columnWidths: SR_WIDTHS,
    partyWord: "Users",
    what: "Service Request",
    exceptionStatuses: ["Over", "Under", "No forecast"],
    notes: [],
    chart: {
      title: "Service Requests: forecast against actual by User Role",
      categoryHeader: "User Role",
      groups: model.byRole,
    },
    exceptionsHeading: "Exceptions: Users at or below 90%, or at or above 110%, of forecast",
    allHeading: "All Users",
  });
  return sheet.layout;
}
