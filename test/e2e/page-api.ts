/**
 * What the browser entry (host-entry.ts) puts on `window` for the end-to-end tests, shared as types by
 * the entry and the tests (whose page.evaluate callbacks run in the page and read it from there).
 */
import type { ExcelHost } from "../support/excel-host";

import type { OfficeThemeColours } from "../support/office-frame";

export type { OfficeThemeColours };

export type ThemeName = "light" | "dark";

/** Office's "White" and "Black" themes, as Office.context.officeTheme reports them. */
export const OFFICE_THEMES: Record<ThemeName, OfficeThemeColours> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
  },
  dark: {
    bodyBackgroundColor: "#1F1F1F",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#292929",
    controlForegroundColor: "#F3F3F3",
  },
};

/** A custom function's result cell as JSON: a value, or an Excel error with its code and message. */
export type SerialisedCell = string | number | boolean | null | { error: string; message: string | null };

export interface E2EControls {
  /** The ids registered with office.js's CustomFunctions.associate (upper case; a second registration of an id is a page error). */
  registrations(): string[];
  /** Calls a registered custom function as Excel would, and returns its result cells as JSON. */
  callFunction(id: string, args: unknown[]): Promise<SerialisedCell[][] | SerialisedCell>;
  /** Writes values into a sheet through Excel.run, as a user typing them would (input rules apply). */
  setValues(sheet: string, address: string, values: unknown[][]): Promise<void>;
  /** Makes every context.sync() wait until releaseSyncs(): freezes the pane mid-write. */
  holdSyncs(): void;
  releaseSyncs(): void;
  /** Syncs that have started and are waiting for releaseSyncs(). */
  heldSyncCount(): number;
}

/** The page's window as the entry leaves it. */
export interface E2EWindow {
  /** Set by the test (an init script) before office.js loads; absent means no theme, as outside Office. */
  __e2eOfficeTheme?: OfficeThemeColours;
  /** Set by an init script: sheets (name and values from A1) the workbook holds when the page opens. */
  __e2eInitialSheets?: { name: string; values: unknown[][] }[];
  __excelHost: ExcelHost;
  __e2e: E2EControls;
}
