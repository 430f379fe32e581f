/**
 * The runner's national path: input tables from .csv / .parquet files (or a folder of them) through an
 * embedded DuckDB. Service Requests and CSRs are checked by src/reports as a workbook's are; Devices are
 * checked, and their Post Commissioning model computed, inside DuckDB (devices.ts).
 */
import { promises as fs, type Stats } from "fs";
import * as path from "path";
import { type CheckedData, type Problem, checkInputs } from "../../reports/check";
import { type InputKind, fieldLabel } from "../../reports/inputs";
import type { ReportOptions } from "../../reports/options";
import type { PciModel } from "../../reports/pci/model";
import { tableName } from "../../reports/registry";
import { trackTempFile, untrackTempFile } from "../output-file";
import type { MonthKey } from "../../sec/dates";
import { LISTED_PROBLEMS, NationalDevices } from "./devices";
import { DuckSession } from "./session";
import { type SmallTable, fileProblem, readSmallTable } from "./small-tables";
import { type TableFile, findTableFiles } from "./sources";

export interface NationalInput {
  /** Service Requests and CSRs as records; devices stay in DuckDB (the array is empty). */
  data: CheckedData;
  /** The input tables found. */
  kinds: InputKind[];
  /** Every problem counted; data.problems lists the first LISTED_PROBLEMS. */
  problemTotal: number;
  /** Files in a folder that hold no input table. */
  ignored: string[];
  /**
   * The PCI model for a month, computed in DuckDB. The whole listed-device list is written beside
   * `listFile` and becomes `listFile` on commit(), once the workbook is written.
   */
  pciModel(options: ReportOptions, listFile: string): Promise<PciModel>;
  /** Puts the files written beside the workbook in place; returns their paths. */
  commit(): Promise<string[]>;
  /** Ends DuckDB and removes its temporary folder and any file not committed. */
  close(): Promise<void>;
}

/** The whole list of listed devices, beside the workbook: "DCC-reports-2018-01.PCI_2018_01.csv". */
export function listFilePath(out: string, period: MonthKey): string {
  const base = out.replace(/\.xlsx$/i, "");
  return `${base}.${tableName("PCI", period)}.csv`;
}

function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** The header problems of a Devices file missing required columns (as reportMissingColumns words them). */
function missingColumnProblems(table: TableFile): Problem[] {
  const where = table.format === "csv" ? "line 1" : "header";
  return table.missing.map((field) => {
    const label = fieldLabel("devices", field);
    return {
      kind: "devices",
      sheet: table.label,
      row: 0,
      col: table.columns.length,
      address: where,
      message: `${table.label} ${where}: no "${label}" column: add a column headed "${label}"`,
    };
  });
}

/** Opens DuckDB, finds the tables and checks every row. The caller closes the result. */
export async function loadNationalInput(
  input: string,
  stat: Stats,
  progress: (line: string) => void
): Promise<NationalInput> {
  const session = await DuckSession.open();
  try {
    const { tables, ignored } = await findTableFiles(session, input, stat);
    const small: SmallTable[] = [];
    for (const table of tables.filter((candidate) => candidate.kind !== "devices")) {
      progress(`Reading ${table.label} through DuckDB`);
      small.push(await readSmallTable(session, table));
    }
    const checked = checkInputs(small.map((table) => table.input));
    const fileOf = new Map(small.map((table) => [table.table.label, table]));
    const problems = checked.problems.map((problem) =>
      fileProblem(problem, fileOf.get(problem.sheet) as SmallTable)
    );
    let problemTotal = problems.length;
    const months = new Set<MonthKey>(checked.months);

    const deviceTable = tables.find((table) => table.kind === "devices");
    let devices: NationalDevices | undefined;
    if (deviceTable !== undefined && deviceTable.missing.length > 0) {
      const missing = missingColumnProblems(deviceTable);
      problems.push(...missing);
      problemTotal += missing.length;
    } else if (deviceTable !== undefined) {
      devices = new NationalDevices(session, deviceTable);
      await devices.createViews();
      progress(`Reading and checking ${deviceTable.label} in DuckDB`);
      const label = deviceTable.label;
      const check = await devices.check((percent) =>
        progress(
          percent === null
            ? `Checking ${label} in DuckDB: still working`
            : `Checking ${label} in DuckDB: ${Math.floor(percent)}% done (DuckDB's estimate)`
        )
      );
      progress(
        `Checked ${count(check.rowCount)} device rows in ${deviceTable.label}: ` +
          `${count(check.problemTotal)} ${check.problemTotal === 1 ? "problem" : "problems"}`
      );
      problems.push(...check.problems);
      problemTotal += check.problemTotal;
      for (const month of check.months) months.add(month);
    }

    const pending: { partial: string; final: string }[] = [];
    const fileOrder = new Map(tables.map((table, index) => [table.label, index]));
    problems.sort(
      (a, b) =>
        (fileOrder.get(a.sheet) ?? 0) - (fileOrder.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col
    );
    return {
      data: { ...checked, problems: problems.slice(0, LISTED_PROBLEMS), months: [...months].sort() },
      kinds: tables.map((table) => table.kind),
      problemTotal,
      ignored,
      async pciModel(options, listFile) {
        if (devices === undefined) throw new Error("no Devices table to build the PCI report from");
        progress(`Computing the Post Commissioning lists for ${options.period} in DuckDB`);
        const partial = path.join(
          path.dirname(listFile),
          `.${path.basename(listFile)}.${process.pid}.partial`
        );
        pending.push({ partial, final: listFile });
        trackTempFile(partial);
        const model = await devices.pciModel(options, partial);
        progress(`Wrote the ${count(model.current.listed ?? 0)} listed devices as CSV`);
        return { ...model, fullListName: path.basename(listFile) };
      },
      async commit() {
        const done: string[] = [];
        for (const file of pending.splice(0)) {
          await fs.rename(file.partial, file.final);
          untrackTempFile(file.partial);
          done.push(file.final);
        }
        return done;
      },
      async close() {
        for (const file of pending.splice(0)) {
          await fs.rm(file.partial, { force: true });
          untrackTempFile(file.partial);
        }
        await session.close();
      },
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}
