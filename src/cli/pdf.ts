/**
 * The month's Panel paper as one PDF (`--pdf FILE`): the report sheets in the seed paper's order
 * (the cover, Appendix A: CSR, Appendix B: SR, then Post Commissioning) are written to a temporary
 * workbook, which LibreOffice headless prints to PDF with each sheet's print setup. LibreOffice is a
 * real dependency of this option: it is looked up before anything is written, runs with a profile of
 * its own (so concurrent runs do not clash) and a timeout, and its PDF reaches the target only whole.
 */
import { spawn } from "child_process";
import { constants as fsConstants, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { ReportKind, SheetLayout } from "../reports/layout";
import { APPENDIX_ORDER } from "../reports/registry";
import { trackTempFile, untrackTempFile } from "./output-file";
import { writeFileAtomically, writeSheetsXlsx } from "./write-xlsx";

/** Sheet order in the PDF: the cover paper, then the appendices as the seed paper orders them. */
export const PDF_PACK_ORDER: readonly ReportKind[] = ["cover", ...APPENDIX_ORDER];

export const DEFAULT_PDF_TIMEOUT_SECONDS = 600;

export const LIBREOFFICE_MISSING =
  "--pdf needs LibreOffice, and `soffice` is not on PATH. Install it, then run again: " +
  "Debian or Ubuntu: sudo apt-get install libreoffice-calc-nogui; Fedora: sudo dnf install libreoffice-calc; " +
  "macOS: brew install --cask libreoffice (and add /Applications/LibreOffice.app/Contents/MacOS to PATH); " +
  "Windows: winget install TheDocumentFoundation.LibreOffice (and add its program folder to PATH). " +
  "Nothing was written.";

/** A failure of the PDF step; the message is one line and nothing has been left behind. */
export class PdfError extends Error {
  override readonly name = "PdfError";
}

/** The layouts in PDF_PACK_ORDER (stable within a kind). */
export function inPackOrder(layouts: readonly SheetLayout[]): SheetLayout[] {
  return layouts
    .map((layout, index) => ({ layout, index }))
    .sort(
      (a, b) =>
        PDF_PACK_ORDER.indexOf(a.layout.kind) - PDF_PACK_ORDER.indexOf(b.layout.kind) || a.index - b.index
    )
    .map(({ layout }) => layout);
}

/** The first executable `command` on `searchPath` (PATH's format), or null. */
export async function findOnPath(
  command: string,
  searchPath: string = process.env.PATH ?? ""
): Promise<string | null> {
  const extensions = process.platform === "win32" ? [".exe", ".com", ""] : [""];
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder === "") continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, command + extension);
      try {
        const stat = await fs.stat(candidate);
        if (!stat.isFile()) continue;
        await fs.access(candidate, fsConstants.X_OK);
        return candidate;
      } catch {
        // Not here: try the next folder.
      }
    }
  }
  return null;
}

/** LibreOffice on PATH, or a PdfError saying how to install it. */
export async function requireLibreOffice(): Promise<string> {
  const soffice = await findOnPath("soffice");
  if (soffice === null) throw new PdfError(LIBREOFFICE_MISSING);
  return soffice;
}

export interface PdfOptions {
  /** The soffice executable (requireLibreOffice). */
  soffice: string;
  timeoutSeconds: number;
}

/** Runs `soffice --headless --convert-to pdf` on `workbook` into `outDir`; rejects on failure or timeout. */
function convertToPdf(
  workbook: string,
  outDir: string,
  profileDir: string,
  options: PdfOptions
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        workbook,
      ],
      // Its own process group, so that a timeout ends LibreOffice's helper processes too.
      { stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" }
    );
    let output = "";
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }, options.timeoutSeconds * 1000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new PdfError(`LibreOffice could not be started (${options.soffice}): ${error.message}`));
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const said = output.trim().replace(/\s+/g, " ");
      if (timedOut) {
        reject(
          new PdfError(
            `LibreOffice did not finish the PDF within ${options.timeoutSeconds} s (see --pdf-timeout)`
          )
        );
      } else if (status !== 0) {
        reject(
          new PdfError(
            `LibreOffice failed to make the PDF (${signal ?? `exit status ${String(status)}`})${said ? `: ${said}` : ""}`
          )
        );
      } else resolve();
    });
  });
}

