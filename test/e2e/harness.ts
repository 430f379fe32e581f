/**
 * End-to-end harness: the production build (dist/, unchanged) served on 127.0.0.1, opened in Chromium.
 * The page loads Microsoft's office.js from its usual address, answered from node_modules/@microsoft/office-js
 * (office.debug.js, and the files its loader fetches), with a browser bundle of the in-memory workbook
 * (host-entry.ts) appended to the Excel host script. Every other request off this machine is aborted, so
 * the tests never touch the network.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import webpack from "webpack";
import { EXCEL_ON_THE_WEB_HOST_INFO, OFFICE_JS_BASE } from "../support/office-frame";
import { OFFICE_JS_DIST } from "../support/office-js";
import { OFFICE_THEMES, type E2EWindow, type ThemeName } from "./page-api";

export const ROOT = path.resolve(__dirname, "../..");
/** The build under test; E2E_DIST points the tests at another copy (e.g. a deliberately broken one). */
export const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, "dist"));
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.join(ROOT, "test-results", "e2e");

/** Fails (never skips) when what the tests need is not there. */
function requirePrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the end-to-end tests need it (Debian: apt-get install chromium).`
    );
  }
  for (const file of ["taskpane.html", "taskpane.js", "functions.js"]) {
    if (!fs.existsSync(path.join(DIST, file))) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does).`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The Office.js stand-in, built once per change of its sources and shared by the test files

function hostSources(): string[] {
  const support = path.join(ROOT, "test", "support");
  return [
    path.join(__dirname, "host-entry.ts"),
    path.join(__dirname, "page-api.ts"),
    path.join(ROOT, "test", "functions", "fakeCustomFunctions.ts"),
    path.join(ROOT, "src", "excel", "payload.ts"),
    ...fs
      .readdirSync(support)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => path.join(support, name)),
  ].sort();
}

function compile(outputDir: string): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: path.join(__dirname, "host-entry.ts"),
    output: { path: outputDir, filename: "office.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          // Type-checking is `npm run typecheck`'s job; here only the bundle is wanted, quickly.
          options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } },
        },
      ],
    },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!stats || stats.hasErrors()) {
        reject(new Error(`The Office.js stand-in did not build:\n${stats?.toString("errors-only") ?? ""}`));
      } else resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bundle's source. Test files run in parallel workers: one builds (under a lock dir), the rest wait. */
