/**
 * `--pdf`: the Panel paper made by the real LibreOffice, read back with `pdftotext -layout`, and the
 * print setup of every sheet of the workbook read back with ExcelJS. The failure cases put a stand-in
 * `soffice` first on PATH (one that fails, hangs or writes half a PDF) or take LibreOffice off PATH.
 * Needs soffice and pdftotext (.ci/run installs libreoffice-calc-nogui and poppler-utils).
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "../../src/cli/args";
import { runCli } from "../../src/cli/run";
import { PDF_PACK_ORDER, inPackOrder } from "../../src/cli/pdf";
import { buildCoverModel, summariseModels, type ReportOptions, type SheetLayout } from "../../src/reports";
import { type CliResult, SAMPLE_INPUT, makeTempDir, readWorkbook, sampleLayouts } from "./helpers";

const layouts = sampleLayouts({ period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false });

let dir: string;
let tmp: string;
beforeEach(async () => {
  dir = await makeTempDir("pdf");
  // The runner's own temporary files go here, so a test can see that none are left.
  tmp = path.join(dir, "tmp");
  await fs.mkdir(tmp);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * The runner in this process (the child-process path is covered by main.test.ts), with `env` over
 * process.env while it runs: PATH decides which soffice it finds, TMPDIR where its temporary files go.
 */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const status = await runCli(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
    return {
      status,
      stdout: stdout.map((line) => line + "\n").join(""),
      stderr: stderr.map((line) => line + "\n").join(""),
    };
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

async function listing(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).sort();
}

/** What the runner left in its temporary folder (node's own compile cache aside). */
async function leftovers(folder: string): Promise<string[]> {
  return (await listing(folder)).filter((name) => !name.startsWith("v8-compile-cache"));
}

/** A stand-in soffice running `body` (sh), first on PATH. */
async function fakeSoffice(body: string): Promise<NodeJS.ProcessEnv> {
  const bin = path.join(dir, "bin");
  await fs.mkdir(bin);
  await fs.writeFile(path.join(bin, "soffice"), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, TMPDIR: tmp };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("the Panel paper: cover, CSR, SR, PCI; classification and page numbers on every page; whole tables", async () => {
  const out = path.join(dir, "reports.xlsx");
  const pdf = path.join(dir, "panel.pdf");
  const result = await run([SAMPLE_INPUT, "--out", out, "--pdf", pdf], { TMPDIR: tmp });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout.split("\n").slice(0, 2)).toEqual([out, pdf]);
  expect(await listing(dir)).toEqual(["panel.pdf", "reports.xlsx", "tmp"]);
  expect(await leftovers(tmp)).toEqual([]);

  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text.status).toBe(0);
  const pages = text.stdout.split("\f").filter((page) => page.trim() !== "");
  const sheetOfPage = pages.map((page) => {
    const lines = page.split("\n").filter((line) => line.trim() !== "");
    const footer = /^(.*?)\s+Page (\d+) of (\d+)\s*$/.exec(lines[lines.length - 1]);
    expect(footer).not.toBeNull();
    const [, sheet, number, total] = footer!;
    expect([Number(number), Number(total)]).toEqual([pages.indexOf(page) + 1, pages.length]);
    const layout = layouts.find((candidate) => candidate.name === sheet.trim());
    expect(layout).toBeDefined();
    // The classification heads every page.
    expect(lines[0].trim()).toBe(layout!.classification);
    return layout!;
  });
  // Each sheet's pages together, in the pack's order.
  const order = sheetOfPage.filter((layout, index) => index === 0 || sheetOfPage[index - 1] !== layout);
  expect(order.map((layout) => layout.kind)).toEqual(PDF_PACK_ORDER);

  // Every table's header row has all its columns on one line: no table is cut across pages sideways.
  for (const layout of layouts) {
    const sheetText = pages.filter((_, index) => sheetOfPage[index] === layout).join("\n");
    for (const table of layout.tables) {
      const header = new RegExp(table.headers.map(escapeRegExp).join("\\s+"));
      expect({ table: table.name, found: header.test(sheetText) }).toEqual({
        table: table.name,
        found: true,
      });
    }
    const stamp = /Input fingerprints?\s+(\S.*)$/m.exec(sheetText);
    expect(stamp).not.toBeNull();
  }
  const coverText = pages.filter((_, index) => sheetOfPage[index].kind === "cover").join("\n");
  expect(coverText).toMatch(
    /Appendix A: CSR Forecast Variance Panel Report \(SEC Section L8\.9\)\s+January 2018\s+14\/02\/2018/
  );

  // The workbook itself carries each sheet's print setup.
  const workbook = await readWorkbook(out);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(layouts.map((layout) => layout.name));
  for (const layout of layouts) {
    const worksheet = workbook.getWorksheet(layout.name)!;
    const print = layout.print!;
    const last = `${String.fromCharCode(64 + print.area.colCount)}${print.area.rowCount}`;
    expect(worksheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `A1:${last}`,
      printTitlesRow: `${print.titleRows!.first + 1}:${print.titleRows!.last + 1}`,
    });
    // No <printOptions gridLines="1">: Excel and LibreOffice print without gridlines.
    expect(worksheet.pageSetup.showGridLines).toBeFalsy();
    expect(worksheet.headerFooter.oddHeader).toBe(`&C${layout.classification}`);
    expect(worksheet.headerFooter.oddFooter).toBe("&L&A&RPage &P of &N");
  }
});

