/** Command-line options of the headless runner. */
import { REPORT_ORDER, type ReportChoice } from "../reports";
import { quoteText } from "../sec/coerce";

export interface CliOptions {
  help: boolean;
  /** Input workbook; undefined = the bundled sample. */
  input?: string;
  /** "YYYY-MM"; undefined = the latest month in the data. */
  period?: string;
  /** Output file; undefined = beside the input, named for the period. */
  out?: string;
  redactCsr: boolean;
  /** Reports chosen with --only; undefined = every report whose input is present. */
  only?: ReportChoice[];
  /** Replace an existing output file. */
  replace: boolean;
  /** List every table and sheet read, used or not, and why. */
  verbose: boolean;
  /** Also write the month's Panel paper as one PDF here (needs LibreOffice). */
  pdf?: string;
  /** Seconds LibreOffice may take for the PDF. */
  pdfTimeoutSeconds?: number;
}

/** A mistake on the command line; the message is one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `Usage: npm run report -- [input.xlsx | input.csv | input.parquet | folder] [options]

Builds the DCC monthly reports for the SEC Panel from a workbook of Service Request, CSR and
Devices tables, and writes them to a new workbook. With no input, runs on examples/sample-input.xlsx.
A .csv or .parquet file, or a folder of them (one input table each), is read through DuckDB for
national-scale Devices data; the whole list of listed Devices is then also written beside the workbook as CSV.

Options:
  --period YYYY-MM   month to report (default: the latest month in the data)
  --out FILE         output workbook (default: DCC-reports-YYYY-MM.xlsx beside the input)
  --only LIST        reports to build, comma-separated from ${REPORT_ORDER.join(",")} (default: every report with input)
  --redact-csr       replace Subscriber names and IDs with "Subscriber 1", "Subscriber 2", ... (SEC L8.10)
  --replace          replace the output file if it exists (the input is never overwritten)
  --verbose          list every table and sheet of the input, used or not, and why
  --pdf FILE         also write the month's Panel paper as one PDF: cover, Appendix A (CSR), Appendix B (SR),
                     Post Commissioning (needs LibreOffice's soffice on PATH; without it nothing is written)
  --pdf-timeout SEC  seconds LibreOffice may take for the PDF (default 600)
  --help             show this help

Relative paths are taken from the folder you run the command in.

Exit status:
  0  the reports were written
  2  the input or the options are wrong (unreadable file, not a workbook, bad cells, bad --out):
     each problem is printed and nothing is written
  1  a fault in this program itself (please report it); nothing is written
  129, 130, 143  interrupted (SIGHUP, Ctrl-C, SIGTERM); nothing is written`;

const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function parseOnly(text: string): ReportChoice[] {
  const chosen: ReportChoice[] = [];
  for (const part of text.split(",")) {
    const name = part.trim().toLowerCase();
    const choice = REPORT_ORDER.find((candidate) => candidate === name);
    if (choice === undefined) {
      throw new UsageError(
        `--only: unknown report ${quoteText(part.trim())} (choose from ${REPORT_ORDER.join(", ")})`
      );
    }
    if (!chosen.includes(choice)) chosen.push(choice);
  }
  return chosen;
}

/** Parses argv (without node and the script). Accepts `--name value` and `--name=value`. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { help: false, redactCsr: false, replace: false, verbose: false };
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (!arg.startsWith("--") || arg === "--") {
      if (arg !== "--") positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    const inline = equals >= 0 ? arg.slice(equals + 1) : undefined;
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${name} needs a value`);
      index++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case "--help":
        noValue();
        options.help = true;
        break;
      case "--period": {
        const period = takeValue();
        if (!PERIOD_PATTERN.test(period))
          throw new UsageError(`--period: ${quoteText(period)} is not a month as YYYY-MM`);
        options.period = period;
        break;
      }
      case "--out":
        options.out = takeValue();
        if (options.out === "") throw new UsageError("--out needs a file name");
        // The runner writes .xlsx only: another extension would give a file that opens as garbage.
        if (!/\.xlsx$/i.test(options.out))
          throw new UsageError(`--out: ${quoteText(options.out)} must end in .xlsx`);
        break;
      case "--only":
        options.only = parseOnly(takeValue());
        break;
      case "--redact-csr":
        noValue();
        options.redactCsr = true;
        break;
      case "--replace":
        noValue();
        options.replace = true;
        break;
      case "--verbose":
        noValue();
        options.verbose = true;
        break;
      case "--pdf":
        options.pdf = takeValue();
        if (options.pdf === "") throw new UsageError("--pdf needs a file name");
        break;
      case "--pdf-timeout": {
        const text = takeValue();
        const seconds = Number(text);
        if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0))
          throw new UsageError(`--pdf-timeout: "${text}" is not a number of seconds above 0`);
        options.pdfTimeoutSeconds = seconds;
        break;
      }
      default:
        throw new UsageError(`unknown option ${quoteText(name)} (see --help)`);
    }
  }
  if (positional.length > 1)
    throw new UsageError(`expected one input file, got ${positional.length}: ${positional.join(" ")}`);
  options.input = positional[0];
  if (options.pdfTimeoutSeconds !== undefined && options.pdf === undefined)
    throw new UsageError("--pdf-timeout needs --pdf");
  return options;
}
