/**
 * Service Requests and CSRs from CSV or Parquet: a row per party and month, so small. DuckDB reads them
 * into the same grids a workbook gives, and src/reports checks them exactly as it checks a sheet; only
 * the problems' places are put back in terms of the file (its name and line).
 */
import type { Problem } from "../../reports/check";
import { sheetReference } from "../../reports/address";
import type { DetectedInput, SourceGrid } from "../../reports/inputs";
import type { DuckSession } from "./session";
import { type TableFile, fileRelation, lineWord } from "./sources";
import { sqlIdentifier } from "./sql-text";

export interface SmallTable {
  input: DetectedInput;
  /** The file's line (CSV) or row (Parquet) of each data row of the grid. */
  lines: number[];
  table: TableFile;
}

/** Reads the whole table as the values a workbook cell could hold: text, numbers, booleans, null. */
export async function readSmallTable(session: DuckSession, table: TableFile): Promise<SmallTable> {
  const columns = table.columns.map(({ name, category }) => {
    const quoted = sqlIdentifier(name);
    switch (category) {
      case "number":
        return `CAST(${quoted} AS DOUBLE)`;
      case "date":
        return `strftime(${quoted}, '%Y-%m-%d')`;
      case "timestamp":
        return `strftime(${quoted}, '%Y-%m-%d %H:%M:%S')`;
      default:
        return quoted;
    }
  });
  const rows = await session.rows(
    `SELECT __line::DOUBLE, ${columns.join(", ")} FROM ${fileRelation(table.file, table.format)} ORDER BY __line`
  );
  const values: unknown[][] = [table.columns.map((column) => column.name)];
  const lines: number[] = [];
  for (const row of rows) {
    lines.push(Number(row[0]));
    values.push(row.slice(1).map((value) => (typeof value === "bigint" ? Number(value) : value)));
  }
  const source: SourceGrid = { sheet: table.label, row: 0, col: 0, values };
  return {
    input: {
      kind: table.kind,
      source,
      columns: table.fields,
      missing: table.missing,
      rowCount: rows.length,
    },
    lines,
    table,
  };
}

/** Where a problem is in a file: "sr.csv line 12, Actual" (the header: "line 1" / "header"). */
export function fileProblem(problem: Problem, small: SmallTable): Problem {
  const { table, lines } = small;
  const prefix = `${sheetReference(problem.sheet)}!${problem.address}: `;
  const detail = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
  const line = problem.row === 0 ? (table.format === "csv" ? 1 : 0) : lines[problem.row - 1];
  const where = line === 0 ? "header" : `${lineWord(table.format)} ${line}`;
  const header = table.columns[problem.col]?.name;
  return {
    ...problem,
    row: line - 1,
    address: where,
    message: `${table.label} ${where}${header === undefined ? "" : `, ${header}`}: ${detail}`,
  };
}
