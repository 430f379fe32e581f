/**
 * Writes sheet layouts into the open workbook, all or nothing.
 *
 * 1. One sync reads the sheet and table names. If report sheets of the same names exist, the user is
 *    asked once (confirmReplace): replace them, or write under free names ("… (2)").
 * 2. The new sheets are written under temporary names, in batches sized by bytes (estimateRequestBytes,
 *    at most maxRequestBytes each): values first (whole 2-D blocks, split by rows only when large),
 *    then number formats and styles, then tables over the written ranges, conditional formats,
 *    charts, widths and frozen rows. Calculation and screen updating are suspended for each batch.
 * 3. One final batch renames the sheets being replaced (and their clashing tables) out of the way,
 *    gives the new sheets and tables their names, and then deletes the replaced sheets. Deletes come
 *    last, so a failure inside this batch can still be undone.
 * If anything fails or is cancelled, every sheet created by this run is deleted and the renamed
 * sheets and tables get their names back, so the workbook is as it was; then a clear Error is thrown.
 * Sheets that are not confirmed replacements are never changed.
 */
import type { CellValue, ChartSpec } from "../reports/layout";
import { type ResolvedSheet, type SheetSource, resolveSheet } from "../reports/resolve";
import {
  cellInputValue,
  estimateRequestBytes,
  OPERATION_OVERHEAD_BYTES,
  rowInputBytes,
  subRangeBytesPerRow,
} from "./payload";
import {
  PRINT_SETUP_OPERATIONS,
  PRINT_SETUP_UNAVAILABLE_NOTE,
  printSetupSupported,
  queuePrintSetup,
} from "./print-setup";

export { estimateRequestBytes } from "./payload";

export interface WriteOptions {
  /** Asked once with the names of existing sheets a layout would replace. true = replace them; false = write under free names ("SR Variance Jan-2018 (2)"). */
  confirmReplace: (existing: string[]) => Promise<boolean>;
  /** Stage like "Writing SR Variance Jan-2018"; done/total in estimated request bytes. */
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
  /** Cancel: stop at the next batch boundary and roll back. */
  signal?: AbortSignal;
  /** Largest request, by estimateRequestBytes; default 4_000_000 (Excel on the web refuses 5 MB). */
  maxRequestBytes?: number;
}

export interface WriteResult {
  /** Each layout's name and the sheet name it was written under. */
  sheets: { layout: string; written: string }[];
  /** Every context.sync() of this call (name reads, writes, the final rename). */
  syncs: number;
  /** The largest request sent, by estimateRequestBytes. */
  largestRequestBytes: number;
  /** Requests that wrote to the workbook (the batches and the final rename). */
  requests: number;
  /** What the user should know about the sheets written (e.g. print setup this Excel cannot do). */
  notes: string[];
}

/** Names the writer gives sheets while it works (new sheets, then the ones being replaced), then a run id. */
export const TEMPORARY_SHEET_PREFIXES = ["DCC writing", "DCC old"] as const;
const [NEW_SHEET_PREFIX, OLD_SHEET_PREFIX] = TEMPORARY_SHEET_PREFIXES;

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/** Each batch also carries the two suspend calls, the paths to its sheets and the message around it. */
const BATCH_OVERHEAD_BYTES = 8 * OPERATION_OVERHEAD_BYTES;
const MIN_REQUEST_BYTES = 16 * 1024;

/** The error thrown when the signal cancels a write (after rolling back). */
export class WriteCancelledError extends Error {
  constructor() {
    super("Writing the reports was cancelled. The workbook is as it was before.");
    this.name = "AbortError";
  }
}

/**
 * Excel lets no add-in delete (so replace) a very hidden sheet; refused before anything is written.
 */
export class VeryHiddenSheetError extends Error {
  constructor(readonly sheets: string[]) {
    const list = sheets.map((s) => `"${s}"`).join(", ");
    const one = sheets.length === 1;
    super(
      `${list} ${one ? "is a very hidden sheet" : "are very hidden sheets"}, which Excel does not let an add-in ` +
        `replace. Make ${one ? "it" : "them"} visible or rename ${one ? "it" : "them"}, or choose Keep both. ` +
        "Nothing was written."
    );
    this.name = "VeryHiddenSheetError";
  }
}