export async function hostBundle(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const file of hostSources()) hash.update(file).update(fs.readFileSync(file));
  const bundle = path.join(os.tmpdir(), `dcc-e2e-office-${hash.digest("hex").slice(0, 16)}.js`);
  const lock = `${bundle}.lock`;
  const deadline = Date.now() + 120_000;
  while (!fs.existsSync(bundle)) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another worker is building; a lock left by a killed run is taken over after a minute.
      const lockStat = fs.statSync(lock, { throwIfNoEntry: false });
      if (lockStat && Date.now() - lockStat.mtimeMs > 60_000) {
        fs.rmSync(lock, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${bundle} to be built.`);
      await sleep(250);
      continue;
    }
    try {
      if (!fs.existsSync(bundle)) {
        const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "dcc-e2e-build-"));
        await compile(outputDir);
        fs.renameSync(path.join(outputDir, "office.js"), bundle);
        fs.rmSync(outputDir, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return fs.readFileSync(bundle, "utf8");
}

// ---------------------------------------------------------------------------------------------
// office.js from node_modules, at its usual address

const officeFiles = new Map<string, string>();

/**
 * The script the page gets for a request to office.js's address, or null for any other address: office.js
 * is Microsoft's office.debug.js; other files (excel-web-16.00.debug.js, en-us/office_strings.debug.js)
 * come from the package's dist folder; the Excel host script has `workbookBundle` appended.
 */
export function officeJsResponse(url: string, workbookBundle: string): string | null {
  if (!url.startsWith(OFFICE_JS_BASE)) return null;
  const name = url.slice(OFFICE_JS_BASE.length).split(/[?#]/)[0];
  const file = path.join(OFFICE_JS_DIST, path.normalize(name === "office.js" ? "office.debug.js" : name));
  if (!file.startsWith(OFFICE_JS_DIST + path.sep) || !fs.existsSync(file)) return null;
  let source = officeFiles.get(file);
  if (source === undefined) {
    source = fs.readFileSync(file, "utf8");
    officeFiles.set(file, source);
  }
  return name === "excel-web-16.00.debug.js" ? `${source}\n;${workbookBundle}` : source;
}

/**
 * Makes the context's pages load office.js as an add-in page in Excel on the web does (host information
 * in window.name) from node_modules; every other request goes to `otherwise`.
 */
export async function routeOfficeJs(
  context: BrowserContext,
  workbookBundle: string,
  otherwise: (route: Route) => Promise<void>
): Promise<void> {
  await context.addInitScript((hostInfo) => {
    window.name = JSON.stringify({ hostInfo });
  }, EXCEL_ON_THE_WEB_HOST_INFO);
  await context.route("**/*", async (route) => {
    const served = officeJsResponse(route.request().url(), workbookBundle);
    if (served !== null) await route.fulfill({ status: 200, contentType: "text/javascript", body: served });
    else await otherwise(route);
  });
}

// ---------------------------------------------------------------------------------------------
// dist/ over http on 127.0.0.1

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves a directory on 127.0.0.1 at a free port (files only, no listing). */
export function serve(directory: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(directory, path.normalize(urlPath));
    if (!file.startsWith(directory + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ---------------------------------------------------------------------------------------------
// A session per test file: one browser, one server; a fresh context (and workbook) per test

export interface Session {
  browser: Browser;
  baseUrl: string;
  officeJs: string;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with no outside connections of its own (the browser tests and the bench). */
export function launchChromium(): Promise<Browser> {
  // launch() gives every browser a fresh temporary profile (its own --user-data-dir), removed on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export async function startSession(): Promise<Session> {
  requirePrerequisites();
  const officeJs = await hostBundle();
  const server = await serve(DIST);
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  return {
    browser,
    baseUrl: `http://127.0.0.1:${port}/`,
    officeJs,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Pane {
  page: Page;
  context: BrowserContext;
  /** Uncaught page errors and console errors so far. */
  errors: string[];
  /** Requests that tried to leave the machine (all aborted). */
  blocked: string[];
  close(): Promise<void>;
}

/** A task pane width (Office's default pane is about 350 px wide). */
export const PANE_VIEWPORT = { width: 360, height: 900 };

export interface PaneOptions {
  /** Office theme of the pane; null: none, as outside Office. Default light. */
  theme?: ThemeName | null;
  /** Fail the request for dist/taskpane.js (the React pane), as a broken deployment would. */
  withoutPaneBundle?: boolean;
}

/** Opens dist/taskpane.html on a fresh in-memory workbook and waits for the pane (unless it is left out). */
export async function openPane(session: Session, options: PaneOptions = {}): Promise<Pane> {
  const theme = options.theme === undefined ? "light" : options.theme;
  const paneBundle = `${session.baseUrl}taskpane.js`;
  const context = await session.browser.newContext({ viewport: PANE_VIEWPORT, reducedMotion: "reduce" });
  const errors: string[] = [];
  const blocked: string[] = [];
  await routeOfficeJs(context, session.officeJs, async (route) => {
    const url = route.request().url();
    if (options.withoutPaneBundle && url === paneBundle) {
      await route.abort("failed");
    } else if (url.startsWith(session.baseUrl) || url.startsWith("data:")) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort("blockedbyclient");
    }
  });
  if (theme !== null) {
    await context.addInitScript((colours) => {
      (window as unknown as E2EWindow).__e2eOfficeTheme = colours;
    }, OFFICE_THEMES[theme]);
  }
  // Every step here takes well under a second; a stuck one should fail fast, not after Playwright's 30 s.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
    // office.js warns when CustomFunctions.associate is given an id twice or a bad argument.
    else if (/^\[(DuplicatedName|InvalidArg)\]/.test(message.text()))
      errors.push(`office.js: ${message.text()}`);
  });
  await page.goto(`${session.baseUrl}taskpane.html`);
  if (!options.withoutPaneBundle) {
    await page.getByRole("heading", { name: "DCC SEC Reporting", level: 1 }).waitFor();
  }
  return { page, context, errors, blocked, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------
// Helpers the tests share

/**
 * Saves a screenshot to test-results/e2e/<name>.png (git-ignored), for a person to look at: the full page,
 * or only what fits in the viewport (what the user sees without scrolling; sticky parts where they stick).
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Waits until the pane has read the workbook once (on open it reads it by itself). */
export async function waitForInputsRead(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const text = document.body.innerText;
    return /No input tables found/.test(text) || document.querySelector('ul[aria-label="Inputs found"] li');
  });
}

