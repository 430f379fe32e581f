/**
 * Excel tables for ExcelJS's streaming WorkbookWriter.
 *
 * ExcelJS 4.4 writes tables only from its in-memory Workbook, which holds every cell as an object: a
 * million-row PCI table would need gigabytes. The streaming writer keeps memory bounded but has no
 * `addTable`, so this module adds the three parts a table needs to the package it writes:
 * `xl/tables/tableN.xml`, a `table` relationship plus `<tableParts>` in the sheet, and a content-type
 * override. It reaches into the writer's internals (named below) in this one place only.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import { cellAddress } from "../reports";
import type { ResolvedTable } from "../reports/resolve";
import { SharedStringTable, sharedStringsXml, xmlText } from "./xlsx-shared-strings";

const TABLE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const TABLE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The parts of ExcelJS 4.4's streaming WorkbookWriter used here. */
interface WorkbookWriterInternals {
  zip: {
    append(source: unknown, data: { name: string; date?: Date }): unknown;
    on(event: "error", listener: (error: Error) => void): unknown;
  };
  sharedStrings: SharedStringTable;
}

/** The parts of ExcelJS 4.4's streaming WorksheetWriter used here. */
interface WorksheetWriterInternals {
  _sheetRelsWriter: { addRelationship(relationship: { Target: string; Type: string }): string };
  _writeCloseWorksheet(): void;
  _write(text: string): void;
}

/** One table on a streamed sheet: header row at `row` (0-based), then `dataRows` rows (resolved). */
export type StreamedTable = Pick<ResolvedTable, "name" | "row" | "col" | "headers" | "dataRows" | "style">;

/** The A1 range a table covers: its header and its data rows. */
export function tableRef(table: StreamedTable): string {
  const lastRow = table.row + table.dataRows;
  const lastCol = table.col + table.headers.length - 1;
  return `${cellAddress(table.row, table.col)}:${cellAddress(lastRow, lastCol)}`;
}

function tableXml(table: StreamedTable, id: number): string {
  const ref = tableRef(table);
  const columns = table.headers
    .map((header, index) => `<tableColumn id="${index + 1}" name="${xmlText(header)}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${MAIN_NAMESPACE}" id="${id}" name="${xmlText(table.name)}" ` +
    `displayName="${xmlText(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${xmlText(table.style)}" showFirstColumn="0" showLastColumn="0" ` +
    'showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** Gives every zip entry the same date, so that a regenerated file is byte-for-byte the same. */
function pinEntryDates(workbook: ExcelJS.stream.xlsx.WorkbookWriter, date: Date): void {
  const zip = (workbook as unknown as WorkbookWriterInternals).zip;
  const append = zip.append.bind(zip);
  zip.append = (source: unknown, data: { name: string }): unknown => append(source, { ...data, date });
}

/**
 * A streaming workbook writing to `filename`, with table support and fast shared strings
 * (xlsx-shared-strings.ts). With `entryDate`, every zip entry carries that date (ExcelJS adds its first
 * entries inside its constructor, hence the subclass).
 */
export function createStreamingWorkbook(
  filename: string,
  options: { entryDate?: Date } = {}
): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; tables: StreamingTables; failed: Promise<never> } {
  const { entryDate } = options;
  class ReportWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
    constructor(writerOptions: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>) {
      super(writerOptions);
      (this as unknown as WorkbookWriterInternals).sharedStrings = new SharedStringTable();
    }

    // Called by the base constructor right after it creates the zip, before the first entry.
    override addThemes(): Promise<void> {
      if (entryDate) pinEntryDates(this, entryDate);
      return super.addThemes();
    }

    override addSharedStrings(): Promise<void> {
      const { sharedStrings, zip } = this as unknown as WorkbookWriterInternals;
      if (sharedStrings.count > 0)
        zip.append(sharedStringsXml(sharedStrings.values), { name: "/xl/sharedStrings.xml" });
      return Promise.resolve();
    }
  }
  // The file is created now, synchronously, rather than by a pending asynchronous open: an
  // interruption that removes it cannot be followed by the open creating it again.
  const stream = fs.createWriteStream(filename, { fd: fs.openSync(filename, "w") });
  const workbook = new ReportWorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  // A failed write (a full disk, an I/O error) comes as an "error" event of the file or the zip stream,
  // not as a rejection: unheard, it would end the process and leave the file behind; and the commit
  // would wait for ever for a stream that has stopped. `failed` rejects with the first such error.
  const { zip } = workbook as unknown as WorkbookWriterInternals;
  const failed = new Promise<never>((_, reject) => {
    const fail = (error: Error): void => {
      stream.destroy();
      reject(error);
    };
    stream.on("error", fail);
    zip.on("error", fail);
  });
  failed.catch(() => undefined);
  return { workbook, tables: new StreamingTables(workbook), failed };
}

/**
 * Adds Excel tables to a streaming workbook. Create one per WorkbookWriter, before any sheet is
 * committed, and call `addTables` for each sheet before committing that sheet.
 */
export class StreamingTables {
  private readonly zip: WorkbookWriterInternals["zip"];
  private readonly partNames: string[] = [];

  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
    this.zip = (workbook as unknown as WorkbookWriterInternals).zip;
    const append = this.zip.append.bind(this.zip);
    // The content types are written at commit, as one string: add an override per table part to it.
    this.zip.append = (source: unknown, data: { name: string }): unknown => {
      if (data.name === "[Content_Types].xml" && typeof source === "string") {
        const overrides = this.partNames
          .map((part) => `<Override PartName="/${part}" ContentType="${TABLE_CONTENT_TYPE}"/>`)
          .join("");
        return append(source.replace("</Types>", `${overrides}</Types>`), data);
      }
      return append(source, data);
    };
  }

  /** Registers the sheet's tables; they are linked when the sheet is committed. */
  addTables(worksheet: ExcelJS.Worksheet, tables: readonly StreamedTable[]): void {
    if (tables.length === 0) return;
    const internals = worksheet as unknown as WorksheetWriterInternals;
    const closeWorksheet = internals._writeCloseWorksheet.bind(internals);
    internals._writeCloseWorksheet = (): void => {
      const relationshipIds = tables.map((table) => {
        const id = this.partNames.length + 1;
        const partName = `xl/tables/table${id}.xml`;
        this.partNames.push(partName);
        this.zip.append(tableXml(table, id), { name: partName });
        return internals._sheetRelsWriter.addRelationship({
          Target: `../tables/table${id}.xml`,
          Type: TABLE_RELATIONSHIP,
        });
      });
      const parts = relationshipIds.map((rId) => `<tablePart r:id="${rId}"/>`).join("");
      internals._write(`<tableParts count="${tables.length}">${parts}</tableParts>`);
      closeWorksheet();
    };
  }
}
