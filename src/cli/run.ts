/**
 * The headless runner: .xlsx in, report workbook out, with the same src/reports code as the task
 * pane. Exit status: 0 written; 2 the input or the options are wrong (every problem printed, nothing
 * written); 1 a fault in the product itself (see main.ts); 129/130/143 interrupted (see output-file.ts).
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  COVER,
  EXCEPTION_STATUSES,
  INPUT_LABELS,
  REPORTS,
  buildReports,
  auditInfo,
  checkInputs,
  detectInputs,
  latestMonth,
  reportDefinition,
  reportSheetName,
  type CheckedData,
  type DetectedInput,
  type ReportChoice,
  type ReportSummary,
  type VarianceHeadline,
} from "../reports";
import { USAGE, UsageError, parseArgs, type CliOptions } from "./args";
import {
  type InputUse,
  accountInputs,
  isInputHeaderRow,
  mergeProblems,
  readerProblems,
} from "./input-accounting";
import { OutputExistsError } from "./output-file";
import { type NationalInput, listFilePath, loadNationalInput } from "./national/load";
import { InputFileProblem, isNationalInput } from "./national/sources";
import {
  DEFAULT_PDF_TIMEOUT_SECONDS,
  PdfError,
  checkPdfTarget,
  requireLibreOffice,
  writeReportFiles,
} from "./pdf";
import { WorkbookReadError, readXlsxWorkbook } from "./read-xlsx";
import { nodeSha256Lines } from "./sha256";

export interface CliIo {
  /** One line to standard output. */
  out(line: string): void;
  /** One line to standard error. */
  err(line: string): void;
  /** The folder relative paths are taken from (npm's INIT_CWD: where the user ran the command). */
  cwd?: string;
}

/** The exit-code contract (README, --help). */
export const EXIT_OK = 0;
/** A fault in the product itself: never bad input. */
export const EXIT_PRODUCT_FAULT = 1;
/** The input or the options are wrong: unreadable, not a workbook, bad cells, bad options. */
export const EXIT_BAD_INPUT = 2;
/** Options are wrong: the same status as bad input. */
export const EXIT_USAGE = EXIT_BAD_INPUT;

/** The bundled sample workbook (written by `npm run examples`). */
export const SAMPLE_INPUT = path.resolve(__dirname, "..", "..", "examples", "sample-input.xlsx");

/** Inputs of more rows than this get progress lines on stderr. */
export const PROGRESS_THRESHOLD = 100_000;

/** A failure with a one-line message and an exit status. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
  }
}

function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** Default output: beside the input, named for the period. */
export function defaultOutputPath(input: string, period: string): string {
  return path.join(path.dirname(input), `DCC-reports-${period}.xlsx`);
}

/**
 * The default output, or the first free "… (2).xlsx", "… (3).xlsx" beside it: a default never replaces
 * an earlier run's reports, and running twice just works (as Excel gives new sheets free names).
 */
async function freeDefaultOutputPath(input: string, period: string, after = 1): Promise<string> {
  const first = defaultOutputPath(input, period);
  const candidate = (n: number): string => (n === 1 ? first : first.replace(/\.xlsx$/, ` (${n}).xlsx`));
  let n = after;
  while (await statOrNull(candidate(n))) n++;
  return candidate(n);
}

/** The n of "… (n).xlsx" in a default output name; 1 for the first name. */
function defaultNameNumber(file: string): number {
  const match = / \((\d+)\)\.xlsx$/.exec(file);
  return match ? Number(match[1]) : 1;
}

async function statOrNull(file: string): Promise<import("fs").Stats | null> {
  try {
    return await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliFailure(`cannot open ${file}: ${fileErrorText(error)}`, EXIT_BAD_INPUT);
  }
}