export const SAMPLE_MONTH_LABEL = "January 2018";

/** The sheets and tables SPEC.md names for January 2018 reports, with the columns of each table. */
export const JANUARY_2018_SHEETS = [
  "SR Variance Jan-2018",
  "CSR Variance Jan-2018",
  "Post Commissioning Jan-2018",
  "DCC Reporting Jan-2018",
];
const SR_COLUMNS = [
  "User ID",
  "User Name",
  "User Role",
  "Forecast",
  "Actual",
  "Difference",
  "% of Forecast",
  "Status",
];
const CSR_COLUMNS = [
  "Subscriber ID",
  "Subscriber Name",
  "Forecast",
  "Actual",
  "Difference",
  "% of Forecast",
  "Status",
];
export const JANUARY_2018_TABLES: Record<string, { sheet: string; columns: string[] }> = {
  SR_2018_01: { sheet: "SR Variance Jan-2018", columns: SR_COLUMNS },
  SR_Exceptions_2018_01: { sheet: "SR Variance Jan-2018", columns: SR_COLUMNS },
  CSR_2018_01: { sheet: "CSR Variance Jan-2018", columns: CSR_COLUMNS },
  CSR_Exceptions_2018_01: { sheet: "CSR Variance Jan-2018", columns: CSR_COLUMNS },
  PCI_2018_01: {
    sheet: "Post Commissioning Jan-2018",
    columns: [
      "Device ID",
      "Device Type",
      "Supplier ID",
      "Commissioned",
      "Days Commissioned",
      "Reasons",
      "New This Month",
    ],
  },
  PCI_Trend_2018_01: {
    sheet: "Post Commissioning Jan-2018",
    columns: ["Period", "Listed", "Added", "Removed", "a", "b", "c", "d", "e"],
  },
  PCI_Types_2018_01: {
    sheet: "Post Commissioning Jan-2018",
    columns: ["Device Type", "Listed", "Added", "Removed"],
  },
  PCI_Suppliers_2018_01: {
    sheet: "Post Commissioning Jan-2018",
    columns: ["Supplier ID", "Listed", "Added", "Removed"],
  },
};

/** Sheet names, tables (name, sheet, headers) and the active sheet, read from the in-memory host. */
export async function hostWorkbook(page: Page) {
  return page.evaluate(() => {
    const host = (window as unknown as E2EWindow).__excelHost;
    return {
      sheets: host.sheetNames(),
      tables: host.tables().map((t) => ({ name: t.name, sheet: t.sheet, headers: t.headers.map(String) })),
      activeSheet: host.activeSheet(),
      selection: host.selectedRange(),
    };
  });
}

/** A copy of the whole workbook: every sheet's values and formulas, tables and charts. */
export function hostSnapshot(page: Page) {
  return page.evaluate(() => (window as unknown as E2EWindow).__excelHost.snapshot());
}

export function setCellValues(
  page: Page,
  sheet: string,
  address: string,
  values: unknown[][]
): Promise<void> {
  return page.evaluate(([s, a, v]) => (window as unknown as E2EWindow).__e2e.setValues(s, a, v), [
    sheet,
    address,
    values,
  ] as const);
}

// ---------------------------------------------------------------------------------------------
// axe-core in the page

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

const AXE_SOURCE = require.resolve("axe-core");

