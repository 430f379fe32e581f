/**
 * The rows of a streamed sheet, written straight as `<sheetData>` XML.
 *
 * ExcelJS's streaming writer makes a Row object, a Cell object and a style model per cell and an XML
 * stream per row: about 25 µs a row of a seven-column table, most of a million-row PCI sheet's write.
 * This writes the bytes ExcelJS would write for the same cells (`row-xform`, `cell-xform`), taking the
 * style ids and shared-string indexes from ExcelJS's own registries in the order it would ask them, so
 * the styles and strings parts it writes at commit stay exactly as before. The rows go to the sheet's
 * zip entry in chunks, waiting while the compressor is behind, so memory holds a few chunks, never the
 * sheet. It reaches into ExcelJS 4.4's writer (named below) in this one place only.
 */
import * as ExcelJS from "exceljs";
import { columnLetters } from "../reports/address";
import type { CellValue, ValueBlock } from "../reports/layout";

/** The parts of ExcelJS 4.4's StylesXform used here. */
interface StyleRegistry {
  /** A style id for a style model; the id of a model object seen before is remembered (a WeakMap). */
  addStyleModel(model: Partial<ExcelJS.Style>, cellType?: ExcelJS.ValueType): number;
}

/** The parts of ExcelJS 4.4's SharedStrings used here. */
interface SharedStringRegistry {
  add(value: string): number;
}

/** The parts of ExcelJS 4.4's streaming WorkbookWriter used here. */
interface WorkbookWriterInternals {
  styles: StyleRegistry;
  sharedStrings: SharedStringRegistry;
}

/** The buffered bytes of a Node stream (readable-stream 2, as archiver uses, predates `writableLength`). */
interface StreamState {
  _writableState?: { length: number };
  _readableState?: { length: number };
}

/** The parts of ExcelJS 4.4's StreamBuf (a sheet's zip entry) used here. */
interface EntryStream {
  write(data: string): unknown;
  /** 64 KB buffers not yet handed on (all of them until the zip reaches this entry). */
  buffers: unknown[];
  /** archiver's stream into the compressor, once the zip has reached this entry. */
  pipes: StreamState[];
}

/** The parts of ExcelJS 4.4's streaming WorksheetWriter used here. */
interface WorksheetWriterInternals {
  stream: EntryStream;
  startedData: boolean;
  useSharedStrings: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

/** A styled column of a segment: its style object (one per distinct style, reused across cells). */
export interface StyledColumn {
  col: number;
  style: Partial<ExcelJS.Style>;
}

/** XML gathered before it is handed to the entry: big enough to amortise a write, small enough to stay in cache. */
const CHUNK_CHARACTERS = 64 * 1024;
/** Bytes waiting for the compressor beyond which the writer pauses, so memory stays bounded. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
const ENTRY_BUFFER_BYTES = 64 * 1024;

const { Null, Number: NumberType, String: StringType, Boolean: BooleanType } = ExcelJS.ValueType;

function valueType(value: CellValue): ExcelJS.ValueType {
  if (value === null) return Null;
  if (typeof value === "number") return NumberType;
  if (typeof value === "boolean") return BooleanType;
  return StringType;
}

/** Writes one streamed sheet's rows; create one per worksheet, before any of its rows. */
export class SheetRowWriter {
  private readonly styles: StyleRegistry;
  private readonly sharedStrings: SharedStringRegistry;
  private readonly sheet: WorksheetWriterInternals;
  /** Style id of a cell without a styled range, by value type: ExcelJS gives each such cell a fresh `{}`. */
  private readonly unstyledIds = new Map<ExcelJS.ValueType, number>();
  /** The row style id ExcelJS gives every row (its style is an empty `{}`), once asked. */
  private rowStyleAttributes: string | undefined;
  private chunk = "";

  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter, worksheet: ExcelJS.Worksheet) {
    const internals = workbook as unknown as WorkbookWriterInternals;
    this.sheet = worksheet as unknown as WorksheetWriterInternals;
    this.styles = internals.styles;
    // Text goes to the shared strings, as createStreamingWorkbook asks: ExcelJS escapes it there.
    if (!this.sheet.useSharedStrings) throw new Error("SheetRowWriter needs a workbook with shared strings.");
    this.sharedStrings = internals.sharedStrings;
  }

