/**
 * The one measure of request size used to size batches.
 *
 * Office.js sends each `context.sync()` as one JSON request; Excel on the web rejects a request over
 * 5 MB. We measure what a batch carries the way it travels: the UTF-8 bytes of the JSON of the
 * values (after the text-safe conversion below), plus a fixed allowance per queued operation for
 * the envelope Office.js adds around it (object path, method or property name, indexes). The
 * in-memory test host measures the same thing exactly (JSON of every queued operation), and the
 * allowance is chosen so that this estimate is never below the host's measure.
 */
import type { CellValue } from "../reports/layout";

/** Envelope of one queued operation (e.g. `{"a":"set","o":123,"p":"values","v":…}`), rounded up. */
export const OPERATION_OVERHEAD_BYTES = 256;

/** UTF-8 length of a string without allocating (JSON output holds only well-formed surrogate pairs). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdfff)
      bytes += 2; // half of a 4-byte pair
    else bytes += 3;
  }
  return bytes;
}

/**
 * Bytes a request spends on `payload` (any JSON-able value: a values grid, a number-format grid, a
 * name) and on `operations` queued operations.
 */
export function estimateRequestBytes(payload: unknown, operations = 1): number {
  const json = payload === undefined ? "" : (JSON.stringify(payload) ?? "");
  return utf8Length(json) + operations * OPERATION_OVERHEAD_BYTES;
}

/**
 * What we write for a layout value so that Excel stores exactly it: a non-empty string gets a
 * leading apostrophe (Excel then keeps the rest as text: "=HYPERLINK(…)", "+44…", "0012", "TRUE"
 * and "2018-01" stay text), null becomes "" (an empty cell).
 */
export function cellInputValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : "'" + value;
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`Cannot write ${String(value)} to a cell: Excel cells hold finite numbers only.`);
  }
  return value;
}

/**
 * JSON bytes of one row after cellInputValue, plus its separating comma. Computed from the row as
 * given: each non-empty string gains one byte (the apostrophe); null is counted as `null` (4 bytes),
 * more than the `""` actually sent, so this never under-counts.
 */
export function rowInputBytes(row: readonly CellValue[]): number {
  let strings = 0;
  for (const value of row) if (typeof value === "string" && value !== "") strings += 1;
  return utf8Length(JSON.stringify(row)) + strings + 1;
}
