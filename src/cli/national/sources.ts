/**
 * The national path's input files: a .csv or .parquet file, or a folder of them (one input table each),
 * each recognised by its header row through the same synonym tables as a workbook's tables.
 */
import { promises as fs, type Stats } from "fs";
import * as path from "path";
import { INPUT_LABELS, type InputField, type InputKind, detectInputs } from "../../reports/inputs";
import type { DuckSession } from "./session";
import { type ColumnCategory, columnCategory, sqlString } from "./sql-text";

export type FileFormat = "csv" | "parquet";

/** One input table read through DuckDB. */
export interface TableFile {
  /** Absolute path. */
  file: string;
  /** How messages name it: the path as the user gave it for a file, the name within the folder otherwise. */
  label: string;
  format: FileFormat;
  kind: InputKind;
  /** Header text, category and DuckDB type of each column, in file order. */
  columns: { name: string; category: ColumnCategory; type: string }[];
  /** Field -> index into columns. */
  fields: Partial<Record<InputField, number>>;
  /** Required fields with no column. */
  missing: InputField[];
}

/** A problem with a whole file (unreadable, empty, not recognised): named by file, exit 2. */
export class InputFileProblem extends Error {}

const FORMAT_OF_EXTENSION: Record<string, FileFormat> = { ".csv": "csv", ".parquet": "parquet" };

export function formatOfFile(file: string): FileFormat | undefined {
  return FORMAT_OF_EXTENSION[path.extname(file).toLowerCase()];
}

/** Whether the runner reads this input through DuckDB: a .csv or .parquet file, or a folder. */
export function isNationalInput(input: string, stat: Stats): boolean {
  return stat.isDirectory() || (stat.isFile() && formatOfFile(input) !== undefined);
}

/**
 * The rows of a file as DuckDB reads them, with `__line`: the line of a CSV file (the header is line 1;
 * a quoted field over several lines counts as one), the 1-based row of a Parquet file. Without
 * `lines`, the rows only: numbering a CSV file's lines is a window over the whole file, which the passes
 * over every row do without (they go back for lines only when there are problems to name).
 */
export function fileRelation(file: string, format: FileFormat, lines = true): string {
  if (format === "parquet") {
    const reader = `read_parquet(${sqlString(file)}${lines ? ", file_row_number = true" : ""})`;
    return lines
      ? `(SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS __line FROM ${reader})`
      : reader;
  }
  // Every column as text (the coercions decide what it holds); the header row is always a header.
  const reader = `read_csv(${sqlString(file)}, header = true, all_varchar = true)`;
  // ROW_NUMBER() OVER () streams in file order (insertion order is preserved), which gives the line.
  return lines ? `(SELECT *, row_number() OVER () + 1 AS __line FROM ${reader})` : reader;
}

/** "line 12" for CSV, "row 12" for Parquet, as a person finds the row in each. */
export function lineWord(format: FileFormat): string {
  return format === "csv" ? "line" : "row";
}

async function describeFile(
  session: DuckSession,
  file: string,
  label: string,
  format: FileFormat
): Promise<TableFile | null> {
  const stat = await fs.stat(file);
  if (stat.size === 0) throw new InputFileProblem(`${label}: the file is empty`);
  let columns: { name: string; type: string }[];
  try {
    columns = (await session.describe(`SELECT * FROM ${fileRelation(file, format)}`)).filter(
      (column) => column.name !== "__line"
    );
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0];
    throw new InputFileProblem(
      `${label}: not readable as ${format === "csv" ? "CSV" : "Parquet"} (${detail})`
    );
  }
  const headers = columns.map((column) => column.name);
  const [detected] = detectInputs([{ sheet: label, row: 0, col: 0, values: [headers] }]);
  if (detected === undefined) return null;
  return {
    file,
    label,
    format,
    kind: detected.kind,
    columns: columns.map((column) => ({ ...column, category: columnCategory(column.type) })),
    fields: detected.columns,
    missing: detected.missing,
  };
}

/** The input tables of a file or folder; files that are not input tables are named in `ignored`. */
export async function findTableFiles(
  session: DuckSession,
  input: string,
  stat: Stats
): Promise<{ tables: TableFile[]; ignored: string[] }> {
  const candidates: { file: string; label: string; format: FileFormat }[] = [];
  const ignored: string[] = [];
  if (stat.isDirectory()) {
    for (const name of (await fs.readdir(input)).sort()) {
      const file = path.join(input, name);
      const format = formatOfFile(name);
      if (!(await fs.stat(file)).isFile()) continue;
      if (format === undefined) ignored.push(`${name} (not .csv or .parquet)`);
      else candidates.push({ file, label: name, format });
    }
  } else {
    const format = formatOfFile(input);
    if (format !== undefined) candidates.push({ file: input, label: path.basename(input), format });
  }
  const tables: TableFile[] = [];
  for (const candidate of candidates) {
    const table = await describeFile(session, candidate.file, candidate.label, candidate.format);
    if (table === null) {
      if (!stat.isDirectory()) {
        throw new InputFileProblem(
          `${candidate.label} line 1: no input table recognised by its headers (each needs User ID, ` +
            `Subscriber ID, or Device ID and Commissioned)`
        );
      }
      ignored.push(`${candidate.label} (no input table headers)`);
      continue;
    }
    const twin = tables.find((other) => other.kind === table.kind);
    if (twin !== undefined) {
      throw new InputFileProblem(
        `${twin.label} and ${table.label} both hold ${INPUT_LABELS[table.kind]}: one file per input table`
      );
    }
    tables.push(table);
  }
  return { tables, ignored };
}
