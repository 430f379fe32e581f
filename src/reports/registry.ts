/**
 * Every report declared once: its label, SEC section, input, sheet and table names, order and
 * classification. The pane's choices, the runner's --only, the reader's list of sheets to skip, the
 * cover paper and the summaries all read this list; nothing else names the reports.
 */
import { type MonthKey, formatMonthShort } from "../sec";
import type { InputKind } from "./inputs";
import type { Classification } from "./layout";
import type { ReportOptions } from "./options";

/** A report a user can choose (the cover paper always comes with them). */
export type ReportChoice = "sr" | "csr" | "pci";

export interface ReportDefinition {
  id: ReportChoice;
  /** What the pane's checkbox and the runner's help call it. */
  label: string;
  /** The headline's name in summaries, e.g. "Service Requests". */
  summaryLabel: string;
  /** The sheet's title and the cover's name for it. */
  title: string;
  section: string;
  /** The sheet is named this, then the month: "SR Variance Jan-2018". */
  sheetPrefix: string;
  /** The input table the report is built from. */
  input: InputKind;
  /** Inputs that add tables to the report when present. */
  optionalInputs: readonly InputKind[];
  /** The Excel tables on its sheet by role, as name prefixes (each followed by _YYYY_MM). */
  tables: Readonly<Record<string, string>>;
  classification: Classification;
  /** The cover's Annex A text for this kind of report. */
  annex: readonly string[];
}

export const SR_REPORT = {
  id: "sr",
  label: "Service Request variance (SR, H3.24)",
  summaryLabel: "Service Requests",
  title: "Service Request Variance and Metrics Panel Report",
  section: "SEC Section H3.24",
  sheetPrefix: "SR Variance",
  input: "sr",
  optionalInputs: ["metrics"],
  tables: {
    all: "SR",
    exceptions: "SR_Exceptions",
    services: "SR_Services",
    metrics: "SR_Metrics",
    metricBreaches: "SR_Metric_Breaches",
    metricSummary: "SR_Metric_Summary",
  },
  classification: "AMBER: SEC Panel only",
  annex: [
    "Under SEC Section H3.24 the DCC reports, for each User and month, the Service Requests sent",
    "against that User's most recent forecast for the month.",
    "Exceptions are Users who sent 90% or less, or 110% or more, of their forecast.",
    "The Service Requests are also given by Service, and each User's Monthly Service Metrics are",
    "compared with their Monthly Service Thresholds, with the breaches listed.",
    "Due by the 10th Working Day after the end of each month.",
  ],
} as const satisfies ReportDefinition;

export const CSR_REPORT = {
  id: "csr",
  label: "CSR forecast variance (CSR, L8.9)",
  summaryLabel: "CSRs",
  title: "CSR Forecast Variance Panel Report",
  section: "SEC Section L8.9",
  sheetPrefix: "CSR Variance",
  input: "csr",
  optionalInputs: [],
  tables: { all: "CSR", exceptions: "CSR_Exceptions" },
  classification: "AMBER: SEC Panel only",
  annex: [
    "Under SEC Section L8.9 the DCC reports the Certificate Signing Requests for Device Certificates",
    "sent by each Authorised Subscriber against its forecast for the month.",
    "Exceptions are Subscribers who sent 110% or more of their forecast, or sent CSRs without a forecast.",
    "Names may be redacted under Section L8.10. Due by the 10th Working Day after the end of each month.",
  ],
} as const satisfies ReportDefinition;

export const PCI_REPORT = {
  id: "pci",
  label: "Post commissioning (PCI, Appendix AC 5.8)",
  summaryLabel: "Post commissioning",
  title: "Post Commissioning Information Report",
  section: "SEC Appendix AC, section 5.8",
  sheetPrefix: "Post Commissioning",
  input: "devices",
  optionalInputs: [],
  tables: { listed: "PCI", trend: "PCI_Trend", types: "PCI_Types", suppliers: "PCI_Suppliers" },
  classification: "AMBER: SEC Panel only",
  annex: [
    "Under SEC Appendix AC section 5.8 the DCC reports the Devices listed in the Post Commissioning",
    "Information at the end of the month: those commissioned for more than seven days that",
    "(a) have not had a successful DCC Interrogation, (b) lack Recovery Certificate credentials in the",
    "Recovery Trust Anchor Cell, or have had fewer than two (c) Issue Security Credentials,",
    "(d) Update Security Credentials (Device) or (e) Update Security Credentials (KRP) Service Requests.",
    "It gives the Devices added and removed against the previous month and counts for the last six months.",
  ],
} as const satisfies ReportDefinition;

/** The reports in sheet order. */
export const REPORTS: readonly ReportDefinition[] = [SR_REPORT, CSR_REPORT, PCI_REPORT];

/** The cover paper: always written, after the reports. */
export const COVER = {
  title: "DCC Reporting",
  section: "SEC Panel paper",
  sheetPrefix: "DCC Reporting",
  classification: "WHITE",
} as const satisfies { title: string; section: string; sheetPrefix: string; classification: Classification };

/** The Panel paper's appendices in the seed paper's order (SPEC: Appendix A is the CSR report). */
export const APPENDIX_ORDER: readonly ReportChoice[] = ["csr", "sr", "pci"];

/** Report ids in sheet order. */
export const REPORT_ORDER: readonly ReportChoice[] = REPORTS.map((report) => report.id);

/** The declaration of one report. */
export function reportDefinition(id: ReportChoice): ReportDefinition {
  const found = REPORTS.find((report) => report.id === id);
  if (found === undefined) throw new Error(`Unknown report "${id}"`);
  return found;
}

/** The sheet name of a report (or the cover) for a month, e.g. "SR Variance Jan-2018". */
export function reportSheetName(id: ReportChoice | "cover", period: MonthKey): string {
  const prefix = id === "cover" ? COVER.sheetPrefix : reportDefinition(id).sheetPrefix;
  return `${prefix} ${formatMonthShort(period)}`;
}

/** The chosen reports in sheet order, then the cover. */
export function reportSheetNames(options: ReportOptions): string[] {
  return [
    ...REPORTS.filter((report) => options.reports.includes(report.id)).map((report) =>
      reportSheetName(report.id, options.period)
    ),
    reportSheetName("cover", options.period),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Report sheet names of any month, also as Excel renames them when kept beside an older copy ("… (2)"). */
export const REPORT_SHEET_PATTERN = new RegExp(
  `^(${[...REPORTS.map((report) => report.sheetPrefix), COVER.sheetPrefix].map(escapeRegExp).join("|")})` +
    " [A-Z][a-z]{2}-\\d{4}( \\(\\d+\\))?$"
);

/** Table names for a month, e.g. tableName("SR", "2018-01") = "SR_2018_01". */
export function tableName(prefix: string, period: MonthKey): string {
  return `${prefix}_${period.replace("-", "_")}`;
}
