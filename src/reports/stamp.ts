/**
 * The audit stamp that ends each report sheet's header block (when it was produced, the product
 * version, the input fingerprint) and the finishing of report layouts: stamp, then print setup.
 */
import type { CheckedData } from "./check";
import { reportFingerprints, shownFingerprint, type Sha256Lines } from "./fingerprint";
import type { CellValue, SheetLayout } from "./layout";
import type { ReportOptions } from "./options";
import { REPORT_ORDER, type ReportChoice } from "./registry";
import { printSetupFor } from "./print";
import { PRODUCT_NAME, PRODUCT_VERSION } from "./version";

export interface AuditInfo {
  producedAt: Date;
  /** Product name and version, e.g. "DCC SEC Reporting 0.1.0". */
  product: string;
  /** Full SHA-256 (hex) of each chosen report's records (see fingerprint.ts). */
  fingerprints: Partial<Record<ReportChoice, string>>;
  /** Reports whose records were not at hand to hash, with the reason shown in place of a fingerprint. */
  notFingerprinted?: Partial<Record<ReportChoice, string>>;
}

/** The audit information for a run: fingerprints of the chosen reports' records, hashed by `sha256`. */
export async function auditInfo(
  data: CheckedData,
  options: Pick<ReportOptions, "period" | "reports">,
  sha256: Sha256Lines,
  producedAt: Date = new Date()
): Promise<AuditInfo> {
  return {
    producedAt,
    product: `${PRODUCT_NAME} ${PRODUCT_VERSION}`,
    fingerprints: await reportFingerprints(data, options.period, options.reports, sha256),
  };
}

/** "2018-02-14 09:30 UTC": UTC, so that a stamp reads the same wherever it was made. */
export function producedText(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Label and value rows of a sheet's stamp. */
export function stampRows(layout: Pick<SheetLayout, "kind">, audit: AuditInfo): CellValue[][] {
  const rows: CellValue[][] = [
    ["Produced", producedText(audit.producedAt)],
    ["Product version", audit.product],
  ];
  if (layout.kind === "cover") {
    const parts = REPORT_ORDER.flatMap((report) => {
      const fingerprint = audit.fingerprints[report];
      if (fingerprint !== undefined) return [`${report.toUpperCase()} ${shownFingerprint(fingerprint)}`];
      const reason = audit.notFingerprinted?.[report];
      return reason !== undefined ? [`${report.toUpperCase()} ${reason}`] : [];
    });
    rows.push(["Input fingerprints", parts.length > 0 ? parts.join("; ") : "no reports"]);
  } else {
    const fingerprint = audit.fingerprints[layout.kind];
    const reason = audit.notFingerprinted?.[layout.kind];
    if (fingerprint === undefined && reason !== undefined) rows.push(["Input fingerprint", reason]);
    else if (fingerprint === undefined)
      throw new Error(`No input fingerprint for the ${layout.kind} report.`);
    else rows.push(["Input fingerprint", shownFingerprint(fingerprint)]);
  }
  return rows;
}

/** Moves everything at or below `at` down by `count` rows. */
function insertRows(layout: SheetLayout, at: number, count: number): void {
  const shift = (row: number): number => (row >= at ? row + count : row);
  for (const block of layout.values) {
    if (block.row < at && block.row + block.values.length > at)
      throw new Error(`Cannot insert rows inside a value block of ${layout.name}.`);
    block.row = shift(block.row);
  }
  for (const range of layout.styles) range.row = shift(range.row);
  for (const table of layout.tables) table.row = shift(table.row);
  for (const format of layout.conditionalFormats) format.row = shift(format.row);
  for (const chart of layout.charts) {
    chart.source.row = shift(chart.source.row);
    chart.anchor.row = shift(chart.anchor.row);
  }
  if (layout.freezeRows >= at && layout.freezeRows > 0) layout.freezeRows += count;
}

/** Ends the header block of `layout` with the audit stamp (the frozen rows grow with it). */
export function addAuditStamp(layout: SheetLayout, audit: AuditInfo): void {
  const at = layout.headerRows ?? 0;
  const rows = stampRows(layout, audit);
  insertRows(layout, at, rows.length);
  layout.values.push({ row: at, col: 0, values: rows });
  layout.styles.push({
    row: at,
    col: 1,
    rowCount: rows.length,
    colCount: 1,
    // Left: a long value runs on into the empty cells to its right instead of being cut off.
    style: { horizontalAlignment: "Left" },
  });
  layout.headerRows = at + rows.length;
}

/** The last step of every report layout: the audit stamp (when given), then the print setup. */
export function finishReportLayout(layout: SheetLayout, audit: AuditInfo | undefined): SheetLayout {
  if (audit) addAuditStamp(layout, audit);
  layout.print = printSetupFor(layout);
  return layout;
}
