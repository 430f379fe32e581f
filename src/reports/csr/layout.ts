/** The CSR Variance sheet (SEC L8.9). */
import type { SheetLayout } from "../layout";
import { CSR_REPORT } from "../registry";
import { VARIANCE_COLUMNS, varianceSheet } from "../variance/layout";
import type { CsrModel } from "./model";

const SUBSCRIBER_COLUMNS = ["Subscriber ID", "Subscriber Name"] as const;
export const CSR_COLUMNS = [...SUBSCRIBER_COLUMNS, ...VARIANCE_COLUMNS] as const;

export function buildCsrLayout(model: CsrModel): SheetLayout {
  const notes = model.redacted ? ["Subscriber names and IDs are redacted (SEC Section L8.10)."] : [];
  const chart = {
    title: "CSRs: forecast against actual by status",
    categoryHeader: "Status",
    groups: model.byStatus,
  };
  return varianceSheet(model, {
    report: CSR_REPORT,
    partyColumns: SUBSCRIBER_COLUMNS,
    words: { parties: "Subscribers", what: "CSR" },
    columnWidths: [34, 30, 12, 12, 12, 14, 13, 2, 2, 2, 14, 12, 12],
    exceptionStatuses: ["Over", "No forecast"],
    notes,
    chart,
    headings: {
      exceptions: "Exceptions: Subscribers at or above 110% of forecast, or sending CSRs without a forecast",
      all: "All Subscribers",
    },
  }).layout;
}
