/**
 * Microsoft's own Office.js client in the test's jsdom window, with the in-memory workbook behind it.
 *
 * `installOfficeJs(host)` loads `@microsoft/office-js` (office.debug.js, then excel-web-16.00.debug.js,
 * the files Excel on the web gives an add-in) into the page as scripts, once per test file. The
 * product's `Excel.run`, `RequestContext`, proxies, `load`, `sync`, request building and errors are
 * then Microsoft's code; only the last hop is ours: `OSF.DDA.RichApi.executeRichApiRequestAsync`,
 * where Excel on the web would post the message to its frame, hands it to an OfficeJsRequestHost
 * (office-js-host.ts) over the host's workbook.
 *
 * What stands in for Excel on the web here: the handshake with the Office frame (Office.js's own
 * start-up waits for it and is left waiting: `Office.onReady` does not resolve) and
 * `Office.context.requirements`, which answers from `requirementSets` (by default a current Excel
 * on the web; pass the manifest's minimum to run as the oldest supported Excel).
 *
 * Test files that use it run in jsdom: start them with the docblock `@jest-environment jsdom`.
 */
import * as fs from "fs";
import * as path from "path";
import type { ExcelHost } from "./excel-host";
import { CURRENT_EXCEL_ON_THE_WEB, type RequirementSets } from "./office-frame";
import { OfficeJsRequestHost, type OfficeJsHostOptions, type RichApiResult } from "./office-js-host";

export { CURRENT_EXCEL_ON_THE_WEB, type RequirementSets };

export interface InstallOptions extends OfficeJsHostOptions {
  requirementSets?: RequirementSets;
}

export const OFFICE_JS_DIST = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist"
);
/** The scripts a page loads from Office's CDN, in order. */
export const OFFICE_JS_FILES = ["office.debug.js", "excel-web-16.00.debug.js"];

interface OsfGlobals {
  _OfficeAppFactory: { getContext: () => unknown };
  InitializationHelper: { prototype: Record<string, unknown> };
  DDA: { RichApi: Record<string, unknown> };
}

interface PageGlobals {
  OSF?: OsfGlobals;
  Excel?: unknown;
  __officeJsBackend?: { host: OfficeJsRequestHost | null; sets: RequirementSets };
  document?: Document;
}

/** "1.9" <= "1.17": versions compare part by part. */
export function versionAtMost(wanted: string, supported: string): boolean {
  const a = wanted.split(".").map(Number);
  const b = supported.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

function runPageScript(document: Document, source: string): void {
  const script = document.createElement("script");
  script.textContent = source;
  document.head.appendChild(script);
}

function loadClient(page: PageGlobals): NonNullable<PageGlobals["__officeJsBackend"]> {
  if (page.__officeJsBackend) return page.__officeJsBackend;
  const document = page.document;
  if (document === undefined) {
    throw new Error(
      "The Office.js client needs a page: start the test file with `/** @jest-environment jsdom */`."
    );
  }
  // office.debug.js finds its own <script src> to know where it was loaded from; jsdom fetches nothing.
  const tag = document.createElement("script");
  tag.src = "https://appsforoffice.microsoft.com/lib/1/hosted/office.debug.js";
  document.head.appendChild(tag);
  for (const file of OFFICE_JS_FILES)
    runPageScript(document, fs.readFileSync(path.join(OFFICE_JS_DIST, file), "utf8"));
  const osf = page.OSF;
  if (!osf || page.Excel === undefined) throw new Error("Office.js did not load (no OSF or Excel global).");

  // Start-up would now open a channel to the Office frame and ask it for the app context: there is
  // no frame here, so both wait forever instead of failing in a timer.
  const helper = osf.InitializationHelper.prototype;
  helper.setAgaveHostCommunication = () => undefined;
  helper.getAppContext = () => undefined;

  const backend: NonNullable<PageGlobals["__officeJsBackend"]> = {
    host: null,
    sets: CURRENT_EXCEL_ON_THE_WEB,
  };
  osf.DDA.RichApi.executeRichApiRequestAsync = (
    message: unknown[],
    done: (result: RichApiResult) => void
  ) => {
    if (!backend.host) throw new Error("An Office.js request arrived with no workbook installed.");
    backend.host.execute(message, done);
  };
  const requirements = {
    isSetSupported(name: string, minVersion?: string | number): boolean {
      const supported = backend.sets[name];
      if (supported === undefined) return false;
      return minVersion === undefined || versionAtMost(String(minVersion), supported);
    },
  };
  // Office.context comes from the app context the frame never sends: stand in for it.
  const context = { requirements };
  osf._OfficeAppFactory.getContext = () => context;
  page.__officeJsBackend = backend;
  return backend;
}

/**
 * Puts `host`'s workbook behind the real Office.js client (loading it into the page if needed) and
 * returns the undo. The host's syncs, failSync and inspection methods work as with the stand-in.
 * `page` is the test's own window unless given (the bench passes a jsdom window that runs scripts).
 */
export function installOfficeJs(
  host: ExcelHost,
  options: InstallOptions = {},
  page: object = globalThis
): () => void {
  const backend = loadClient(page as PageGlobals);
  const requestHost = new OfficeJsRequestHost(host.core, options);
  backend.host = requestHost;
  backend.sets = options.requirementSets ?? CURRENT_EXCEL_ON_THE_WEB;
  return () => {
    if (backend.host === requestHost) {
      backend.host = null;
      backend.sets = CURRENT_EXCEL_ON_THE_WEB;
    }
  };
}
