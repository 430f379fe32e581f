/** The CSR forecast variance report (SEC L8.9, redacted under L8.10 on request): one month's figures. */
import type { CheckedData } from "../check";
import type { ReportOptions } from "../options";
import {
  type ForecastActual,
  type PartyMonth,
  type VarianceModelBase,
  type VarianceRow,
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
  const parties: PartyMonth[] = [];
  for (const record of data.csr) {
    if (record.period !== options.period) continue;
    parties.push({
      id: record.subscriberId,
      name: record.subscriberName,
      role: "",
      forecast: record.forecast,
      actual: record.actual,
    });
  }
  const base = varianceBase(parties, "CSR", options);
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
  const byStatus: ForecastActual[] = (["Within", "Over", "No forecast"] as const).map((status) => {
    let forecast = 0;
    let actual = 0;
    for (const row of base.rows) {
      if (row.status !== status) continue;
      forecast += row.forecast ?? 0;
      actual += row.actual;
    }
    return { label: status, forecast, actual };
  });
  return { kind: "csr", ...base, redacted: options.redactCsr, byStatus };
}
