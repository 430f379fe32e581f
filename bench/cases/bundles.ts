/**
 * Bundle case: bytes of dist/functions.js and dist/taskpane.js, raw and gzipped (zlib default level, as
 * `gzip` and most web servers use). Runs `npm run build` first only when dist/ lacks them or is older
 * than src/.
 * Run by bench/run.ts as its own process.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { DIST, ensureBuilt } from "../lib/build";
import { CaseResult, progress, runCaseMain } from "../lib/measure";

const KB = 1024;

/** The page's own scripts (functions + pane) together, gzipped: issue 13's budget, in bytes. */
const PAGE_BUDGET_GZIP_BYTES = 150_000;

const BUNDLES = [
  { file: "functions.js", label: "functions", maxGzipKb: 25 },
  { file: "taskpane.js", label: "task pane", maxGzipKb: 250 },
] as const;

/** The scripts taskpane.html loads itself, in order (Office.js from Microsoft's CDN aside). */
function pageScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return Array.from(html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g), (match) => match[1]).filter(
    (src) => !/^https?:/.test(src)
  );
}

async function main(): Promise<CaseResult[]> {
  ensureBuilt(BUNDLES.map((bundle) => bundle.file));
  const results: CaseResult[] = [];
  for (const bundle of BUNDLES) {
    const filePath = path.join(DIST, bundle.file);
    const content = fs.readFileSync(filePath);
    const gzipKb = zlib.gzipSync(content).length / KB;
    const rawKb = content.length / KB;
    const built = fs.statSync(filePath).mtime.toISOString();
    progress(`${bundle.file}: ${rawKb.toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzip (built ${built})`);
    results.push(
      {
        name: `Bundle dist/${bundle.file}, gzip`,
        median: gzipKb,
        unit: "KB",
        runs: [gzipKb],
        target: `≤ ${bundle.maxGzipKb} KB gzip`,
        met: gzipKb <= bundle.maxGzipKb,
        note: `production build of ${built}; KB = 1,024 bytes`,
      },
      {
        name: `Bundle dist/${bundle.file}, raw`,
        median: rawKb,
        unit: "KB",
        runs: [rawKb],
        target: "report",
        met: null,
      }
    );
  }
  // What the page loads before it is interactive, and what it fetches only after a click (import()).
  const onPage = pageScripts();
  const gzipBytes = (file: string): number => zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length;
  const pageBytes = onPage.reduce((sum, file) => sum + gzipBytes(file), 0);
  const later = fs
    .readdirSync(DIST)
    .filter((file) => file.endsWith(".js") && !onPage.includes(file))
    .sort();
  const laterBytes = later.reduce((sum, file) => sum + gzipBytes(file), 0);
  progress(`page scripts (${onPage.join(" + ")}): ${pageBytes} bytes gzip; after a click: ${laterBytes}`);
  results.push(
    {
      name: "Page scripts (functions + pane), gzip",
      median: pageBytes,
      unit: "bytes",
      runs: [pageBytes],
      target: `≤ ${PAGE_BUDGET_GZIP_BYTES.toLocaleString("en-GB")} bytes`,
      met: pageBytes <= PAGE_BUDGET_GZIP_BYTES,
      note: `${onPage.join(" + ")}, as taskpane.html loads them`,
    },
    {
      name: "Pane code loaded after a click (Check, Generate), gzip",
      median: laterBytes,
      unit: "bytes",
      runs: [laterBytes],
      target: "report",
      met: null,
      note: later.join(" + "),
    }
  );
  return results;
}

runCaseMain(main);
