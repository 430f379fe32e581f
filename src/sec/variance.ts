/**
 * Forecast variance for the Service Request report (SEC H3.24) and the CSR report (SEC L8.9).
 * Both thresholds are inclusive and decided by integer-safe cross-multiplication, never by a ratio:
 * `actual / forecast - 1 <= -0.1` is false for 9 of 10 in floating point.
 */

export type VarianceReport = "SR" | "CSR";
export type VarianceStatus = "Over" | "Under" | "Within" | "No forecast";

export const VARIANCE_REPORTS: readonly VarianceReport[] = ["SR", "CSR"];
export const VARIANCE_STATUSES: readonly VarianceStatus[] = ["Over", "Under", "Within", "No forecast"];

/**
 * Status of one actual/forecast pair. `actual` is a non-negative number (a blank already read as 0);
 * `forecast` is null when no forecast was received. Over: actual >= 110% of forecast (or any actual
 * against a zero forecast). Under (SR only): actual <= 90% of forecast. No forecast: actual > 0 with no
 * forecast. Otherwise Within. Throws RangeError for negative or NaN inputs, which are input errors.
 */
export function varianceStatus(
  actual: number,
  forecast: number | null,
  report: VarianceReport
): VarianceStatus {
  if (!(actual >= 0)) throw new RangeError(`actual must be a number of 0 or more, not ${actual}`);
  if (forecast === null) return actual > 0 ? "No forecast" : "Within";
  if (!(forecast >= 0)) throw new RangeError(`forecast must be a number of 0 or more, not ${forecast}`);
  // actual >= 1.1 * forecast  <=>  10 * actual >= 11 * forecast (exact for whole numbers below 2^49).
  if (10 * actual >= 11 * forecast) return forecast === 0 && actual === 0 ? "Within" : "Over";
  if (report === "SR" && 10 * actual <= 9 * forecast) return "Under";
  return "Within";
}

/** actual ÷ forecast (0.9 means 90%), or null where it is undefined: no forecast, or a zero forecast. */
export function percentOfForecast(actual: number, forecast: number | null): number | null {
  if (forecast === null || forecast === 0) return null;
  return actual / forecast;
}

/** True for the statuses that put a party in the exceptions table. */
export function isVarianceException(status: VarianceStatus): boolean {
  return status !== "Within";
}
