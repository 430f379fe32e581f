/**
 * The browser tests' workbook behind Microsoft's real office.js. The page loads office.js from its usual
 * address; harness.ts serves it, and the host script office.js then fetches (excel-web-16.00.debug.js),
 * from node_modules/@microsoft/office-js, with this bundle appended to the host script. Here the
 * in-memory workbook answers the client's requests and the frame's part is stood in for (office-frame.ts).
 * Custom functions register with office.js's own `CustomFunctions.associate` and return its
 * `CustomFunctions.Error`; Excel's calculation engine, which calls them, is not modelled, so the tests call
 * the registered functions themselves (`__e2e.callFunction`).
 */
import { createExcelHost } from "../support/excel-host";
import { connectOfficeFrame } from "../support/office-frame";
import { OfficeJsRequestHost } from "../support/office-js-host";
import type { E2EWindow, SerialisedCell } from "./page-api";

const page = window as unknown as E2EWindow & Record<string, unknown>;
// A workbook that already holds sheets when the page opens (the bench's time-to-interactive case).
const host = createExcelHost(page.__e2eInitialSheets ? { sheets: page.__e2eInitialSheets } : undefined);

// A gate on every request, so a test can hold the pane in the middle of a write.
let holding = false;
let waiting: (() => void)[] = [];
const gate = (): Promise<void> =>
  holding ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve();

connectOfficeFrame(new OfficeJsRequestHost(host.core), {
  // Office.context.officeTheme follows the theme the test chose (unset, as in Excel on the web, when none).
  officeTheme: page.__e2eOfficeTheme,
  beforeRequest: gate,
});

/** office.js's registry of `CustomFunctions.associate` calls: upper-case id -> function. */
interface CustomFunctionsInPage {
  _association: { mappings: Record<string, (...values: unknown[]) => unknown> };
  Error: new (...args: never[]) => { code: string; message: string };
}
const customFunctions = (): CustomFunctionsInPage => page.CustomFunctions as CustomFunctionsInPage;

function serialiseCell(cell: unknown): SerialisedCell {
  if (cell instanceof customFunctions().Error) return { error: cell.code, message: cell.message || null };
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") return cell;
  throw new Error(`A custom function returned a cell Excel cannot show: ${String(cell)}`);
}

page.__excelHost = host;
page.__e2e = {
  registrations: () => Object.keys(customFunctions()._association.mappings),
  async callFunction(id, args) {
    const call = customFunctions()._association.mappings[id.toUpperCase()];
    if (!call) throw new Error(`No custom function ${id} was registered.`);
    const result: unknown = await call(...args);
    return Array.isArray(result)
      ? result.map((row: unknown) => (Array.isArray(row) ? row.map(serialiseCell) : [serialiseCell(row)]))
      : serialiseCell(result);
  },
  async setValues(sheet, address, values) {
    // Through the real client, as the pane's own writes go.
    await Excel.run(async (context) => {
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