interface NamePlan {
  /** Final sheet name per layout. */
  finalNames: string[];
  /** Temporary sheet name per layout. */
  tempNames: string[];
  /** Existing sheets being replaced: real name and the name it is moved to before deletion. */
  replaced: { name: string; backup: string }[];
  /** Per layout, per table spec: the name it is created under and its final name. */
  tables: { createAs: string; finalName: string }[][];
}

interface Rollback {
  createdIds: Set<string>;
  tempNames: Set<string>;
  /** Sheets and tables renamed out of the way in the final batch, to rename back on failure. */
  movedSheets: { name: string; backup: string }[];
  movedTables: { name: string; backup: string }[];
}

interface Writer {
  context: Excel.RequestContext;
  sheets: Excel.Worksheet[];
  /** Sheets added since the last sync (their ids arrive with it). */
  added: Excel.Worksheet[];
}

interface WorkItem {
  layout: number;
  bytes: number;
  queue: (writer: Writer) => void;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

function lower(name: string): string {
  return name.toLowerCase();
}

function checkLayouts(layouts: readonly SheetSource[]): void {
  const seen = new Set<string>();
  for (const layout of layouts) {
    const name = layout.name;
    if (name.length === 0 || name.length > 31 || FORBIDDEN_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
      throw new Error(`"${name}" cannot be a sheet name (1-31 characters, none of : \\ / ? * [ ]).`);
    }
    if (seen.has(lower(name))) throw new Error(`Two report sheets are both named "${name}".`);
    seen.add(lower(name));
    for (const table of layout.tables) {
      if (table.headers.length === 0 || table.columnFormats.length !== table.headers.length) {
        throw new Error(`Table ${table.name} on "${name}" needs one column format per header.`);
      }
    }
  }
}

/** "Name (2)", "Name (3)"… shortened so the result fits Excel's 31 characters. */
function freeSheetName(base: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(lower(candidate))) return candidate;
  }
}

function freeTableName(base: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(lower(candidate))) return candidate;
  }
}

function planNames(
  layouts: readonly ResolvedSheet[],
  existingSheets: string[],
  existingTables: { name: string; sheet: string }[],
  definedNames: string[],
  replace: boolean,
  runId: string
): NamePlan {
  const sheetsTaken = new Set(existingSheets.map(lower));
  const byLower = new Map(existingSheets.map((n) => [lower(n), n]));
  const replaced: { name: string; backup: string }[] = [];
  const finalNames: string[] = [];
  const finalTaken = new Set(sheetsTaken);
  layouts.forEach((layout) => {
    const existing = byLower.get(lower(layout.name));
    if (existing === undefined) {
      finalNames.push(layout.name);
    } else if (replace) {
      replaced.push({ name: existing, backup: "" });
      finalNames.push(layout.name);
    } else {
      finalNames.push(freeSheetName(layout.name, finalTaken));
    }
    finalTaken.add(lower(finalNames[finalNames.length - 1]));
  });
  const uniqueName = (prefix: string, i: number): string => {
    let name = `${prefix} ${runId} ${i}`;
    while (finalTaken.has(lower(name))) name += "x";
    finalTaken.add(lower(name));
    return name;
  };
  const tempNames = layouts.map((_, i) => uniqueName(NEW_SHEET_PREFIX, i + 1));
  replaced.forEach((r, i) => (r.backup = uniqueName(OLD_SHEET_PREFIX, i + 1)));

  const replacedSheets = new Set(replaced.map((r) => lower(r.name)));
  const tablesOnReplaced = new Set(
    existingTables.filter((t) => replacedSheets.has(lower(t.sheet))).map((t) => lower(t.name))
  );
  const tablesTaken = new Set([...existingTables.map((t) => lower(t.name)), ...definedNames.map(lower)]);
  let temp = 0;
  const tables = layouts.map((layout) =>
    layout.tables.map((spec) => {
      const wanted = lower(spec.name);
      if (tablesTaken.has(wanted) && !tablesOnReplaced.has(wanted)) {
        const finalName = freeTableName(spec.name, tablesTaken);
        tablesTaken.add(lower(finalName));
        return { createAs: finalName, finalName };
      }
      if (tablesOnReplaced.has(wanted)) {
        // Taken by a table that goes with its sheet: create under a temporary name, rename at the end.
        tablesOnReplaced.delete(wanted);
        temp += 1;
        let createAs = `DCC_writing_${runId}_${temp}`;
        while (tablesTaken.has(lower(createAs))) createAs += "x";
        tablesTaken.add(lower(createAs));
        return { createAs, finalName: spec.name };
      }
      tablesTaken.add(wanted);
      return { createAs: spec.name, finalName: spec.name };
    })
  );
  return { finalNames, tempNames, replaced, tables };
}