/** One line per report sheet for stdout, from the summary of the models. */
export function summaryLines(summary: ReportSummary, reports: readonly ReportChoice[]): string[] {
  const lines: string[] = [];
  const variance = (id: "sr" | "csr", parties: string, headline: VarianceHeadline): void => {
    const byStatus = EXCEPTION_STATUSES.filter((status) => headline.exceptionsByStatus[status] > 0)
      .map((status) => `${status} ${count(headline.exceptionsByStatus[status])}`)
      .join(", ");
    lines.push(
      `${reportSheetName(id, summary.period)}: ${count(headline.parties)} ${parties}, ` +
        `${count(headline.exceptions)} exceptions${byStatus === "" ? "" : ` (${byStatus})`}`
    );
  };
  for (const report of REPORTS) {
    if (!reports.includes(report.id)) continue;
    if (report.id === "sr" && summary.sr) variance("sr", "Users", summary.sr);
    if (report.id === "sr" && summary.metrics) {
      lines[lines.length - 1] += `, ${count(summary.metrics.breaches)} metric breaches`;
    }
    if (report.id === "csr" && summary.csr) variance("csr", "Subscribers", summary.csr);
    if (report.id === "pci" && summary.pci) {
      const { listed, added, removed } = summary.pci;
      const change =
        added !== null && removed !== null ? `, ${count(added)} added, ${count(removed)} removed` : "";
      lines.push(`${reportSheetName("pci", summary.period)}: ${count(listed ?? 0)} devices listed${change}`);
    }
  }
  lines.push(`${reportSheetName("cover", summary.period)}: cover paper (${COVER.classification})`);
  return lines;
}

function chooseReports(
  options: CliOptions,
  inputs: readonly Pick<DetectedInput, "kind">[],
  input: string
): ReportChoice[] {
  const present = new Set(inputs.map((detected) => detected.kind));
  if (options.only) {
    for (const report of options.only) {
      const needed = reportDefinition(report).input;
      if (!present.has(needed)) {
        throw new CliFailure(
          `--only ${report}: no ${INPUT_LABELS[needed]} table found in ${input}`,
          EXIT_BAD_INPUT
        );
      }
    }
    return options.only;
  }
  return REPORTS.filter((report) => present.has(report.input)).map((report) => report.id);
}

/** A file-system error in plain words, without the library's code. */
function fileErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "not found";
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ELOOP":
      return "its symbolic links go round in a loop";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the disk is read-only";
    case "EMFILE":
    case "ENFILE":
      return "too many files are open";
    default:
      return code === undefined ? (error as Error).message : `the system refused (${code})`;
  }
}

/** Progress lines on stderr, only for large inputs, with the seconds since the start. */
class Progress {
  private readonly started = Date.now();
  enabled = false;

  constructor(private readonly io: CliIo) {}

  line(text: string, force = false): void {
    if (this.enabled || force) this.io.err(`${text} (${((Date.now() - this.started) / 1000).toFixed(1)} s)`);
  }
}

interface LoadedInput {
  data: CheckedData;
  reports: ReportChoice[];
  /** Lines saying which tables and sheets were used for which input (see inputLines). */
  inputLines: string[];
  /** Problems counted (data.problems may list only the first of them). */
  problemTotal: number;
  /** CSV and Parquet inputs, read through DuckDB (src/cli/national). */
  national?: NationalInput;
}

async function loadNational(
  input: string,
  inputStat: import("fs").Stats,
  options: CliOptions,
  progress: Progress
): Promise<LoadedInput> {
  const national = await loadNationalInput(input, inputStat, (line) => progress.line(line, true)).catch(
    (error: unknown) => {
      // A file DuckDB cannot read, an empty file, two files for one table: bad input, named by file.
      if (error instanceof InputFileProblem) throw new CliFailure(error.message, EXIT_BAD_INPUT);
      throw error;
    }
  );
  try {
    const inputLines = national.ignored.map((file) => `Not used: ${file}`);
    if (national.kinds.length === 0 && national.problemTotal === 0) {
      throw new CliFailure(
        `no input tables found in ${input} (.csv or .parquet files with input headers)`,
        EXIT_BAD_INPUT
      );
    }
    const reports = chooseReports(
      options,
      national.kinds.map((kind) => ({ kind })),
      input
    );
    return { data: national.data, reports, inputLines, problemTotal: national.problemTotal, national };
  } catch (error) {
    await national.close();
    throw error;
  }
}

/**
 * Reads and checks the input. The grids die with this call, so that only the checked records stay
 * in memory while the reports are built and written.
 */
