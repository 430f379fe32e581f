/**
 * Writes examples/sample-input.xlsx from sampleWorkbook(): the same data as the task pane's "Insert
 * sample data", each sheet an Excel table with its dates formatted as dates. The file is reproducible:
 * running this again gives the same bytes.
 *
 * Usage: npm run examples [-- OUTPUT.xlsx]
 */
import * as path from "path";
import {
  DATE_FORMAT,
  detectInputs,
  sampleWorkbook,
  type InputField,
  type StyledRange,
  type TableSpec,
} from "../src/reports";
import { type WritableSheet, writeFileAtomically, writeSheetsXlsx } from "../src/cli/write-xlsx";

const FIXED_DATE = new Date(Date.UTC(2018, 1, 14));
const MONTH_FORMAT = "mmm yyyy";
const DEFAULT_OUTPUT = path.resolve(__dirname, "..", "examples", "sample-input.xlsx");

/** Table names for the sample sheets ("Service Requests" -> "ServiceRequests"). */
function tableNameOf(sheet: string): string {
  return sheet.replace(/[^A-Za-z0-9_]/g, "");
}

/** Date cells of one column as styled ranges, one range per run of consecutive date rows. */
function dateRuns(values: unknown[][], col: number, format: string): StyledRange[] {
  const ranges: StyledRange[] = [];
  let start = -1;
  for (let row = 1; row <= values.length; row++) {
    // Interrogated holds yes/no (including 1 and 0) or a date: only numbers above 1 are dates.
    const value = row < values.length ? values[row][col] : null;
    const isDate = typeof value === "number" && value > 1;
    if (isDate && start < 0) start = row;
    if (!isDate && start >= 0) {
      ranges.push({ row: start, col, rowCount: row - start, colCount: 1, style: { numberFormat: format } });
      start = -1;
    }
  }
  return ranges;
}

/** Wide enough for the header and the longest text in the column (dates show in 10 characters). */
function columnWidth(header: string, values: unknown[][], col: number): number {
  let longest = header.length + 2;
  for (let row = 1; row < values.length; row++) {
    const value = values[row][col];
    longest = Math.max(longest, typeof value === "string" ? value.length : 10);
  }
  return Math.min(40, longest + 2);
}

export function sampleSheets(): WritableSheet[] {
  const sheets = sampleWorkbook();
  const detected = detectInputs(
    sheets.map((sheet) => ({ sheet: sheet.name, row: 0, col: 0, values: sheet.values }))
  );
  return sheets.map((sheet) => {
    const headers = sheet.values[0].map((header) => String(header));
    const input = detected.find((candidate) => candidate.source.sheet === sheet.name);
    const columns: Partial<Record<InputField, number>> = input?.columns ?? {};
    const columnFormats: (string | null)[] = headers.map(() => null);
    if (columns.period !== undefined) columnFormats[columns.period] = MONTH_FORMAT;
    if (columns.commissioned !== undefined) columnFormats[columns.commissioned] = DATE_FORMAT;
    const styles: StyledRange[] =
      columns.interrogated !== undefined ? dateRuns(sheet.values, columns.interrogated, DATE_FORMAT) : [];
    const table: TableSpec = {
      name: tableNameOf(sheet.name),
      row: 0,
      col: 0,
      headers,
      rowCount: sheet.values.length - 1,
      columnFormats,
      style: "TableStyleMedium2",
    };
    return {
      name: sheet.name,
      values: [{ row: 0, col: 0, values: sheet.values }],
      styles,
      tables: [table],
      conditionalFormats: [],
      charts: [],
      columnWidths: headers.map((header, col) => columnWidth(header, sheet.values, col)),
      freezeRows: 1,
    };
  });
}

async function main(): Promise<void> {
  const output = path.resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  await writeFileAtomically(output, (temp) =>
    writeSheetsXlsx(sampleSheets(), temp, { fixedDate: FIXED_DATE })
  );
  process.stdout.write(`${output}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
