/** The Service Request variance report (SEC H3.24): the figures of one month. */
import type { CheckedData } from "../check";
import type { ReportOptions } from "../options";
import {
  type ForecastActual,
  type PartyMonth,
  type VarianceModelBase,
  varianceBase,
} from "../variance/model";

export interface SrModel extends VarianceModelBase {
  kind: "sr";
  /** Forecast against actual per User Role (chart source), in role order; "" role shown as "(no role)". */
  byRole: ForecastActual[];
}

/** The Service Request variance report (H3.24) for options.period. */
export function buildSrModel(data: CheckedData, options: ReportOptions): SrModel {
  const parties: PartyMonth[] = [];
  for (const record of data.sr) {
    if (record.period !== options.period) continue;
    parties.push({
      id: record.userId,
      name: record.userName,
      role: record.userRole,
      forecast: record.forecast,
      actual: record.actual,
    });
  }
  const base = varianceBase(parties, "SR", options);
  const roleTotals = new Map<string, ForecastActual>();
  for (const row of base.rows) {
    const label = row.role === "" ? "(no role)" : row.role;
    const entry = roleTotals.get(label) ?? { label, forecast: 0, actual: 0 };
    entry.forecast += row.forecast ?? 0;
    entry.actual += row.actual;
    roleTotals.set(label, entry);
  }
  const roleOrder = ["IS", "ES", "GS", "ED", "GT", "RSA", "OU", "(no role)"];
  const byRole = [...roleTotals.values()].sort(
    (a, b) => roleOrder.indexOf(a.label) - roleOrder.indexOf(b.label)
  );
  return { kind: "sr", ...base, byRole };
}