async function loadInput(
  input: string,
  options: CliOptions,
  progress: Progress,
  io: CliIo
): Promise<LoadedInput> {
  let contents;
  try {
    contents = await readXlsxWorkbook(input, {
      progressEvery: PROGRESS_THRESHOLD,
      onProgress: ({ sheet, rowsRead }) => progress.line(`Reading ${sheet}: ${count(rowsRead)} rows`, true),
      isHeaderRow: isInputHeaderRow,
    });
  } catch (error) {
    if (error instanceof WorkbookReadError)
      throw new CliFailure(`cannot read ${input}: ${error.message}`, EXIT_BAD_INPUT);
    if ((error as NodeJS.ErrnoException).code !== undefined) {
      throw new CliFailure(`cannot read ${input}: ${fileErrorText(error)}`, EXIT_BAD_INPUT);
    }
    throw error;
  }
  const inputs = detectInputs(contents.grids);
  const uses = accountInputs(contents, inputs);
  if (inputs.length === 0) {
    for (const use of uses) io.err(`Not used: ${use.where}: ${use.reason ?? "not an input"}`);
    throw new CliFailure(
      `no input tables found in ${input}: each needs a header row with User ID, Subscriber ID or Device ID and Commissioned`,
      EXIT_BAD_INPUT
    );
  }
  const totalRows = inputs.reduce((sum, detected) => sum + detected.rowCount, 0);
  progress.enabled = totalRows > PROGRESS_THRESHOLD;
  const reports = chooseReports(options, inputs, input);
  progress.line(`Checking ${count(totalRows)} rows`);
  const data = checkInputs(inputs);
  const fromReader = readerProblems(contents, inputs);
  if (fromReader.length > 0) data.problems = mergeProblems(contents, fromReader, data.problems);
  return { data, reports, inputLines: inputLines(uses, options.verbose), problemTotal: data.problems.length };
}

/** What was read: every input used, and (with --verbose) every table or sheet not used and why. */
function inputLines(uses: readonly InputUse[], verbose: boolean): string[] {
  const lines: string[] = [];
  for (const use of uses) {
    if (use.input !== undefined) {
      lines.push(`${INPUT_LABELS[use.input]} input: ${use.where}, ${count(use.rowCount)} rows`);
    } else if (verbose) {
      lines.push(`Not used: ${use.where}: ${use.reason ?? "not an input"}`);
    }
  }
  const unused = uses.filter((use) => use.input === undefined).length;
  if (unused > 0 && !verbose) {
    lines.push(
      `Not used: ${count(unused)} other ${unused === 1 ? "sheet or table" : "sheets or tables"} (--verbose lists them)`
    );
  }
  return lines;
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  const base = io.cwd ?? process.cwd();
  const input = path.resolve(base, options.input ?? SAMPLE_INPUT);
  // LibreOffice first: without it --pdf cannot be honoured, so nothing is read or written.
  const soffice = options.pdf !== undefined ? await requireLibreOffice() : undefined;
  const inputStat = await statOrNull(input);
  if (!inputStat) throw new CliFailure(`input file not found: ${input}`, EXIT_USAGE);
  const national = isNationalInput(input, inputStat);
  if (!inputStat.isFile() && !national) throw new CliFailure(`input is not a file: ${input}`, EXIT_USAGE);
  if (inputStat.isFile() && inputStat.size === 0) {
    throw new CliFailure(`cannot read ${input}: the file is empty`, EXIT_BAD_INPUT);
  }

  const progress = new Progress(io);
  const loaded = national
    ? await loadNational(input, inputStat, options, progress)
    : await loadInput(input, options, progress, io);
  try {
    return await writeReports(loaded, { input, inputStat, base, soffice }, options, io, progress);
  } finally {
    await loaded.national?.close();
  }
}

