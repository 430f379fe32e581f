/**
 * The "hand loop" baselines: the cheapest honest code that does the same comparisons as the custom
 * functions on the bench's n × 1 inputs and produces the same 2-D result arrays (one new array per row,
 * the same strings, numbers and error cells). They read every kind of value the inputs hold (numbers,
 * null and "" blanks, numbers as text, yes/no text) but, unlike the product, do not check for bad values:
 * the ratio to them is the price of validation, broadcasting and messages.
 */
import { BENCH_ERROR_CODES, BenchCustomFunctionsError } from "./custom-functions";
import type { Column } from "./function-inputs";

type Cell = string | number | BenchCustomFunctionsError;

/** The message src/functions gives a blank forecast in percent mode (the results are compared cell by cell). */
export const NO_FORECAST_MESSAGE = "No forecast was received, so there is no percent of forecast";

function numberOrBlank(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (v === null || v === "") return null;
  return Number(v);
}

/** SECVARIANCE(actual, forecast) for Service Requests, result "status". */
export function varianceStatusHandLoop(actual: Column, forecast: Column): Cell[][] {
  const rows = actual.length;
  const output = new Array<Cell[]>(rows);
  for (let row = 0; row < rows; row++) {
    const a = numberOrBlank(actual[row][0]) ?? 0;
    const f = numberOrBlank(forecast[row][0]);
    let status: string;
    if (f === null) status = a > 0 ? "No forecast" : "Within";
    else if (10 * a >= 11 * f) status = f === 0 && a === 0 ? "Within" : "Over";
    else if (10 * a <= 9 * f) status = "Under";
    else status = "Within";
    output[row] = [status];
  }
  return output;
}

/** SECVARIANCE(actual, forecast, "SR", "percent"). */
export function variancePercentHandLoop(actual: Column, forecast: Column): Cell[][] {
  const rows = actual.length;
  const output = new Array<Cell[]>(rows);
  for (let row = 0; row < rows; row++) {
    const a = numberOrBlank(actual[row][0]) ?? 0;
    const f = numberOrBlank(forecast[row][0]);
    let cell: Cell;
    if (f === null) cell = new BenchCustomFunctionsError(BENCH_ERROR_CODES.notAvailable, NO_FORECAST_MESSAGE);
    else if (f === 0) cell = new BenchCustomFunctionsError(BENCH_ERROR_CODES.divisionByZero);
    else cell = a / f;
    output[row] = [cell];
  }
  return output;
}

const REASONS_BY_MASK: readonly string[] = Array.from({ length: 32 }, (_, mask) =>
  ["a", "b", "c", "d", "e"].filter((_letter, bit) => (mask & (1 << bit)) !== 0).join(",")
);

function isYesText(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === "yes" || t === "y" || t === "true" || t === "1";
}

function yes(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1;
  return typeof v === "string" && isYesText(v);
}

function count(v: unknown): number {
  if (typeof v === "number") return v;
  if (v === null || v === "") return 0;
  return Number(v);
}

/** PCIFLAG(commissioned, measured, interrogated, recovery_anchor, issue_sc, update_sc_device, update_sc_krp). */
export function pciFlagHandLoop(
  commissioned: Column,
  measured: Column,
  interrogated: Column,
  recoveryAnchor: Column,
  issueSc: Column,
  updateScDevice: Column,
  updateScKrp: Column
): Cell[][] {
  const measuredDate = Math.floor(Number(measured[0][0]));
  const rows = commissioned.length;
  const output = new Array<Cell[]>(rows);
  for (let row = 0; row < rows; row++) {
    const c = commissioned[row][0];
    let cell: string;
    if (c === null || c === "") {
      cell = "Not commissioned";
    } else if (measuredDate - Math.floor(Number(c)) <= 7) {
      cell = "Not due";
    } else {
      const i = interrogated[row][0];
      // 1 and 0 are yes and no; a larger number is the date of the first successful interrogation.
      const wasInterrogated = typeof i === "number" && i > 1 ? Math.floor(i) <= measuredDate : yes(i);
      let mask = wasInterrogated ? 0 : 1;
      if (!yes(recoveryAnchor[row][0])) mask |= 2;
      if (count(issueSc[row][0]) < 2) mask |= 4;
      if (count(updateScDevice[row][0]) < 2) mask |= 8;
      if (count(updateScKrp[row][0]) < 2) mask |= 16;
      cell = mask === 0 ? "Complete" : REASONS_BY_MASK[mask];
    }
    output[row] = [cell];
  }
  return output;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof BenchCustomFunctionsError && b instanceof BenchCustomFunctionsError) {
    return a.code === b.code && (a.message ?? "") === (b.message ?? "");
  }
  return a === b;
}

/** Throws unless two results hold the same cells: a baseline that computes something else proves nothing. */
export function assertSameResult(label: string, product: unknown[][], baseline: unknown[][]): void {
  if (product.length !== baseline.length) {
    throw new Error(
      `${label}: ${product.length} result rows from the product, ${baseline.length} from the baseline`
    );
  }
  for (let row = 0; row < product.length; row++) {
    const left = product[row];
    const right = baseline[row];
    if (left.length !== right.length || !left.every((cell, column) => sameCell(cell, right[column]))) {
      throw new Error(
        `${label}: row ${row} differs: product ${JSON.stringify(left)}, baseline ${JSON.stringify(right)}`
      );
    }
  }
}
