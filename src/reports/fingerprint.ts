/**
 * The input fingerprint of a report: the SHA-256 of a canonical text form of the checked input
 * records that the report used, so that a figure on the paper can be tied to the data behind it.
 * It does not depend on the file, its format, its column order or its row order; any changed value
 * that the report reads changes it.
 *
 * The canonical form (docs in README "The audit stamp"), UTF-8, every line ended by one LF:
 *   1. `dcc-sec-fingerprint-v1<TAB><report><TAB><period>`, e.g. `dcc-sec-fingerprint-v1	sr	2018-01`
 *   2. the field names, TAB-separated (FINGERPRINT_FIELDS below)
 *   3. one line per record, fields TAB-separated, the lines sorted by Unicode code point (the order of
 *      `LC_ALL=C sort` on the UTF-8 bytes). A field is written as: IDs normalised (upper case EUI-64
 *      with hyphens), months as YYYY-MM, dates as Excel serial numbers, numbers in JavaScript's
 *      shortest decimal form, yes/no as `yes`/`no`, a blank as the empty string; in text, `\`, TAB,
 *      LF and CR are written `\\`, `\t`, `\n`, `\r`.
 * Records used: SR and CSR, the report month's rows; Post Commissioning, the Device rows of the
 * report month and the six months before it (the trend and its first month's comparison).
 *   4. SR only, when the month has them: a section line `#services` then the fields of
 *      SERVICE_FIELDS, TAB-separated, and one sorted line per User and Service; then a section line
 *      `#metrics` and METRIC_FIELDS, and one sorted line per Service Metrics record. A section line
 *      cannot be mistaken for a record: records start with the month.
 *
 * Hashing is injected (Web Crypto in the pane, Node's crypto in the runner): one definition here.
 */
import { addMonths, type MonthKey } from "../sec";
import type { CheckedData, CsrRecord, DeviceRecord, MetricRecord, SrRecord } from "./check";
import type { ReportChoice } from "./registry";

/** SHA-256 of the lines, each followed by "\n", as UTF-8; lower-case hex. */
export type Sha256Lines = (lines: readonly string[]) => Promise<string>;

export const FINGERPRINT_VERSION = "dcc-sec-fingerprint-v1";
/** Hex digits of the fingerprint shown on a sheet. */
export const SHOWN_FINGERPRINT_DIGITS = 16;
/** Months of Device snapshots a Post Commissioning report reads: the period and the six before it. */
const PCI_MONTHS_USED = 7;

export const FINGERPRINT_FIELDS: Record<ReportChoice, readonly string[]> = {
  sr: ["period", "user_id", "user_name", "user_role", "forecast", "actual"],
  csr: ["period", "subscriber_id", "subscriber_name", "forecast", "actual"],
  pci: [
    "period",
    "device_id",
    "device_type",
    "supplier_id",
    "commissioned",
    "interrogated",
    "recovery_trust_anchor",
    "issue_security_credentials",
    "update_security_credentials_device",
    "update_security_credentials_krp",
  ],
};

/** SR sections beyond the Users' totals: the by-Service detail (H3.24(a)) and the metrics (H3.24(b)). */
export const SERVICE_FIELDS = ["period", "user_id", "service", "forecast", "actual"] as const;
export const METRIC_FIELDS = [
  "period",
  "user_id",
  "user_name",
  "metric",
  "value",
  "threshold",
  "breach_when",
] as const;

function text(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (ch) =>
        ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r"
      )
    : value;
}

function field(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  return text(value);
}

function srLine(record: SrRecord): string {
  return [record.period, record.userId, record.userName, record.userRole, record.forecast, record.actual]
    .map(field)
    .join("\t");
}

function csrLine(record: CsrRecord): string {
  return [record.period, record.subscriberId, record.subscriberName, record.forecast, record.actual]
    .map(field)
    .join("\t");
}

function deviceLine(record: DeviceRecord): string {
  return [
    record.period,
    record.deviceId,
    record.deviceType,
    record.supplierId,
    record.commissioned,
    record.interrogated,
    record.recoveryAnchor,
    record.issueSecurityCredentials,
    record.updateSecurityCredentialsDevice,
    record.updateSecurityCredentialsKrp,
  ]
    .map(field)
    .join("\t");
}

function serviceLines(record: SrRecord): string[] {
  return record.services.map((counts) =>
    [record.period, record.userId, counts.service, counts.forecast, counts.actual].map(field).join("\t")
  );
}

function metricLine(record: MetricRecord): string {
  return [
    record.period,
    record.userId,
    record.userName,
    record.metric,
    record.value,
    record.threshold,
    record.breachWhen,
  ]
    .map(field)
    .join("\t");
}

/** A section of the SR canonical form: its name and fields, then its records sorted; none when empty. */
function section(name: string, fields: readonly string[], records: string[]): string[] {
  if (records.length === 0) return [];
  return [[`#${name}`, ...fields].join("\t"), ...records.sort(compareCodePoints)];
}

/** Orders strings by Unicode code point (UTF-16 order differs only for characters above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    let x = a.charCodeAt(index);
    let y = b.charCodeAt(index);
    if (x === y) continue;
    // Surrogates (U+D800-DFFF) stand for code points above U+FFFF: move them above U+E000-FFFF.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/** The canonical form of the records `report` uses for `period`, as lines (see the top of this file). */
export function canonicalLines(data: CheckedData, report: ReportChoice, period: MonthKey): string[] {
  const records: string[] = [];
  const sections: string[] = [];
  if (report === "sr") {
    const services: string[] = [];
    for (const record of data.sr) {
      if (record.period !== period) continue;
      records.push(srLine(record));
      services.push(...serviceLines(record));
    }
    const metrics = data.metrics.filter((record) => record.period === period).map(metricLine);
    sections.push(
      ...section("services", SERVICE_FIELDS, services),
      ...section("metrics", METRIC_FIELDS, metrics)
    );
  } else if (report === "csr") {
    for (const record of data.csr) if (record.period === period) records.push(csrLine(record));
  } else {
    const months = new Set<MonthKey>();
    for (let back = 0; back < PCI_MONTHS_USED; back++) months.add(addMonths(period, -back));
    for (const record of data.devices) if (months.has(record.period)) records.push(deviceLine(record));
  }
  records.sort(compareCodePoints);
  return [
    [FINGERPRINT_VERSION, report, period].join("\t"),
    FINGERPRINT_FIELDS[report].join("\t"),
    ...records,
    ...sections,
  ];
}

/** The full SHA-256 (64 hex digits) of each chosen report's canonical form. */
export async function reportFingerprints(
  data: CheckedData,
  period: MonthKey,
  reports: readonly ReportChoice[],
  sha256: Sha256Lines
): Promise<Partial<Record<ReportChoice, string>>> {
  const fingerprints: Partial<Record<ReportChoice, string>> = {};
  for (const report of reports) fingerprints[report] = await sha256(canonicalLines(data, report, period));
  return fingerprints;
}

/** The part of a fingerprint shown on a sheet. */
export function shownFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, SHOWN_FINGERPRINT_DIGITS);
}