async function writeReports(
  { data, reports, inputLines, problemTotal, national }: LoadedInput,
  where: { input: string; inputStat: import("fs").Stats; base: string; soffice: string | undefined },
  options: CliOptions,
  io: CliIo,
  progress: Progress
): Promise<number> {
  const { input, inputStat, base, soffice } = where;
  if (problemTotal > 0) {
    if (options.verbose) for (const line of inputLines) io.out(line);
    for (const problem of data.problems) io.err(problem.message);
    const n = problemTotal;
    const listed = data.problems.length < n ? ` (the first ${count(data.problems.length)} listed)` : "";
    io.err(`${count(n)} ${n === 1 ? "problem" : "problems"}${listed} in ${input}; nothing written.`);
    return EXIT_BAD_INPUT;
  }

  const period = options.period ?? latestMonth(data);
  if (period === null) throw new CliFailure(`no data rows in ${input}`, EXIT_BAD_INPUT);
  if (!data.months.includes(period)) {
    const months =
      data.months.length > 0 ? `${data.months[0]} to ${data.months[data.months.length - 1]}` : "none";
    throw new CliFailure(`period ${period} is not in the data (months in ${input}: ${months})`, EXIT_USAGE);
  }

  let out =
    options.out !== undefined ? path.resolve(base, options.out) : await freeDefaultOutputPath(input, period);
  const outStat = await statOrNull(out);
  if (out === input || (outStat && outStat.dev === inputStat.dev && outStat.ino === inputStat.ino)) {
    throw new CliFailure(`refusing to overwrite the input ${input}: choose another --out`, EXIT_USAGE);
  }
  if (outStat?.isDirectory()) throw new CliFailure(`--out is a folder, not a file: ${out}`, EXIT_USAGE);
  if (outStat && !options.replace) {
    throw new CliFailure(`output file already exists: ${out} (use --replace to replace it)`, EXIT_USAGE);
  }
  if (!(await statOrNull(path.dirname(out)))?.isDirectory()) {
    throw new CliFailure(`output folder not found: ${path.dirname(out)}`, EXIT_USAGE);
  }
  const pdfTarget = options.pdf !== undefined ? path.resolve(base, options.pdf) : undefined;
  if (pdfTarget !== undefined) await checkPdfTarget(pdfTarget, { input, out, replace: options.replace });

  const listFile = national && reports.includes("pci") ? listFilePath(out, period) : undefined;
  if (listFile !== undefined && !options.replace && (await statOrNull(listFile))) {
    throw new CliFailure(`output file already exists: ${listFile} (use --replace to replace it)`, EXIT_USAGE);
  }

  progress.line(`Building reports for ${period}`);
  // At national scale the Device records stay inside DuckDB, so there are none here to hash: the
  // stamp says so rather than showing the fingerprint of an empty list.
  const hashed = national ? reports.filter((report) => report !== "pci") : reports;
  const audit = await auditInfo(data, { period, reports: hashed }, nodeSha256Lines);
  if (national && reports.includes("pci")) {
    audit.notFingerprinted = { pci: "not computed for CSV or Parquet device input" };
  }
  const reportOptions = { period, reports, redactCsr: options.redactCsr, audit };
  const pci = national && listFile ? await national.pciModel(reportOptions, listFile) : undefined;
  const { layouts, summary } = buildReports(data, reportOptions, { pci });
  progress.line(
    `Writing ${layouts.length} sheets to ${out}${pdfTarget ? ` and the PDF to ${pdfTarget}` : ""}`
  );
  const pdf =
    pdfTarget !== undefined && soffice !== undefined
      ? {
          target: pdfTarget,
          soffice,
          timeoutSeconds: options.pdfTimeoutSeconds ?? DEFAULT_PDF_TIMEOUT_SECONDS,
        }
      : undefined;
  // The name is claimed only when the file is complete: another run may have taken it meanwhile.
  for (;;) {
    try {
      await writeReportFiles(layouts, out, pdf, { replace: options.replace });
      break;
    } catch (error) {
      if (error instanceof PdfError)
        throw new CliFailure(`${error.message}; nothing was written.`, EXIT_USAGE);
      if (error instanceof OutputExistsError && options.out === undefined) {
        out = await freeDefaultOutputPath(input, period, defaultNameNumber(out) + 1);
        continue;
      }
      if (error instanceof OutputExistsError) {
        throw new CliFailure(`output file already exists: ${out} (use --replace to replace it)`, EXIT_USAGE);
      }
      if ((error as NodeJS.ErrnoException).code !== undefined) {
        throw new CliFailure(`cannot write ${out}: ${fileErrorText(error)}`, EXIT_USAGE);
      }
      throw error;
    }
  }
  const besides = national ? await national.commit() : [];
  progress.line("Done");
  io.out(out);
  if (pdfTarget !== undefined) io.out(pdfTarget);
  for (const file of besides) io.out(file);
  for (const line of summaryLines(summary, reports)) io.out(line);
  for (const line of inputLines) io.out(line);
  return EXIT_OK;
}

/** Runs the CLI on argv (without node and the script); returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    return await run(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure) {
      io.err(`error: ${error.message}`);
      return error.status;
    }
    if (error instanceof PdfError) {
      io.err(`error: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
