/** The SR Variance sheet (SEC H3.24). */
import type { SheetLayout } from "../layout";
import { SR_REPORT } from "../registry";
import { VARIANCE_COLUMNS, varianceSheet } from "../variance/layout";
import type { SrModel } from "./model";

const USER_COLUMNS = ["User ID", "User Name", "User Role"] as const;
export const SR_COLUMNS = [...USER_COLUMNS, ...VARIANCE_COLUMNS] as const;

export function buildSrLayout(model: SrModel): SheetLayout {
  return varianceSheet(model, {
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
  }).layout;
}
