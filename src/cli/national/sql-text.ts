/** Quoting for SQL built from file names and headers, and DuckDB type names in the few kinds we coerce from. */

/** A string literal: 'it''s'. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted identifier: "User ID" (for headers, which may hold any text). */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A JavaScript RegExp as an RE2 pattern for DuckDB's regexp functions (same syntax for what we use). */
export function sqlRegex(pattern: RegExp): string {
  return sqlString((pattern.flags.includes("i") ? "(?i)" : "") + pattern.source);
}

/** A list literal of strings: ['a', 'b']. */
export function sqlStringList(texts: Iterable<string>): string {
  return `[${[...texts].map(sqlString).join(", ")}]`;
}

/** An IN list of strings: ('a', 'b'). */
export function sqlInList(texts: Iterable<string>): string {
  return `(${[...texts].map(sqlString).join(", ")})`;
}

/** How a column's DuckDB type is read: each kind has its own coercion. */
export type ColumnCategory = "text" | "number" | "boolean" | "date" | "timestamp";

/** Whether a DuckDB type name is a whole-number type (TINYINT … UHUGEINT), whose values need no test of being whole. */
export function isWholeNumberType(duckdbType: string): boolean {
  return /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(duckdbType.toUpperCase());
}

/** The category of a DuckDB type name as DESCRIBE gives it (VARCHAR, BIGINT, DECIMAL(18,3), DATE …). */
export function columnCategory(duckdbType: string): ColumnCategory {
  const type = duckdbType.toUpperCase();
  if (type === "BOOLEAN") return "boolean";
  if (type === "DATE") return "date";
  if (type.startsWith("TIMESTAMP")) return "timestamp";
  if (
    /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|REAL)$/.test(type) ||
    type.startsWith("DECIMAL")
  ) {
    return "number";
  }
  // VARCHAR, and anything else read as its text.
  return "text";
}
