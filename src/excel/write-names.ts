/**
 * Name planning for a write: the final sheet name of each layout (its own, or a free "… (2)" when the
 * user keeps both), temporary names to write under, backup names for the sheets being replaced, and
 * a name for each table that clashes with no table or defined name of the workbook.
 */
import type { SheetSource } from "../reports/resolve";

/** Names the writer gives sheets while it works (new sheets, then the ones being replaced), then a run id. */
export const TEMPORARY_SHEET_PREFIXES = ["DCC writing", "DCC old"] as const;
const [NEW_SHEET_PREFIX, OLD_SHEET_PREFIX] = TEMPORARY_SHEET_PREFIXES;

export interface NamePlan {
  /** Final sheet name per layout. */
  finalNames: string[];
  /** Temporary sheet name per layout. */
  tempNames: string[];
  /** Existing sheets being replaced: real name and the name it is moved to before deletion. */
  replaced: { name: string; backup: string }[];
  /** Per layout, per table spec: the name it is created under and its final name. */
  tables: { createAs: string; finalName: string }[][];
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

export function lower(name: string): string {
  return name.toLowerCase();
}

export function checkLayouts(layouts: readonly SheetSource[]): void {
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

export function planNames(
  layouts: readonly SheetSource[],
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
