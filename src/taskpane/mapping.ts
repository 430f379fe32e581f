/**
 * Column-mapping corrections: the user may point a field at a different header (or at none, for an
 * optional field). The input is then mapped again with those choices fixed.
 */
import type { DetectedInput, InputField, InputKind } from "../reports";
import type { ReportFunctions } from "./services";

/** The user's choice per field: a column index within the grid, or null for "no column". */
export type ColumnOverrides = Partial<Record<InputField, number | null>>;

/** Identifies an input across refreshes: the same sheet, table and position, read as the same kind. */
export function inputKey(input: Pick<DetectedInput, "kind" | "source">): string {
  const { sheet, table, row, col } = input.source;
  return `${input.kind}|${sheet}|${table ?? ""}|${row}|${col}`;
}

/** Adds one choice, dropping an earlier choice of the same column for another field (one header, one field). */
export function withOverride(
  overrides: ColumnOverrides,
  field: InputField,
  column: number | null
): ColumnOverrides {
  const next: ColumnOverrides = {};
  for (const [other, chosen] of Object.entries(overrides) as [InputField, number | null][]) {
    if (other !== field && !(column !== null && chosen === column)) next[other] = chosen;
  }
  next[field] = column;
  return next;
}

/** Maps the input's headers again, then applies the user's choices; recomputes the missing fields. */
export function remapInput(
  input: DetectedInput,
  overrides: ColumnOverrides,
  functions: Pick<ReportFunctions, "mapColumns" | "INPUT_FIELDS">
): DetectedInput {
  const headers = input.source.values[0] ?? [];
  const columns: Partial<Record<InputField, number>> = { ...functions.mapColumns(input.kind, headers) };
  for (const [field, column] of Object.entries(overrides) as [InputField, number | null][]) {
    if (column === null) {
      delete columns[field];
      continue;
    }
    if (column < 0 || column >= headers.length) continue; // the grid changed since the choice was made
    for (const other of Object.keys(columns) as InputField[]) {
      if (other !== field && columns[other] === column) delete columns[other];
    }
    columns[field] = column;
  }
  return { ...input, columns, missing: missingFields(input.kind, columns, functions) };
}

function missingFields(
  kind: InputKind,
  columns: Partial<Record<InputField, number>>,
  functions: Pick<ReportFunctions, "INPUT_FIELDS">
): InputField[] {
  return functions.INPUT_FIELDS[kind]
    .filter((spec) => spec.required && columns[spec.field] === undefined)
    .map((spec) => spec.field);
}

/** A header cell as text for a dropdown option ("Column 3" when the header is blank). */
export function headerLabel(header: unknown, index: number): string {
  const text = header === null || header === undefined ? "" : String(header).trim();
  return text === "" ? `Column ${index + 1}` : text;
}
