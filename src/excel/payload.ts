/**
 * The one measure of request size used to size batches.
 *
 * Office.js sends each `context.sync()` as one JSON request body; on Excel on the web that body
 * string is JSON-encoded again inside the message posted to Excel (so every `"` and `\\` in it
 * takes two bytes), and Excel on the web refuses a message over 5,000,000 bytes. We measure what a
 * batch carries the way it arrives: the enveloped UTF-8 bytes of the JSON of the values (after the
 * text-safe conversion below), plus a fixed allowance per queued operation for what Office.js adds
 * around it (object paths, actions, `_KeepReference`), plus the sub-range writes Office.js makes of
 * any values or number-format write over 1,500 cells. The tests measure the real client's messages
 * (test/support/office-js-host.ts) and check that this estimate is never below them.
 */
import type { CellValue } from "../reports/layout";

/** One queued operation as Office.js sends it (its object path and action, enveloped), rounded up. */
export const OPERATION_OVERHEAD_BYTES = 256;

/** Office.js writes `values` and `numberFormat` in sub-ranges of at most this many cells... */
export const SUB_RANGE_CELLS = 1_500;
/** ...each costing two row paths, a bounding-range path and a set action (enveloped), rounded up. */
export const SUB_RANGE_OVERHEAD_BYTES = 1_024;

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

/** Bytes of JSON text `json` once enveloped: UTF-8, with each `"` and `\\` escaped once more. */
export function envelopedLength(json: string): number {
  let bytes = utf8Length(json);
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 34 || code === 92) bytes += 1;
  }
  return bytes;
}

/** Per row of `width` cells, its share of the sub-range writes Office.js splits a large write into. */
export function subRangeBytesPerRow(width: number): number {
  const rowsPerSubRange = Math.max(1, Math.round(SUB_RANGE_CELLS / Math.max(1, width)));
  return Math.ceil(SUB_RANGE_OVERHEAD_BYTES / rowsPerSubRange);
}

/**
 * Bytes a request spends on `payload` (any JSON-able value: a values grid, a number-format grid, a
 * name) and on `operations` queued operations.
 */
export function estimateRequestBytes(payload: unknown, operations = 1): number {
  const json = payload === undefined ? "" : (JSON.stringify(payload) ?? "");
  return envelopedLength(json) + operations * OPERATION_OVERHEAD_BYTES;
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
 * Enveloped JSON bytes of one row after cellInputValue, plus its separating comma and its share of
 * the sub-range writes. Computed from the row as given: each non-empty string gains one byte (the
 * apostrophe); null is counted as `null` (4 bytes), more than the `""` (4 bytes enveloped) sent.
 */
export function rowInputBytes(row: readonly CellValue[]): number {
  let strings = 0;
  for (const value of row) if (typeof value === "string" && value !== "") strings += 1;
  return envelopedLength(JSON.stringify(row)) + strings + 1 + subRangeBytesPerRow(row.length);
}
