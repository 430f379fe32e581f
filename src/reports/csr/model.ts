/** The CSR forecast variance report (SEC L8.9, redacted under L8.10 on request): one month's figures. */
import type { CheckedData } from "../check";
import type { ReportOptions } from "../options";
import {
  type ForecastActual,
  type VarianceModelBase,
  type VarianceRow,
  forecastActualBy,
  varianceBase,
} from "../variance/model";

export interface CsrModel extends VarianceModelBase {
  kind: "csr";
  redacted: boolean;
  /** Forecast against actual per status (chart source): Within, Over, No forecast. */
  byStatus: ForecastActual[];
}

/** The CSR forecast variance report (L8.9) for options.period, redacted (L8.10) when options.redactCsr. */
export function buildCsrModel(data: CheckedData, options: ReportOptions): CsrModel {
  const base = varianceBase(
    data.csr,
    (record) => ({
      id: record.subscriberId,
      name: record.subscriberName,
      role: "",
      forecast: record.forecast,
      actual: record.actual,
    }),
    "CSR",
    options
  );
  if (options.redactCsr) {
    // Rows are in normalised-ID order, so the numbering is stable and the same in both tables.
    const labels = new Map<string, string>();
    base.rows.forEach((row, index) => labels.set(row.id, `Subscriber ${index + 1}`));
    const redact = (row: VarianceRow): VarianceRow => {
      const label = labels.get(row.id) ?? "Subscriber";
      return { ...row, id: label, name: label };
    };
    base.rows = base.rows.map(redact);
    // The exception order stays the one computed on the real IDs.
    base.exceptions = base.exceptions.map(redact);
  }
  const byStatus = forecastActualBy(base.rows, (row) => row.status, ["Within", "Over", "No forecast"], true);
  return { kind: "csr", ...base, redacted: options.redactCsr, byStatus };
}
