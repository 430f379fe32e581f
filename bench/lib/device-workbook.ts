/**
 * The headless case's input: the bench's Service Requests, CSRs and 1,048,575-row Devices sheets written
 * once as an .xlsx (ExcelJS streaming writer) into a cache directory, and reused until the generator
 * changes. Dates are written as date cells (serials with a date format), as a person's workbook holds them.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { type InputCell, benchInputSheets } from "./report-inputs";
import { progress } from "./measure";

export const CACHE_DIR = path.join(__dirname, "..", "..", ".tmp", "bench");

/** Columns that hold dates, by header. Interrogated holds a date only when it is a number above 1. */
const DATE_HEADERS: ReadonlySet<string> = new Set(["Period", "Commissioned", "Interrogated"]);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function cellValue(value: InputCell, isDateColumn: boolean): ExcelJS.CellValue {
  if (isDateColumn && typeof value === "number" && value > 1)
    return new Date(EXCEL_EPOCH_MS + value * DAY_MS);
  return value;
}

/** The cache file's name carries a hash of the generator's source, so a change to the data makes a new file. */
function cachedWorkbookPath(): string {
  const hash = crypto.createHash("sha1");
  for (const file of ["report-inputs.ts", "device-workbook.ts"])
    hash.update(fs.readFileSync(path.join(__dirname, file)));
  return path.join(CACHE_DIR, `bench-input-${hash.digest("hex").slice(0, 10)}.xlsx`);
}

async function writeWorkbook(filePath: string): Promise<void> {
  const partial = `${filePath}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const sheet of benchInputSheets()) {
    const worksheet = workbook.addWorksheet(sheet.name);
    const dateColumns = sheet.headers.map((header) => DATE_HEADERS.has(header));
    worksheet.columns = sheet.headers.map((header, index) => ({
      header,
      key: String(index),
      width: Math.max(12, header.length + 2),
      style: dateColumns[index] ? { numFmt: "dd/mm/yyyy" } : {},
    }));
    let written = 0;
    for (const row of sheet.rows()) {
      worksheet.addRow(row.map((value, index) => cellValue(value, dateColumns[index]))).commit();
      written++;
      if (written % 200_000 === 0) progress(`${sheet.name}: ${written} rows written`);
    }
    worksheet.commit();
  }
  await workbook.commit();
  fs.renameSync(partial, filePath);
}

/** The path of the bench input workbook, writing it first if it is not cached yet. */
export async function benchInputWorkbook(): Promise<string> {
  const filePath = cachedWorkbookPath();
  if (fs.existsSync(filePath)) return filePath;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Workbooks from an older generator are of no more use.
  for (const name of fs.readdirSync(CACHE_DIR)) {
    if (name.startsWith("bench-input-")) fs.rmSync(path.join(CACHE_DIR, name));
  }
  progress(`writing the bench input workbook once: ${filePath}`);
  await writeWorkbook(filePath);
  return filePath;
}