// ---------------------------------------------------------------------------------------------
// Work items: everything a layout needs, each with its request bytes

/** Splits `rowCount` rows into runs whose bytes (rowBytes each) fit `budget`. */
function rowRuns(rowCount: number, rowBytes: (i: number) => number, budget: number, what: string) {
  const runs: { start: number; count: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < rowCount; i++) {
    const size = rowBytes(i);
    if (size + 2 > budget) {
      throw new Error(`One row of ${what} needs ${size} bytes, more than a request may carry (${budget}).`);
    }
    if (i > start && bytes + size > budget) {
      runs.push({ start, count: i - start, bytes });
      start = i;
      bytes = 2;
    }
    bytes += size;
  }
  if (rowCount > start) runs.push({ start, count: rowCount - start, bytes });
  return runs;
}

function valueItems(
  index: number,
  row: number,
  col: number,
  values: CellValue[][],
  budget: number
): WorkItem[] {
  if (values.length === 0 || values[0].length === 0) return [];
  const width = values[0].length;
  values.forEach((line, i) => {
    if (line.length !== width)
      throw new Error(`Row ${row + i + 1} of a value block has ${line.length} cells, not ${width}.`);
  });
  const operations = 2; // getRangeByIndexes + set values
  const runs = rowRuns(
    values.length,
    (i) => rowInputBytes(values[i]),
    budget - operations * OPERATION_OVERHEAD_BYTES,
    "values"
  );
  return runs.map((run) => ({
    layout: index,
    bytes: run.bytes + operations * OPERATION_OVERHEAD_BYTES,
    queue: ({ sheets }) => {
      const grid = new Array<(string | number | boolean)[]>(run.count);
      for (let r = 0; r < run.count; r++) grid[r] = values[run.start + r].map(cellInputValue);
      sheets[index].getRangeByIndexes(row + run.start, col, run.count, width).values = grid;
    },
  }));
}

/** One number format over a rectangle, as the 2-D array Office.js takes, split by rows if large. */
function numberFormatItems(
  index: number,
  rect: { row: number; col: number; rowCount: number; colCount: number },
  format: string,
  budget: number
): WorkItem[] {
  const operations = 2;
  const cellBytes = estimateRequestBytes(format, 0) + 1;
  const rowBytes = rect.colCount * cellBytes + 2 + subRangeBytesPerRow(rect.colCount);
  const runs = rowRuns(
    rect.rowCount,
    () => rowBytes,
    budget - operations * OPERATION_OVERHEAD_BYTES,
    "number formats"
  );
  return runs.map((run) => ({
    layout: index,
    bytes: run.bytes + operations * OPERATION_OVERHEAD_BYTES,
    queue: ({ sheets }) => {
      const line = new Array<string>(rect.colCount).fill(format);
      const grid = new Array<string[]>(run.count);
      for (let r = 0; r < run.count; r++) grid[r] = line;
      sheets[index].getRangeByIndexes(rect.row + run.start, rect.col, run.count, rect.colCount).numberFormat =
        grid;
    },
  }));
}

