/** The Service Request variance report (SEC H3.24): the figures of one month. */
import type { ReportOptions } from "../options";
import { USER_ROLES, type CheckedData } from "../check";
import {
  type ForecastActual,
  type VarianceModelBase,
  forecastActualBy,
  varianceBase,
} from "../variance/model";

import { type SrMetrics, metricsOf } from "./metrics";
import { type ServiceRow, servicesOf } from "./services";

const NO_ROLE = "(no role)";
const ROLE_ORDER: readonly string[] = [...USER_ROLES, NO_ROLE];

export interface SrModel extends VarianceModelBase {
  kind: "sr";
  /** By Service (H3.24(a)); null when the input has no Service column. */
  services: ServiceRow[] | null;
  /** Monthly Service Metrics (H3.24(b)); null when there is no Service Metrics input. */
  metrics: SrMetrics | null;
  /** Forecast against actual per User Role (chart source), in role order; "" role shown as "(no role)". */
  byRole: ForecastActual[];
}

/** The Service Request variance report (H3.24) for options.period. */
export function buildSrModel(data: CheckedData, options: ReportOptions): SrModel {
  const base = varianceBase(
    data.sr,
    (record) => ({
      id: record.userId,
      name: record.userName,
      role: record.userRole,
      forecast: record.forecast,
      actual: record.actual,
    }),
    "SR",
    options
  );
  const byRole = forecastActualBy(base.rows, (row) => (row.role === "" ? NO_ROLE : row.role), ROLE_ORDER);
  const month = (record: { period: string }): boolean => record.period === options.period;
  return {
    kind: "sr",
    ...base,
    byRole,
    services: data.withServices ? servicesOf(data.sr.filter(month)) : null,
    metrics: data.withMetrics ? metricsOf(data.metrics.filter(month)) : null,
  };
}