test("without LibreOffice on PATH: how to install it, exit status 2, nothing written", async () => {
  const emptyBin = path.join(dir, "empty-bin");
  await fs.mkdir(emptyBin);
  const result = await run(["--out", path.join(dir, "r.xlsx"), "--pdf", path.join(dir, "p.pdf")], {
    PATH: emptyBin,
    TMPDIR: tmp,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--pdf needs LibreOffice, and `soffice` is not on PATH/);
  expect(result.stderr).toMatch(/sudo apt-get install libreoffice-calc-nogui/);
  expect(result.stderr).toMatch(/Nothing was written\./);
  expect(await listing(dir)).toEqual(["empty-bin", "tmp"]);
  expect(await leftovers(tmp)).toEqual([]);
});

test("an unwritable PDF target: a clear message, exit status 2, nothing written", async () => {
  await fs.writeFile(path.join(dir, "file.txt"), "not a folder");
  const notAFolder = await run(
    ["--out", path.join(dir, "r.xlsx"), "--pdf", path.join(dir, "file.txt", "p.pdf")],
    { TMPDIR: tmp }
  );
  expect(notAFolder.status).toBe(2);
  expect(notAFolder.stderr).toContain(`--pdf: folder not found: ${path.join(dir, "file.txt")}`);
  expect(await listing(dir)).toEqual(["file.txt", "tmp"]);
  expect(await leftovers(tmp)).toEqual([]);
});

test.each([
  [
    "fails",
    'echo "source file could not be loaded" >&2; exit 3',
    /LibreOffice failed to make the PDF \(exit status 3\): source file could not be loaded; nothing was written\./,
  ],
  [
    "hangs",
    "exec sleep 60",
    /LibreOffice did not finish the PDF within 1 s \(see --pdf-timeout\); nothing was written\./,
  ],
  [
    "writes half a PDF",
    'while [ $# -gt 0 ]; do if [ "$1" = --outdir ]; then out="$2"; fi; last="$1"; shift; done\n' +
      'printf "%%PDF-1.7 cut short" > "$out/$(basename "$last" .xlsx).pdf"',
    /LibreOffice wrote an incomplete PDF; nothing was written\./,
  ],
])(
  "when LibreOffice %s: a clear message, exit status 2, no PDF and no workbook left behind",
  async (_, body, message) => {
    const env = await fakeSoffice(body);
    const result = await run(
      ["--out", path.join(dir, "r.xlsx"), "--pdf", path.join(dir, "p.pdf"), "--pdf-timeout", "1"],
      env
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await listing(dir)).toEqual(["bin", "tmp"]);
    expect(await leftovers(tmp)).toEqual([]);
  }
);

test("--pdf and --pdf-timeout on the command line; sheets in the pack's order", () => {
  expect(parseArgs(["--pdf", "p.pdf", "--pdf-timeout", "90"])).toMatchObject({
    pdf: "p.pdf",
    pdfTimeoutSeconds: 90,
  });
  expect(() => parseArgs(["--pdf", "p.pdf", "--pdf-timeout", "soon"])).toThrow(/not a number of seconds/);
  expect(() => parseArgs(["--pdf-timeout", "5"])).toThrow("--pdf-timeout needs --pdf");
  expect(() => parseArgs(["--pdf="])).toThrow("--pdf needs a file name");
  const options: ReportOptions = { period: "2018-01", reports: ["sr", "pci", "csr"], redactCsr: false };
  const cover = buildCoverModel(options, summariseModels(options, {}));
  expect(cover.reports.map((report) => `${report.appendix} ${report.kind}`)).toEqual([
    "Appendix A csr",
    "Appendix B sr",
    "Appendix C pci",
  ]);
  expect(inPackOrder(layouts).map((layout: SheetLayout) => layout.kind)).toEqual([
    "cover",
    "csr",
    "sr",
    "pci",
  ]);
});
