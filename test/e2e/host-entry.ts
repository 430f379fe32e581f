/**
 * Browser stand-in for Office.js: served instead of https://appsforoffice.microsoft.com/.../office.js, so
 * the unchanged dist/taskpane.html runs against the in-memory Excel host. Installs the globals Office.js
 * gives a shared-runtime page (Office, Excel, OfficeExtension, CustomFunctions) and the test controls.
 */
import { createExcelHost, installExcelHost } from "../support/excel-host";
import { createFakeCustomFunctions, FakeCustomFunctionsError } from "../functions/fakeCustomFunctions";
import type { E2EWindow, SerialisedCell } from "./page-api";

const page = window as unknown as E2EWindow & Record<string, unknown>;
// A workbook that already holds sheets when the page opens (the bench's time-to-interactive case).
const host = createExcelHost(page.__e2eInitialSheets ? { sheets: page.__e2eInitialSheets } : undefined);
installExcelHost(host);

// Office.context.officeTheme follows the theme the test chose (unset, as outside Office, when it chose none).
if (page.__e2eOfficeTheme) {
  Object.assign(host.Office.context, { officeTheme: { ...page.__e2eOfficeTheme } });
}

// A gate on every context.sync(), so a test can hold the pane in the middle of a write.
let holding = false;
let waiting: (() => void)[] = [];
const gate = (): Promise<void> =>
  holding ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve();
const run = host.Excel.run.bind(host.Excel);
type HostContext = Parameters<Parameters<typeof run>[0]>[0];
host.Excel.run = <T>(batch: (context: HostContext) => Promise<T>): Promise<T> =>
  run((context) => {
    const sync = context.sync.bind(context);
    context.sync = async () => {
      await gate();
      return sync();
    };
    return batch(context);
  });

const customFunctions = createFakeCustomFunctions();
page.CustomFunctions = customFunctions;

function serialiseCell(cell: unknown): SerialisedCell {
  if (cell instanceof FakeCustomFunctionsError) return { error: cell.code, message: cell.message ?? null };
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") return cell;
  throw new Error(`A custom function returned a cell Excel cannot show: ${String(cell)}`);
}

page.__excelHost = host;
page.__e2e = {
  registrations: () => customFunctions.associations.map((a) => a.id),
  async callFunction(id, args) {
    const found = customFunctions.associations.find((a) => a.id === id);
    if (!found) throw new Error(`No custom function ${id} was registered.`);
    const call = found.functionObject as (...values: unknown[]) => unknown;
    const result: unknown = await call(...args);
    return Array.isArray(result)
      ? result.map((row: unknown) => (Array.isArray(row) ? row.map(serialiseCell) : [serialiseCell(row)]))
      : serialiseCell(result);
  },
  async setValues(sheet, address, values) {
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
      await context.sync();
    });
  },
  holdSyncs() {
    holding = true;
  },
  releaseSyncs() {
    holding = false;
    const release = waiting;
    waiting = [];
    release.forEach((resolve) => resolve());
  },
  heldSyncCount: () => waiting.length,
};