/**
 * Runs axe on the whole page; returns every violation (the caller decides which impacts fail). One known
 * false positive is dropped, node by node: aria-hidden-focus on Fluent's tabster "dummy" elements
 * (<i tabindex="0" aria-hidden="true" data-tabster-dummy>), which exist only to pass focus on and are
 * aria-hidden so screen readers skip them (microsoft/tabster#288; Accessibility Insights suppresses them).
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
      element?: Element;
    }
    interface AxeViolation {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    interface Axe {
      run(context: Document, options: { elementRef: boolean }): Promise<{ violations: AxeViolation[] }>;
    }
    const axe = (window as unknown as { axe: Axe }).axe;
    const results = await axe.run(document, { elementRef: true });
    const tabsterDummy = (rule: string, node: AxeNode) =>
      rule === "aria-hidden-focus" && node.element?.hasAttribute("data-tabster-dummy") === true;
    return results.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !tabsterDummy(v.id, n))
          .map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary ?? "" })),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `[${f.impact}] ${f.id}: ${f.help}\n` +
        f.nodes.map((n) => `    at ${n.target}\n      ${n.summary.replace(/\n/g, "\n      ")}`).join("\n")
    )
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Focus visibility, measured in the page

export interface FocusStop {
  /** role/tag and accessible text of the focused element; "body" when nothing has focus. */
  description: string;
  /** Fluent's focus-visible marker (data-fui-focus-visible / -within) or :focus-visible matches. */
  marked: boolean;
  /** The element that had focus before, and whether its look changed when it lost focus. */
  previous: { description: string; changed: boolean } | null;
}

/**
 * Describes the focused element and checks that focus is visible: it is marked focus-visible, and the
 * element that had focus before looks different now that it has lost it (outline, box-shadow,
 * text decoration or underline bar, on the element, its pseudo-elements or close ancestors).
 */
export function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    interface Memory {
      element: Element;
      signature: string;
      description: string;
    }
    const store = window as unknown as { __e2eFocus?: Memory };
    const describe = (el: Element): string => {
      const role = el.getAttribute("role") ?? el.tagName.toLowerCase();
      const name = (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "").trim();
      const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el : null;
      const label = labelled?.labels && labelled.labels.length > 0 ? labelled.labels[0].innerText.trim() : "";
      return `${role} "${(label || name).replace(/\s+/g, " ").slice(0, 80)}"`;
    };
    const signature = (el: Element): string => {
      const parts: string[] = [];
      let node: Element | null = el;
      for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
        // A transparent element (e.g. Fluent's native checkbox under its drawn box) shows no focus ring.
        const own = getComputedStyle(node);
        if (own.opacity === "0" || own.visibility === "hidden") {
          parts.push("invisible");
          continue;
        }
        for (const pseudo of [null, "::before", "::after"]) {
          const s = getComputedStyle(node, pseudo);
          // Only what can be seen: an outline, underline or border of style "none" shows nothing.
          const outline =
            s.outlineStyle === "none" ? "none" : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
          const underline =
            s.textDecorationLine === "none"
              ? "none"
              : `${s.textDecorationLine} ${s.textDecorationStyle} ${s.textDecorationColor}`;
          const border =
            s.borderBottomStyle === "none" || s.borderBottomWidth === "0px"
              ? "none"
              : `${s.borderBottomStyle} ${s.borderBottomWidth} ${s.borderBottomColor}`;
          parts.push([outline, s.boxShadow, underline, border, s.transform].join("|"));
        }
      }
      return parts.join("\n");
    };
    const active = document.activeElement;
    const previous = store.__e2eFocus;
    let previousResult: { description: string; changed: boolean } | null = null;
    if (previous && previous.element !== active && previous.element.isConnected) {
      previousResult = {
        description: previous.description,
        changed: signature(previous.element) !== previous.signature,
      };
    }
    if (!active || active === document.body) {
      store.__e2eFocus = undefined;
      return { description: "body", marked: false, previous: previousResult };
    }
    let marked = active.matches(":focus-visible") || active.hasAttribute("data-fui-focus-visible");
    for (let node = active.parentElement, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
      if (node.hasAttribute("data-fui-focus-within")) marked = true;
    }
    const description = describe(active);
    store.__e2eFocus = { element: active, signature: signature(active), description };
    return { description, marked, previous: previousResult };
  });
}

/**
 * One browser for a test file and a fresh pane for each test: `open()` opens the pane; after each test it
 * is closed and must have sent nothing off the machine and raised no page or console error.
 */
export function paneSessionPerFile(): { open: (options?: PaneOptions) => Promise<Pane> } {
  let session: Session | undefined;
  let pane: Pane | undefined;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    const current = pane;
    pane = undefined;
    if (!current) return;
    await current.close();
    expect(current.blocked).toEqual([]);
    expect(current.errors).toEqual([]);
  });
  return {
    open: async (options) => {
      if (!session) throw new Error("The browser session did not start.");
      pane = await openPane(session, options);
      return pane;
    },
  };
}
