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
  PERCENT_FORMAT,
  detectInputs,
  sampleWorkbook,
  type InputField,
  type StyledRange,
  type TableSpec,
} from "../src/reports";
import { writeFileAtomically, writeSheetsXlsx } from "../src/cli/write-xlsx";
import type { SheetSource } from "../src/reports/resolve";

const FIXED_DATE = new Date(Date.UTC(2018, 1, 14));
const MONTH_FORMAT = "mmm yyyy";
const DEFAULT_OUTPUT = path.resolve(__dirname, "..", "examples", "sample-input.xlsx");

/** Table names for the sample sheets ("Service Requests" -> "ServiceRequests"). */
function tableNameOf(sheet: string): string {
  return sheet.replace(/[^A-Za-z0-9_]/g, "");
}

/** The cells of one column whose row passes `wanted`, as styled ranges, one range per run of rows. */
function formattedRuns(
  values: unknown[][],
  col: number,
  wanted: (row: unknown[]) => boolean,
  format: string
): StyledRange[] {
  const ranges: StyledRange[] = [];
  let start = -1;
  for (let row = 1; row <= values.length; row++) {
    const isWanted = row < values.length && wanted(values[row]);
    if (isWanted && start < 0) start = row;
    if (!isWanted && start >= 0) {
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

export function sampleSheets(): SheetSource[] {
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
    const styles: StyledRange[] = [];
    const interrogated = columns.interrogated;
    if (interrogated !== undefined) {
      // Interrogated holds yes/no (including 1 and 0) or a date: only numbers above 1 are dates.
      const isDate = (row: unknown[]): boolean =>
        typeof row[interrogated] === "number" && row[interrogated] > 1;
      styles.push(...formattedRuns(sheet.values, interrogated, isDate, DATE_FORMAT));
    }
    const threshold = columns.threshold;
    if (threshold !== undefined && columns.value !== undefined) {
      // A metric with a threshold below 1 is a percentage: its value and threshold show as 99.5%.
      const isPercentage = (row: unknown[]): boolean =>
        typeof row[threshold] === "number" && row[threshold] < 1;
      for (const col of [columns.value, threshold]) {
        styles.push(...formattedRuns(sheet.values, col, isPercentage, PERCENT_FORMAT));
      }
    }
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
