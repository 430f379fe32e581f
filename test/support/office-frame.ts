/**
 * What stands in for Excel on the web's frame in a browser page that runs Microsoft's real `office.js`
 * (the browser tests, test/e2e). Browser-safe: no Node APIs.
 *
 * The page loads office.js as an add-in page in Excel on the web does: `window.name` carries the host
 * information (`Excel$Web$16.00$en-US...`), so office.js's own loader fetches `excel-web-16.00.debug.js`
 * and `en-us/office_strings.debug.js` from its base address. The browser tests serve those addresses from
 * `node_modules/@microsoft/office-js/dist` (test/e2e/harness.ts), and this module runs right after
 * `excel-web-16.00.debug.js`, before office.js uses it. It replaces the two places where office.js talks
 * to the frame around the add-in:
 * - the frame's end point (`setAgaveHostCommunication`): answers `getAppContext` with the app context
 *   Excel on the web sends (app name, version, locale, requirement sets as a requirement matrix), plus
 *   the Office theme a desktop Excel sends; other notifications are ignored;
 * - `OSF.DDA.RichApi.executeRichApiRequestAsync`, where each Excel.run request leaves: handed to the
 *   in-memory workbook (office-js-host.ts), as in the jsdom tests.
 * Everything between (Office.onReady, Office.context, requirement checks, Excel.run, proxies, requests,
 * errors) is Microsoft's code.
 */
import type { OfficeJsRequestHost, RichApiResult } from "./office-js-host";

/** Requirement sets and the highest version supported, e.g. { ExcelApi: "1.17" }. */
export type RequirementSets = Record<string, string>;

/** A current Excel on the web. */
export const CURRENT_EXCEL_ON_THE_WEB: RequirementSets = {
  ExcelApi: "1.17",
  SharedRuntime: "1.2",
  CustomFunctionsRuntime: "1.4",
};

/**
 * The host information Excel on the web gives its add-in frames: host, platform, version of the host
 * script, locale, correlation id, dialog, logging, flags (0: no custom-function runtime in this page).
 */
export const EXCEL_ON_THE_WEB_HOST_INFO = "Excel$Web$16.00$en-US$$$disableLogging$0";

/** Where office.js is loaded from, and so where its loader fetches the rest. */
export const OFFICE_JS_BASE = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** The colours of Office.context.officeTheme. */
export interface OfficeThemeColours {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export interface OfficeFrameOptions {
  requirementSets?: RequirementSets;
  /** Office.context.officeTheme; undefined: none (Excel on the web gives none). */
  officeTheme?: OfficeThemeColours;
  /** Called with each request before it reaches the workbook; the request waits for the promise. */
  beforeRequest?: () => Promise<void>;
}

/** How the frame answers: a status (0: success) and the payload. */
type FrameCallback = (status: number, payload: unknown) => void;

interface OsfInPage {
  AppName: { ExcelWebApp: number };
  InitializationHelper: { prototype: Record<string, unknown> };
  DDA: { RichApi: Record<string, unknown> };
}

/** Connects the office.js in this page to `requestHost`'s workbook, standing in for the frame. */
export function connectOfficeFrame(requestHost: OfficeJsRequestHost, options: OfficeFrameOptions = {}): void {
  const osf = (window as unknown as { OSF?: OsfInPage }).OSF;
  if (!osf?.InitializationHelper || !osf.DDA?.RichApi) {
    throw new Error("connectOfficeFrame runs after excel-web-16.00.debug.js: office.js is not loaded.");
  }
  const sets = options.requirementSets ?? CURRENT_EXCEL_ON_THE_WEB;
  const requirementMatrix = JSON.stringify(
    Object.fromEntries(Object.entries(sets).map(([name, version]) => [name.toLowerCase(), version]))
  );
  const appContext: Record<string, unknown> = {
    _id: "dcc-sec-reporting-e2e",
    _appName: osf.AppName.ExcelWebApp,
    _appVersion: "16.0",
    _appMinorVersion: 0,
    _appUILocale: "en-US",
    _dataLocale: "en-US",
    _docUrl: "",
    _clientMode: 1, // read-write
    _settings: [],
    _reason: 1, // document opened
    _osfControlType: 1, // task pane
    _requirementMatrix: requirementMatrix,
  };
  // Answers come asynchronously, as messages from the frame would.
  const answer = (callback: FrameCallback | null | undefined, payload: unknown): void => {
    if (typeof callback === "function") setTimeout(() => callback(0, payload), 0);
  };
  const frame = {
    invoke(method: string, callback: FrameCallback | null): void {
      if (method === "ContextActivationManager_getAppContextAsync") answer(callback, { ...appContext });
      else if (method === "ContextActivationManager_notifyHost") answer(callback, {});
      // Anything else is a part of Excel on the web this stand-in does not play: fail where it is seen.
      else console.error(`The Office frame stand-in does not answer ${method}.`);
    },
    // Event registrations (e.g. a document's selection changes) succeed; no event is ever sent.
    registerForEvent(_name: string, _handler: unknown, registered: FrameCallback): void {
      answer(registered, {});
    },
    unregisterForEvent(_name: string, unregistered: FrameCallback): void {
      answer(unregistered, {});
    },
  };
  const helper = osf.InitializationHelper.prototype;
  helper.setAgaveHostCommunication = function (this: { _webAppState: Record<string, unknown> }) {
    this._webAppState.clientEndPoint = frame;
    this._webAppState.wnd = window;
  };
  const getAppContext = helper.getAppContext as (
    this: unknown,
    wnd: unknown,
    got: (context: Record<string, unknown>) => void
  ) => void;
  helper.getAppContext = function (
    this: unknown,
    wnd: unknown,
    got: (context: Record<string, unknown>) => void
  ) {
    getAppContext.call(this, wnd, (context) => {
      if (options.officeTheme) context._officeTheme = { ...options.officeTheme };
      got(context);
    });
  };
  const before = options.beforeRequest ?? (() => Promise.resolve());
  osf.DDA.RichApi.executeRichApiRequestAsync = (
    message: unknown[],
    done: (result: RichApiResult) => void
  ) => {
    void before().then(() => requestHost.execute(message, done));
  };
}
