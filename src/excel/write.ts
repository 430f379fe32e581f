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
import { type SheetSource, resolveSheet } from "../reports/resolve";
import { estimateRequestBytes } from "./payload";
import { PRINT_SETUP_UNAVAILABLE_NOTE, printSetupSupported } from "./print-setup";
import { BATCH_OVERHEAD_BYTES, RequestBatches } from "./write-batches";
import { type Writer, itemsForLayout } from "./write-items";
import { type NamePlan, checkLayouts, lower, planNames } from "./write-names";

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

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
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

interface Rollback {
  createdIds: Set<string>;
  tempNames: Set<string>;
  /** Sheets and tables renamed out of the way in the final batch, to rename back on failure. */
  movedSheets: { name: string; backup: string }[];
  movedTables: { name: string; backup: string }[];
}

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
      let done = 0;
      const batches = new RequestBatches(
        context,
        maxBytes,
        screenUpdatingSupported(),
        async (bytes, lastItem) => {
          if (signal?.aborted) throw new WriteCancelledError();
          await context.sync();
          syncs += 1;
          done += bytes;
          // Sheets added in this request: their ids came back with it.
          for (const sheet of writer.added) rollback.createdIds.add(sheet.id);
          writer.added = [];
          const stage = lastItem ? `Writing ${names.finalNames[lastItem.layout]}` : "Finishing";
          onProgress?.({ stage, done: Math.min(done, total), total });
        }
      );

      onProgress?.({ stage: "Preparing", done: 0, total });
      await batches.queueAll(items, writer);

      // The final batch: move replaced sheets and their clashing tables aside, name the new ones, delete the old.
      batches.start();
      const replacedSheets = names.replaced.map((r) => {
        const sheet = context.workbook.worksheets.getItem(r.name);
        sheet.name = r.backup;
        rollback.movedSheets.push({ name: r.name, backup: r.backup });
        batches.add(estimateRequestBytes([r.name, r.backup], 2));
        return sheet;
      });
      const finalTableNames = new Set(names.tables.flat().map((t) => lower(t.finalName)));
      tablesOnSheets
        .filter((t) => finalTableNames.has(lower(t.name)))
        .forEach((t, i) => {
          const backup = `DCC_old_${runId}_${i + 1}`;
          context.workbook.tables.getItem(t.name).name = backup;
          rollback.movedTables.push({ name: t.name, backup });
          batches.add(estimateRequestBytes([t.name, backup], 2));
        });
      names.tables.forEach((tables) =>
        tables.forEach((t) => {
          if (t.createAs === t.finalName) return;
          // By name: a proxy from tables.add goes stale after its own request (Excel gives it no id).
          context.workbook.tables.getItem(t.createAs).name = t.finalName;
          batches.add(estimateRequestBytes(t.finalName, 1));
        })
      );
      names.finalNames.forEach((name, i) => {
        writer.sheets[i].name = name;
        batches.add(estimateRequestBytes(name, 1));
      });
      for (const sheet of replacedSheets) {
        sheet.delete();
        batches.add(estimateRequestBytes(undefined, 1));
      }
      await batches.flush();
      requests = batches.requests;
      largestRequestBytes = batches.largestBytes;
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