/** Column widths are given in characters; Excel takes points (about 7 px a character, 0.75 pt a px). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function chartType(spec: ChartSpec): "ColumnClustered" | "Line" {
  return spec.type === "line" ? "Line" : "ColumnClustered";
}

function itemsForLayout(index: number, layout: ResolvedSheet, plan: NamePlan, budget: number): WorkItem[] {
  const items: WorkItem[] = [];
  const small = (operations: number, payload: unknown, queue: (writer: Writer) => void): void => {
    items.push({ layout: index, bytes: estimateRequestBytes(payload, operations), queue });
  };
  const tempName = plan.tempNames[index];
  small(3, [tempName, layout.tabColor], (writer) => {
    const sheet = writer.context.workbook.worksheets.add(tempName);
    if (layout.tabColor) sheet.tabColor = layout.tabColor;
    sheet.load("id");
    writer.sheets[index] = sheet;
    writer.added.push(sheet);
  });

  // Values first (the tables' header cells among them), then formats.
  for (const block of layout.values)
    items.push(...valueItems(index, block.row, block.col, block.values, budget));
  for (const styled of layout.styles) {
    const { style } = styled;
    const rect = { row: styled.row, col: styled.col, rowCount: styled.rowCount, colCount: styled.colCount };
    if (style.numberFormat !== undefined)
      items.push(...numberFormatItems(index, rect, style.numberFormat, budget));
    const hasOther =
      style.bold !== undefined ||
      style.italic !== undefined ||
      style.fontSize !== undefined ||
      style.fontColor !== undefined ||
      style.fill !== undefined ||
      style.wrap !== undefined ||
      style.horizontalAlignment !== undefined;
    if (!hasOther) continue;
    small(8, style, ({ sheets }) => {
      const range = sheets[index].getRangeByIndexes(rect.row, rect.col, rect.rowCount, rect.colCount);
      if (style.bold !== undefined) range.format.font.bold = style.bold;
      if (style.italic !== undefined) range.format.font.italic = style.italic;
      if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
      if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
      if (style.fill !== undefined) range.format.fill.color = style.fill;
      if (style.wrap !== undefined) range.format.wrapText = style.wrap;
      if (style.horizontalAlignment !== undefined)
        range.format.horizontalAlignment = style.horizontalAlignment;
    });
  }
  // Tables over the written ranges.
  layout.tables.forEach((table, t) => {
    const names = plan.tables[index][t];
    small(4, [names.createAs, table.style], (writer) => {
      const range = writer.sheets[index].getRangeByIndexes(
        table.row,
        table.col,
        1 + table.dataRows,
        table.headers.length
      );
      const created = writer.sheets[index].tables.add(range, true);
      created.name = names.createAs;
      created.style = table.style;
    });
  });

  for (const cf of layout.conditionalFormats) {
    small(7, cf, ({ sheets }) => {
      const range = sheets[index].getRangeByIndexes(cf.row, cf.col, cf.rowCount, cf.colCount);
      // CellValue "equal to" matches the whole cell text; TextComparison has only contains/begins/ends.
      const format = range.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = cf.fill;
      format.cellValue.format.font.color = cf.fontColor;
      format.cellValue.rule = { formula1: `="${cf.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
    });
  }
  for (const chart of layout.charts) {
    small(8, chart.title, ({ sheets }) => {
      const sheet = sheets[index];
      const { source, anchor } = chart;
      const data = sheet.getRangeByIndexes(source.row, source.col, source.rowCount, source.colCount);
      const created = sheet.charts.add(chartType(chart), data, "Columns");
      created.title.text = chart.title;
      created.setPosition(
        sheet.getRangeByIndexes(anchor.row, anchor.col, 1, 1),
        sheet.getRangeByIndexes(anchor.row + anchor.heightRows - 1, anchor.col + anchor.widthCols - 1, 1, 1)
      );
    });
  }
  layout.columnWidths.forEach((width, col) => {
    small(2, width, ({ sheets }) => {
      sheets[index].getRangeByIndexes(0, col, 1, 1).format.columnWidth = charactersToPoints(width);
    });
  });
  if (layout.freezeRows > 0) {
    small(1, layout.freezeRows, ({ sheets }) => sheets[index].freezePanes.freezeRows(layout.freezeRows));
  }
  const { print } = layout;
  if (print && printSetupSupported()) {
    small(PRINT_SETUP_OPERATIONS, print, ({ sheets }) => queuePrintSetup(sheets[index], print));
  }
  return items;
}

// ---------------------------------------------------------------------------------------------

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}

function screenUpdatingSupported(): boolean {
  return (
    typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true
  );
}

async function rollBack(rollback: Rollback): Promise<number> {
  let syncs = 0;
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    syncs += 1;
    for (const sheet of sheets.items) {
      if (rollback.createdIds.has(sheet.id) || rollback.tempNames.has(lower(sheet.name))) sheet.delete();
    }
    // Deleted first, so the original names are free again.
    const sheetNames = new Set(sheets.items.map((s) => lower(s.name)));
    for (const moved of rollback.movedSheets) {
      if (sheetNames.has(lower(moved.backup)))
        context.workbook.worksheets.getItem(moved.backup).name = moved.name;
    }
    const tableNames = new Set(tables.items.map((t) => lower(t.name)));
    for (const moved of rollback.movedTables) {
      if (tableNames.has(lower(moved.backup)))
        context.workbook.tables.getItem(moved.backup).name = moved.name;
    }
    await context.sync();
    syncs += 1;
  });
  return syncs;
}

/**
 * Writes `layouts` as new sheets (see the top of this file). Resolves with what was written;
 * rejects, with the workbook unchanged, on failure or cancellation.
 */