  /**
   * Rows `start` to `end - 1` (0-based), over which the same value blocks and styled columns apply. Where
   * blocks overlap, the later block's value wins unless it is blank, as cells set one after the other.
   */
  async writeSegment(
    start: number,
    end: number,
    blocks: readonly ValueBlock[],
    styledColumns: readonly StyledColumn[]
  ): Promise<void> {
    // The columns the segment touches, in order; a cell is written for each that has a value or a style.
    const columnSet = new Set<number>();
    for (const block of blocks) {
      // Rows of a block have one length; the widest row of the segment is taken, so none is cut if not.
      let width = 0;
      for (let row = start; row < end; row++) width = Math.max(width, block.values[row - block.row].length);
      for (let col = block.col; col < block.col + width; col++) columnSet.add(col);
    }
    for (const { col } of styledColumns) columnSet.add(col);
    const columns = [...columnSet].sort((a, b) => a - b);
    const positionOf = new Map(columns.map((col, position) => [col, position]));
    const letters = columns.map(columnLetters);
    const styleObjects: (Partial<ExcelJS.Style> | undefined)[] = columns.map(() => undefined);
    for (const { col, style } of styledColumns) styleObjects[positionOf.get(col) as number] = style;
    // A style object's id is fixed by its first cell (ExcelJS remembers it with that cell's type).
    const styledIds: (number | undefined)[] = columns.map(() => undefined);
    const blockStarts = blocks.map((block) => positionOf.get(block.col) as number);
    const cellValues: CellValue[] = columns.map(() => null);

    if (start < end) this.startData();
    for (let row = start; row < end; row++) {
      cellValues.fill(null);
      let hasValues = false;
      for (let index = 0; index < blocks.length; index++) {
        const block = blocks[index];
        const values = block.values[row - block.row];
        const first = blockStarts[index];
        for (let offset = 0; offset < values.length; offset++) {
          const value = values[offset];
          if (value !== null && value !== undefined) {
            cellValues[first + offset] = value;
            hasValues = true;
          }
        }
      }
      // ExcelJS leaves out a row with no value, styles or not.
      if (!hasValues) continue;

      // ExcelJS asks for the row's style before its cells'.
      const rowStyle = this.rowStyle();
      const rowNumber = String(row + 1);
      let cells = "";
      let min = 0;
      let max = 0;
      for (let position = 0; position < columns.length; position++) {
        const value = cellValues[position];
        const style = styleObjects[position];
        if (value === null && style === undefined) continue;
        const colNumber = columns[position] + 1;
        if (min === 0) min = colNumber;
        max = colNumber;
        const type = valueType(value);
        let styleId: number;
        if (style === undefined) {
          styleId = this.unstyledId(type);
        } else {
          let id = styledIds[position];
          if (id === undefined) id = styledIds[position] = this.styles.addStyleModel(style, type);
          styleId = id;
        }
        // A blank cell with no style id is not written (but still counts in the row's span, as in ExcelJS).
        if (value === null && styleId === 0) continue;
        cells += `<c r="${letters[position]}${rowNumber}"`;
        if (styleId !== 0) cells += ` s="${styleId}"`;
        if (value === null) cells += "/>";
        else if (typeof value === "number") cells += `><v>${String(value)}</v></c>`;
        else if (typeof value === "boolean") cells += ` t="b"><v>${value ? "1" : "0"}</v></c>`;
        // Text is always a shared string: "=1+1" stays text, never a formula.
        else cells += ` t="s"><v>${this.sharedStrings.add(value)}</v></c>`;
      }
      this.chunk += `<row r="${rowNumber}" spans="${min}:${max}"${rowStyle} x14ac:dyDescent="0.25">${cells}</row>`;
      if (this.chunk.length >= CHUNK_CHARACTERS) await this.flush();
    }
  }

  /** Hands the last rows to the entry; call before the worksheet is committed. */
  async finish(): Promise<void> {
    await this.flush();
  }

  /** As ExcelJS does at its first row (written or not): the column widths, then the opening `<sheetData>`. */
  private startData(): void {
    if (this.sheet.startedData) return;
    this.sheet._writeColumns();
    this.sheet._writeOpenSheetData();
    this.sheet.startedData = true;
  }

  private unstyledId(type: ExcelJS.ValueType): number {
    let id = this.unstyledIds.get(type);
    if (id === undefined) {
      id = this.styles.addStyleModel({}, type);
      this.unstyledIds.set(type, id);
    }
    return id;
  }

  private rowStyle(): string {
    if (this.rowStyleAttributes === undefined) {
      const id = this.styles.addStyleModel({});
      this.rowStyleAttributes = id === 0 ? "" : ` s="${id}" customFormat="1"`;
    }
    return this.rowStyleAttributes;
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const stream = this.sheet.stream;
    stream.write(this.chunk);
    this.chunk = "";
    // Let the zip compress what is written; wait while too much is waiting for it.
    do {
      await new Promise<void>((resolve) => setImmediate(resolve));
    } while (pendingBytes(stream) > MAX_PENDING_BYTES);
  }
}

/** Bytes written to the entry that the compressor has not taken yet. */
function pendingBytes(stream: EntryStream): number {
  const next = stream.pipes[0];
  const queued = (next?._writableState?.length ?? 0) + (next?._readableState?.length ?? 0);
  return stream.buffers.length * ENTRY_BUFFER_BYTES + queued;
}