/** Checks that `file` is a complete PDF: it starts with %PDF- and ends with %%EOF. */
async function checkPdf(file: string): Promise<void> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    throw new PdfError("LibreOffice reported success but wrote no PDF");
  }
  const tail = data.subarray(Math.max(0, data.length - 1024)).toString("latin1");
  if (data.subarray(0, 5).toString("latin1") !== "%PDF-" || !tail.includes("%%EOF")) {
    throw new PdfError("LibreOffice wrote an incomplete PDF");
  }
}

/**
 * Writes the Panel paper for `layouts` to `target` (replacing it). Everything is made in a temporary
 * folder, removed afterwards; the target appears only when the PDF is complete.
 */
export async function writePanelPdf(
  layouts: readonly SheetLayout[],
  target: string,
  options: PdfOptions
): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "dcc-panel-pdf-"));
  // Removed by the signal handlers too: an interrupted run leaves nothing in the temp folder.
  trackTempFile(work);
  try {
    const stem = path.basename(target).replace(/\.pdf$/i, "") || "panel-paper";
    const workbook = path.join(work, `${stem}.xlsx`);
    await writeSheetsXlsx(inPackOrder(layouts), workbook);
    const outDir = path.join(work, "out");
    await fs.mkdir(outDir);
    await convertToPdf(workbook, outDir, path.join(work, "profile"), options);
    const pdf = path.join(outDir, `${stem}.pdf`);
    await checkPdf(pdf);
    await writeFileAtomically(target, (temp) => fs.copyFile(pdf, temp));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    untrackTempFile(work);
  }
}

/**
 * Writes the report workbook to `out` and, with `pdf`, the Panel paper to `pdf.target`: both or
 * neither (the workbook is renamed into place only after the PDF is).
 */
export async function writeReportFiles(
  layouts: readonly SheetLayout[],
  out: string,
  pdf: (PdfOptions & { target: string }) | undefined,
  options: { replace?: boolean } = {}
): Promise<void> {
  let pdfWritten = false;
  try {
    await writeFileAtomically(
      out,
      async (temp) => {
        await writeSheetsXlsx(layouts, temp);
        if (pdf) {
          await writePanelPdf(layouts, pdf.target, pdf);
          pdfWritten = true;
        }
      },
      { replace: options.replace }
    );
  } catch (error) {
    if (pdfWritten && pdf) await fs.rm(pdf.target, { force: true });
    throw error;
  }
}

/**
 * Checks, before anything is written, that the PDF can go to `target`: not the input or the
 * workbook, a folder that exists and can be written, and no file there unless `replace`.
 */
export async function checkPdfTarget(
  target: string,
  others: { input: string; out: string; replace: boolean }
): Promise<void> {
  if (target === others.input)
    throw new PdfError(`refusing to overwrite the input ${target}: choose another --pdf`);
  if (target === others.out) throw new PdfError(`--pdf and --out are the same file: ${target}`);
  const folder = path.dirname(target);
  const folderStat = await fs.stat(folder).catch(() => null);
  if (!folderStat?.isDirectory())
    throw new PdfError(`--pdf: folder not found: ${folder}; nothing was written.`);
  try {
    await fs.access(folder, fsConstants.W_OK);
  } catch {
    throw new PdfError(
      `--pdf: cannot write to the folder ${folder} (permission denied); nothing was written.`
    );
  }
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new PdfError(`--pdf: ${target} is a folder; nothing was written.`);
  if (existing && !others.replace) {
    throw new PdfError(
      `--pdf: file already exists: ${target} (use --replace to replace it); nothing was written.`
    );
  }
}
