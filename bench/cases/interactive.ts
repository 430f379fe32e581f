/**
 * Time to interactive of the task pane in Chromium: from navigation to the Check button enabled (the pane
 * has read the workbook, which holds the sample data, and can be used), the CPU slowed 4× through the
 * DevTools protocol, the page served from this machine with Microsoft's office.js and the browser tests' workbook behind it. The same
 * is measured on a minimal page built the same way (bench/minimal-pane: a FluentProvider and one Button),
 * run for run, and the ratio reported.
 * Run by bench/run.ts as its own process.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import type * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser } from "playwright-core";
import webpack from "webpack";
import { sampleWorkbook } from "../../src/reports";
import { hostBundle, launchChromium, PANE_VIEWPORT, routeOfficeJs, serve } from "../../test/e2e/harness";
import type { E2EWindow } from "../../test/e2e/page-api";
import { DIST, ensureBuilt } from "../lib/build";
import { CaseResult, median, progress, runCaseMain } from "../lib/measure";

const REPO = path.join(__dirname, "..", "..");
const MINIMAL_SOURCE = path.join(REPO, "bench", "minimal-pane", "index.tsx");
const CPU_SLOWDOWN = 4;
const WARM_UPS = 1;
const RUNS = 7;

/** The minimal page, built by webpack.config.js with only the pane's entry replaced; rebuilt when its inputs change. */
async function buildMinimalPage(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const file of [
    MINIMAL_SOURCE,
    path.join(REPO, "webpack.config.js"),
    path.join(REPO, "package-lock.json"),
  ]) {
    hash.update(fs.readFileSync(file));
  }
  const outputDir = path.join(REPO, ".tmp", "bench", `minimal-pane-${hash.digest("hex").slice(0, 16)}`);
  if (fs.existsSync(path.join(outputDir, "taskpane.html"))) return outputDir;
  progress("building the minimal page (FluentProvider + one Button) with webpack.config.js");
  const makeConfig = require(path.join(REPO, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: "production" });
  const entry = config.entry as Record<string, string>;
  config.entry = { ...entry, taskpane: MINIMAL_SOURCE };
  config.output = { ...config.output, path: outputDir };
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (!stats || stats.hasErrors())
        reject(new Error(stats?.toString("errors-only") ?? "build failed"));
      else resolve();
    });
  });
  return outputDir;
}

/**
 * Opens taskpane.html in a fresh context (empty cache), CPU slowed, and returns the milliseconds from
 * navigation start to the first moment a button labelled Check is enabled (performance.now() in the page).
 */
async function timeToInteractive(browser: Browser, baseUrl: string, officeJs: string): Promise<number> {
  const context = await browser.newContext({ viewport: PANE_VIEWPORT });
  try {
    await routeOfficeJs(context, officeJs, async (route) => {
      if (route.request().url().startsWith(baseUrl)) await route.continue();
      else await route.abort("blockedbyclient");
    });
    const sheets = sampleWorkbook().map((sheet) => ({ name: sheet.name, values: sheet.values }));
    await context.addInitScript((initialSheets) => {
      const page = window as unknown as E2EWindow & { __ttiMs?: number };
      page.__e2eInitialSheets = initialSheets;
      const enabledCheck = (): boolean =>
        Array.from(document.querySelectorAll("button")).some(
          (button) =>
            button.textContent?.trim() === "Check" &&
            !button.disabled &&
            button.getAttribute("aria-disabled") !== "true"
        );
      const observer = new MutationObserver(() => {
        if (page.__ttiMs === undefined && enabledCheck()) {
          page.__ttiMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    }, sheets);
    const page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    await devtools.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(`${baseUrl}taskpane.html`);
    await page.waitForFunction(
      () => (window as unknown as { __ttiMs?: number }).__ttiMs !== undefined,
      null,
      {
        timeout: 60_000,
      }
    );
    // Awaited here, not returned as a promise: the finally below closes the context, and the page with it.
    return await page.evaluate(() => (window as unknown as { __ttiMs: number }).__ttiMs);
  } finally {
    await context.close();
  }
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function main(): Promise<CaseResult[]> {
  ensureBuilt(["functions.js", "taskpane.js"]);
  const minimalDist = await buildMinimalPage();
  const officeJs = await hostBundle();
  const paneServer = await serve(DIST);
  const minimalServer = await serve(minimalDist);
  const url = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  const pane: number[] = [];
  const minimal: number[] = [];
  const ratios: number[] = [];
  try {
    // Alternate pane and minimal page run by run, so that both see the same load on a shared machine.
    for (let run = 0; run < WARM_UPS + RUNS; run++) {
      const paneMs = await timeToInteractive(browser, url(paneServer), officeJs);
      const minimalMs = await timeToInteractive(browser, url(minimalServer), officeJs);
      const warmUp = run < WARM_UPS;
      progress(
        `${warmUp ? "warm-up" : `run ${run - WARM_UPS + 1}`}: pane ${paneMs.toFixed(0)} ms, minimal ${minimalMs.toFixed(0)} ms`
      );
      if (warmUp) continue;
      pane.push(paneMs);
      minimal.push(minimalMs);
      ratios.push(paneMs / minimalMs);
    }
  } finally {
    await browser.close();
    await close(paneServer);
    await close(minimalServer);
  }
  const note = `Chromium, CPU slowed ${CPU_SLOWDOWN}× (Emulation.setCPUThrottlingRate), served on 127.0.0.1, sample data in the workbook`;
  return [
    {
      name: "Task pane time to interactive (navigation -> Check enabled)",
      median: median(pane),
      unit: "ms",
      runs: pane,
      ratio: median(ratios),
      baseline: median(minimal),
      target: "report",
      met: null,
      note: `${note}; ratio to the minimal page (FluentProvider + one Button), run for run`,
    },
    {
      name: "Minimal page time to interactive (FluentProvider + one Button)",
      median: median(minimal),
      unit: "ms",
      runs: minimal,
      target: "report",
      met: null,
      note,
    },
  ];
}

runCaseMain(main);