export async function writeLayouts(
  sources: readonly SheetSource[],
  options: WriteOptions
): Promise<WriteResult> {
  checkLayouts(sources);
  const layouts = sources.map(resolveSheet);
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  if (!(maxBytes >= MIN_REQUEST_BYTES))
    throw new Error(`maxRequestBytes must be at least ${MIN_REQUEST_BYTES}.`);
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new WriteCancelledError();

  let syncs = 0;
  const existing = await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/visibility");
    const tables = context.workbook.tables.load("items/name");
    const workbookNames = context.workbook.names.load("items/name");
    await context.sync();
    syncs += 1;
    // A table name must also differ from every defined name, of workbook or of sheet scope.
    const sheetNames = sheets.items.map((sheet) => sheet.names.load("items/name"));
    await context.sync();
    syncs += 1;
    return {
      sheets: sheets.items.map((s) => s.name),
      veryHidden: new Set(
        sheets.items.filter((s) => s.visibility === "VeryHidden").map((s) => lower(s.name))
      ),
      tables: tables.items.map((t) => t.name),
      definedNames: [workbookNames, ...sheetNames].flatMap((names) => names.items.map((n) => n.name)),
    };
  }).catch((error: unknown) => {
    throw new Error(`Could not read the workbook's sheet names: ${describe(error)}. Nothing was written.`, {
      cause: error,
    });
  });
  const existingByLower = new Map(existing.sheets.map((n) => [lower(n), n]));
  const clashing = layouts
    .map((l) => existingByLower.get(lower(l.name)))
    .filter((n): n is string => n !== undefined);
  const replace = clashing.length > 0 ? await options.confirmReplace(clashing) : false;
  if (signal?.aborted) throw new WriteCancelledError();
  const veryHidden = replace ? clashing.filter((name) => existing.veryHidden.has(lower(name))) : [];
  if (veryHidden.length > 0) throw new VeryHiddenSheetError(veryHidden);

  const runId = Date.now().toString(36).slice(-6);
  const rollback: Rollback = {
    createdIds: new Set(),
    tempNames: new Set(),
    movedSheets: [],
    movedTables: [],
  };
  let largestRequestBytes = 0;
  let requests = 0;
  const planned: { plan: NamePlan | null } = { plan: null };

  try {
    await Excel.run(async (context) => {
      // Which tables live on the sheets being replaced (their names may be wanted by the new tables).
      const tablesOnSheets: { name: string; sheet: string }[] = [];
      if (replace) {
        const lists = clashing.map((name) => {
          const tables = context.workbook.worksheets.getItem(name).tables.load("items/name");
          return { name, tables };
        });
        await context.sync();
        syncs += 1;
        for (const { name, tables } of lists)
          for (const t of tables.items) tablesOnSheets.push({ name: t.name, sheet: name });
      }
      const replacedTableNames = new Set(tablesOnSheets.map((t) => lower(t.name)));
      const allTables = [
        ...tablesOnSheets,
        ...existing.tables
          .filter((n) => !replacedTableNames.has(lower(n)))
          .map((name) => ({ name, sheet: "" })),
      ];
      const names = planNames(layouts, existing.sheets, allTables, existing.definedNames, replace, runId);
      planned.plan = names;
      names.tempNames.forEach((n) => rollback.tempNames.add(lower(n)));

      const budget = maxBytes - BATCH_OVERHEAD_BYTES;
      const items = layouts.flatMap((layout, i) => itemsForLayout(i, layout, names, budget));
      const total = items.reduce((sum, item) => sum + item.bytes, 0);
      const writer: Writer = { context, sheets: [], added: [] };
      const suspendScreen = screenUpdatingSupported();
      let done = 0;
      let batchBytes = 0;
      let batchItems: WorkItem[] = [];

      const startBatch = (): void => {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        if (suspendScreen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
        batchBytes = BATCH_OVERHEAD_BYTES;
      };
      const flush = async (stage: string): Promise<void> => {
        if (signal?.aborted) throw new WriteCancelledError();
        await context.sync();
        syncs += 1;
        requests += 1;
        largestRequestBytes = Math.max(largestRequestBytes, batchBytes);
        done += batchBytes - BATCH_OVERHEAD_BYTES;
        // Sheets added in this batch: their ids came back with it.
        for (const sheet of writer.added) rollback.createdIds.add(sheet.id);
        writer.added = [];
        batchItems = [];
        onProgress?.({ stage, done: Math.min(done, total), total });
      };

      onProgress?.({ stage: "Preparing", done: 0, total });
      for (const item of items) {
        if (batchItems.length > 0 && batchBytes + item.bytes > maxBytes) {
          await flush(`Writing ${names.finalNames[batchItems[batchItems.length - 1].layout]}`);
        }
        if (batchItems.length === 0) startBatch();
        item.queue(writer);
        batchBytes += item.bytes;
        batchItems.push(item);
      }
      if (batchItems.length > 0)
        await flush(`Writing ${names.finalNames[batchItems[batchItems.length - 1].layout]}`);

      // The final batch: move replaced sheets and their clashing tables aside, name the new ones, delete the old.
      startBatch();
      batchItems = [];
      const replacedSheets = names.replaced.map((r) => {
        const sheet = context.workbook.worksheets.getItem(r.name);
        sheet.name = r.backup;
        rollback.movedSheets.push({ name: r.name, backup: r.backup });
        batchBytes += estimateRequestBytes([r.name, r.backup], 2);
        return sheet;
      });
      const finalTableNames = new Set(names.tables.flat().map((t) => lower(t.finalName)));
      tablesOnSheets
        .filter((t) => finalTableNames.has(lower(t.name)))
        .forEach((t, i) => {
          const backup = `DCC_old_${runId}_${i + 1}`;
          context.workbook.tables.getItem(t.name).name = backup;
          rollback.movedTables.push({ name: t.name, backup });
          batchBytes += estimateRequestBytes([t.name, backup], 2);
        });
      names.tables.forEach((tables) =>
        tables.forEach((t) => {
          if (t.createAs === t.finalName) return;
          // By name: a proxy from tables.add goes stale after its own request (Excel gives it no id).
          context.workbook.tables.getItem(t.createAs).name = t.finalName;
          batchBytes += estimateRequestBytes(t.finalName, 1);
        })
      );
      names.finalNames.forEach((name, i) => {
        writer.sheets[i].name = name;
        batchBytes += estimateRequestBytes(name, 1);
      });
      for (const sheet of replacedSheets) {
        sheet.delete();
        batchBytes += estimateRequestBytes(undefined, 1);
      }
      await flush("Finishing");
    });
  } catch (error) {
    const cancelled = error instanceof WriteCancelledError;
    try {
      syncs += await rollBack(rollback);
    } catch (rollbackError) {
      const leftovers = planned.plan ? planned.plan.tempNames.join(", ") : "none";
      throw new Error(
        `Writing the reports failed (${describe(error)}) and undoing it also failed (${describe(rollbackError)}). ` +
          `Check the workbook for sheets named: ${leftovers}.`,
        { cause: error }
      );
    }
    if (cancelled) throw error;
    throw new Error(`Writing the reports failed: ${describe(error)}. The workbook is as it was before.`, {
      cause: error,
    });
  }

  const finalNames = planned.plan?.finalNames ?? [];
  return {
    sheets: layouts.map((layout, i) => ({ layout: layout.name, written: finalNames[i] })),
    syncs,
    largestRequestBytes,
    requests,
    notes:
      layouts.some((layout) => layout.print) && !printSetupSupported() ? [PRINT_SETUP_UNAVAILABLE_NOTE] : [],
  };
}
