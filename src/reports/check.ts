/**
 * Checking the inputs: every data row becomes a typed record or one or more problems, each naming
 * its sheet and cell. Rows with a problem are left out of the records.
 *
 * This runs over up to a million device rows, so the row loops read cells through src/sec's coercers
 * (number fast paths), cache repeated period / type / supplier cells, and allocate only the record.
 */
import { type MonthKey, formatMonthLong, lastDayOfMonthSerial, parseMonthKey, ymdFromSerial } from "../sec";
// The per-cell readers come from their modules rather than the "../sec" barrel: in CommonJS output every
// call through a re-export goes through a getter, which shows up over a million rows.
import {
  type CellProblem,
  describeCellValue,
  isBlankCell,
  isCellProblem,
  readWholeCount,
  readDate,
  readInterrogated,
  readMonth,
  readNumber,
  readText,
  readYesNo,
} from "../sec/coerce";
import { normaliseEui64 } from "../sec/eui64";
import { type BreachWhen, parseBreachWhen } from "../sec/threshold";
import { cellAddress, sheetReference } from "./address";
import { withGridIssues, withoutIssueRows } from "./cell-issues";
import {
  type DetectedInput,
  type InputField,
  type InputKind,
  type SourceGrid,
  INPUT_FIELDS,
  fieldLabel,
} from "./inputs";

export interface Problem {
  kind: InputKind;
  sheet: string;
  /** 0-based sheet row of the bad cell (the header row is grid.row). */
  row: number;
  /** 0-based sheet column of the bad cell. */
  col: number;
  /** A1 address without the sheet, e.g. "C12". */
  address: string;
  /** Names the sheet, the cell and the problem, e.g. `Devices!C12: "90-B3-XX" is not a valid Device ID …`. */
  message: string;
}

/** One User's Service Requests for a month (summed over Service rows when there is a Service column). */
export interface SrRecord {
  period: MonthKey;
  userId: string;
  userName: string;
  userRole: string;
  forecast: number | null;
  actual: number;
  /** 0-based sheet row of the (first) source row. */
  sourceRow: number;
  /** The month per Service, in the order first seen; empty without a Service column. */
  services: ServiceCounts[];
}

/** One User's Service Requests of one Service (Service Request Variant) in a month. */
export interface ServiceCounts {
  /** The Service as written (trimmed); "" when the cell is blank. */
  service: string;
  forecast: number | null;
  actual: number;
}

/** One Monthly Service Metric of one User in a month (SEC H3.24(b)). */
export interface MetricRecord {
  period: MonthKey;
  userId: string;
  userName: string;
  metric: string;
  /** null: no value (shown and counted, never a breach). */
  value: number | null;
  threshold: number;
  breachWhen: BreachWhen;
  /** 0-based sheet row of the source row. */
  sourceRow: number;
}

export interface CsrRecord {
  period: MonthKey;
  subscriberId: string;
  subscriberName: string;
  forecast: number | null;
  actual: number;
  /** 0-based sheet row of the source row. */
  sourceRow: number;
}

export interface DeviceRecord {
  /** The month of the snapshot; the measurement date is its last day. */
  period: MonthKey;
  deviceId: string;
  /** Upper case (ESME …) or "" when not given. */
  deviceType: string;
  /** Normalised EUI-64 when it is one, else the trimmed text; "" when not given. */
  supplierId: string;
  /** Serial, or null when not commissioned. */
  commissioned: number | null;
  /** Yes/no, or the serial of the first successful interrogation. */
  interrogated: boolean | number;
  recoveryAnchor: boolean;
  issueSecurityCredentials: number;
  updateSecurityCredentialsDevice: number;
  updateSecurityCredentialsKrp: number;
  /** 0-based sheet row of the source row. */
  sourceRow: number;
}

export interface CheckedData {
  /** Only rows with no problem. */
  sr: SrRecord[];
  csr: CsrRecord[];
  devices: DeviceRecord[];
  metrics: MetricRecord[];
  /** Whether a Service Requests input has a Service column (the SR report then breaks down by Service). */
  withServices: boolean;
  /** Whether there is a Service Metrics input (the SR report then has its metrics tables). */
  withMetrics: boolean;
  /** Every problem, in sheet / row / column order. */
  problems: Problem[];
  /** Rows left out because of a problem. */
  badRowCount: number;
  /** Every month in the records, sorted. */
  months: MonthKey[];
}

export const USER_ROLES = ["IS", "ES", "GS", "ED", "GT", "RSA", "OU"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_NAMES: Record<UserRole, string> = {
  IS: "Import Supplier",
  ES: "Export Supplier",
  GS: "Gas Supplier",
  ED: "Electricity Distributor",
  GT: "Gas Transporter",
  RSA: "Registered Supplier Agent",
  OU: "Other User",
};
export const DEVICE_TYPES = ["ESME", "GSME", "CHF", "GPF", "HCALCS", "PPMID", "IHD", "CAD"] as const;

/** Role codes and full names (normalised like headers) -> code. */
const ROLE_LOOKUP = new Map<string, string>();
for (const role of USER_ROLES) {
  ROLE_LOOKUP.set(role.toLowerCase(), role);
  ROLE_LOOKUP.set(USER_ROLE_NAMES[role].toLowerCase().replace(/[^a-z]/g, ""), role);
}
const DEVICE_TYPE_SET = new Set<string>(DEVICE_TYPES);

/** Earliest and latest plausible reporting years: catches numbers such as 201801 typed as a period. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** Problems for one run; rows and columns are sheet coordinates. */
class ProblemLog {
  readonly problems: Problem[] = [];
  private readonly sheetOrder = new Map<string, number>();

  add(kind: InputKind, source: SourceGrid, valuesRow: number, valuesCol: number, detail: string): void {
    if (!this.sheetOrder.has(source.sheet)) this.sheetOrder.set(source.sheet, this.sheetOrder.size);
    const row = source.row + valuesRow;
    const col = source.col + valuesCol;
    const address = cellAddress(row, col);
    this.problems.push({
      kind,
      sheet: source.sheet,
      row,
      col,
      address,
      message: `${sheetReference(source.sheet)}!${address}: ${detail}`,
    });
  }

  sorted(): Problem[] {
    const order = this.sheetOrder;
    return this.problems.sort(
      (a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col
    );
  }
}

function ddmmyyyy(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${day < 10 ? "0" : ""}${day}/${month < 10 ? "0" : ""}${month}/${year}`;
}

/** Reads Period cells, remembering the last one: a column of a million equal periods costs one parse. */
class PeriodReader {
  private lastRaw: unknown = undefined;
  private lastResult: MonthKey | CellProblem | null = null;
  private lastDayCache = new Map<MonthKey, number>();

  read(raw: unknown): MonthKey | CellProblem | null {
    if (raw === this.lastRaw && raw !== undefined) return this.lastResult;
    const result = this.parse(raw);
    this.lastRaw = raw;
    this.lastResult = result;
    return result;
  }

  lastDay(period: MonthKey): number {
    let day = this.lastDayCache.get(period);
    if (day === undefined) {
      day = lastDayOfMonthSerial(period);
      this.lastDayCache.set(period, day);
    }
    return day;
  }

  private parse(raw: unknown): MonthKey | CellProblem | null {
    const month = readMonth(raw);
    if (month === null || isCellProblem(month)) return month;
    const { year } = parseMonthKey(month);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      return {
        kind: "type",
        message: `${describeCellValue(raw)} is not a reporting month (${formatMonthLong(month)})`,
      };
    }
    return month;
  }
}

/** Caches a text cell -> cleaned value for columns with few distinct values (types, suppliers, roles). */
class TextReader {
  private readonly cache = new Map<unknown, string | null>();
  constructor(private readonly clean: (text: string) => string | null) {}

  /** "" for blank, null for a value `clean` rejects. */
  read(raw: unknown): string | null {
    if (isBlankCell(raw)) return "";
    const cached = this.cache.get(raw);
    if (cached !== undefined) return cached;
    const text = readText(raw) ?? "";
    const cleaned = this.clean(text);
    if (this.cache.size < 10000) this.cache.set(raw, cleaned);
    return cleaned;
  }
}

const cleanRole = (text: string): string | null =>
  ROLE_LOOKUP.get(text.toLowerCase().replace(/[^a-z]/g, "")) ?? null;
const cleanDeviceType = (text: string): string | null => {
  const upper = text.toUpperCase();
  return DEVICE_TYPE_SET.has(upper) ? upper : null;
};
const cleanSupplier = (text: string): string => normaliseEui64(text) ?? text;

/** Shared state for one checkInputs run. */
interface Run {
  log: ProblemLog;
  periods: PeriodReader;
  months: Set<MonthKey>;
  badRows: number;
}

/** Column indexes of a detected input; -1 where there is no column. */
function columnOf(input: DetectedInput, field: InputField): number {
  return input.columns[field] ?? -1;
}

function cell(row: unknown[], col: number): unknown {
  return col < 0 ? null : row[col];
}

/** True when every mapped cell of the row is blank (trailing empty rows of a range). */
function isBlankRow(row: unknown[], mapped: readonly number[]): boolean {
  for (const col of mapped) if (!isBlankCell(row[col])) return false;
  return true;
}

function mappedColumns(input: DetectedInput): number[] {
  return Object.values(input.columns).filter((col): col is number => col !== undefined);
}

/** A grid missing required columns: one problem per missing column, all its rows left out. */
function reportMissingColumns(input: DetectedInput, run: Run): void {
  const { source } = input;
  const width = source.values[0]?.length ?? 0;
  for (const field of input.missing) {
    const label = fieldLabel(input.kind, field);
    run.log.add(input.kind, source, 0, width, `no "${label}" column: add a column headed "${label}"`);
  }
  const mapped = mappedColumns(input);
  for (let index = 1; index < source.values.length; index++) {
    if (!isBlankRow(source.values[index] ?? [], mapped)) run.badRows++;
  }
}

/** Reads the Period cell; logs and returns null on a problem. */
function periodCell(
  input: DetectedInput,
  run: Run,
  row: unknown[],
  index: number,
  col: number
): MonthKey | null {
  const raw = row[col];
  const period = run.periods.read(raw);
  if (period === null) {
    run.log.add(input.kind, input.source, index, col, "Period is missing");
    return null;
  }
  if (isCellProblem(period)) {
    run.log.add(input.kind, input.source, index, col, `Period: ${period.message}`);
    return null;
  }
  return period;
}

/** Reads an EUI-64 ID cell; logs and returns null on a problem. */
function idCell(
  input: DetectedInput,
  run: Run,
  row: unknown[],
  index: number,
  col: number,
  label: string
): string | null {
  const raw = row[col];
  const id = normaliseEui64(raw);
  if (id !== null) return id;
  const detail = isBlankCell(raw)
    ? `${label} is missing`
    : `${describeCellValue(raw)} is not a valid ${label} (EUI-64, 16 hex digits)`;
  run.log.add(input.kind, input.source, index, col, detail);
  return null;
}

/** Reads a number cell with `read`; logs and returns undefined on a problem. */
function numberCell(
  input: DetectedInput,
  run: Run,
  cells: { row: unknown[]; index: number; col: number },
  field: InputField,
  read: (raw: unknown) => number | null | CellProblem
): number | null | undefined {
  const value = read(cells.row[cells.col]);
  if (value === null || typeof value === "number") return value;
  run.log.add(
    input.kind,
    input.source,
    cells.index,
    cells.col,
    `${fieldLabel(input.kind, field)}: ${value.message}`
  );
  return undefined;
}

/** Reads a count cell (blank -> null); logs and returns -1 on a problem. */
function countCell(
  input: DetectedInput,
  run: Run,
  row: unknown[],
  index: number,
  col: number,
  field: InputField
): number | null {
  const value = numberCell(input, run, { row, index, col }, field, readWholeCount);
  return value === undefined ? -1 : value;
}

/** One party's row of a variance input (Service Requests or CSRs), read and checked. */
interface PartyRow {
  period: MonthKey;
  id: string;
  name: string;
  role: string;
  /** The Service cell's text; null without a Service column. */
  service: string | null;
  forecast: number | null;
  actual: number;
  sourceRow: number;
}

/** What differs between the two variance inputs. */
interface PartyInput<R> extends PartyColumns {
  /** The User Role column, for Service Requests. */
  roleField?: InputField;
  /** "User", "Subscriber": in the duplicate-row message. */
  party: string;
  /** Said after a duplicate-row message. */
  duplicateHint: string;
  record(row: PartyRow): R;
  /** Adds a further row of the same party and month (rows per Service) to its record. */
  addTo(record: R, row: PartyRow): void;
}

/** Where a party's month was first seen: its record, whether rows are per Service, and the row for messages. */
interface PartySeen {
  index: number;
  summing: boolean;
  at: string;
}

/** The cells that open every row of a party input (Service Requests, CSRs, Service Metrics). */
interface PartyOpening {
  period: MonthKey;
  id: string;
  name: string;
}

/** Which columns hold a party input's ID and name. */
interface PartyColumns {
  idField: InputField;
  idLabel: string;
  nameField: InputField;
}

/**
 * Walks a party input's data rows: skips blank rows, reads each row's Period, ID and name, lets
 * `readRest` read the other cells (logging their problems; undefined when the row cannot be used),
 * and hands on only rows without a problem. Any other row counts as bad.
 */
function walkPartyRows<T>(
  input: DetectedInput,
  run: Run,
  columns: PartyColumns,
  readRest: (row: unknown[], index: number) => T | undefined,
  use: (opening: PartyOpening, rest: T, index: number) => void
): void {
  const { source } = input;
  const cPeriod = columnOf(input, "period");
  const cId = columnOf(input, columns.idField);
  const cName = columnOf(input, columns.nameField);
  const mapped = mappedColumns(input);
  for (let index = 1; index < source.values.length; index++) {
    const row = source.values[index] ?? [];
    if (isBlankRow(row, mapped)) continue;
    const problemsBefore = run.log.problems.length;
    const period = periodCell(input, run, row, index, cPeriod);
    const id = idCell(input, run, row, index, cId, columns.idLabel);
    const name = readText(cell(row, cName)) ?? "";
    const rest = readRest(row, index);
    if (run.log.problems.length > problemsBefore || period === null || id === null || rest === undefined) {
      run.badRows++;
      continue;
    }
    use({ period, id, name }, rest, index);
  }
}

function checkParties<R>(
  input: DetectedInput,
  run: Run,
  out: R[],
  seen: Map<string, PartySeen>,
  spec: PartyInput<R>
): void {
  const { source } = input;
  const cId = columnOf(input, spec.idField);
  const cRole = spec.roleField === undefined ? -1 : columnOf(input, spec.roleField);
  const cForecast = columnOf(input, "forecast");
  const cActual = columnOf(input, "actual");
  const cService = columnOf(input, "service");
  const summing = cService >= 0;
  const roles = new TextReader(cleanRole);
  const readRest = (row: unknown[], index: number) => {
    const roleRaw = cell(row, cRole);
    const role = roles.read(roleRaw);
    if (role === null) {
      run.log.add(
        input.kind,
        source,
        index,
        cRole,
        `${describeCellValue(roleRaw)} is not a User Role (IS, ES, GS, ED, GT, RSA or OU)`
      );
    }
    const forecast = countCell(input, run, row, index, cForecast, "forecast");
    const actual = countCell(input, run, row, index, cActual, "actual");
    const service = summing ? (readText(cell(row, cService)) ?? "") : null;
    return { role: role ?? "", forecast, actual: actual ?? 0, service };
  };
  walkPartyRows(input, run, spec, readRest, ({ period, id, name }, rest, index) => {
    const key = `${period}|${id}`;
    const earlier = seen.get(key);
    const checked: PartyRow = { period, id, name, ...rest, sourceRow: source.row + index };
    if (earlier && !(summing && earlier.summing)) {
      run.log.add(
        input.kind,
        source,
        index,
        cId,
        `duplicate row: ${spec.party} ${id} already has a row for ${formatMonthLong(period)} (${earlier.at})` +
          spec.duplicateHint
      );
      run.badRows++;
      return;
    }
    if (earlier) {
      spec.addTo(out[earlier.index], checked);
      return;
    }
    seen.set(key, {
      index: out.length,
      summing,
      at: `${sheetReference(source.sheet)}!row ${source.row + index + 1}`,
    });
    run.months.add(period);
    out.push(spec.record(checked));
  });
}

const SR_INPUT: PartyInput<SrRecord> = {
  idField: "userId",
  idLabel: "User ID",
  nameField: "userName",
  roleField: "userRole",
  party: "User",
  duplicateHint: "; add a Service column if rows are per Service Request Variant",
  record: (row) => ({
    period: row.period,
    userId: row.id,
    userName: row.name,
    userRole: row.role,
    forecast: row.forecast,
    actual: row.actual,
    sourceRow: row.sourceRow,
    services:
      row.service === null ? [] : [{ service: row.service, forecast: row.forecast, actual: row.actual }],
  }),
  addTo: (record, row) => {
    if (row.forecast !== null) record.forecast = (record.forecast ?? 0) + row.forecast;
    record.actual += row.actual;
    if (record.userName === "") record.userName = row.name;
    if (record.userRole === "") record.userRole = row.role;
    if (row.service === null) return;
    // Two rows of one Service in a month add up, as the Service rows add up to the User's month.
    const same = record.services.find((counts) => counts.service === row.service);
    if (same === undefined) {
      record.services.push({ service: row.service, forecast: row.forecast, actual: row.actual });
      return;
    }
    if (row.forecast !== null) same.forecast = (same.forecast ?? 0) + row.forecast;
    same.actual += row.actual;
  },
};

const CSR_INPUT: PartyInput<CsrRecord> = {
  idField: "subscriberId",
  idLabel: "Subscriber ID",
  nameField: "subscriberName",
  party: "Subscriber",
  duplicateHint: "",
  record: (row) => ({
    period: row.period,
    subscriberId: row.id,
    subscriberName: row.name,
    forecast: row.forecast,
    actual: row.actual,
    sourceRow: row.sourceRow,
  }),
  // A CSRs input has no Service column, so its rows never add up.
  addTo: () => undefined,
};

/** (month, User, Metric) -> where it was first seen, for the duplicate-row message. */
type MetricSeen = Map<string, string>;

const METRICS_PARTY: PartyColumns = { idField: "userId", idLabel: "User ID", nameField: "userName" };

function checkMetrics(input: DetectedInput, run: Run, out: MetricRecord[], seen: MetricSeen): void {
  const { source } = input;
  const cMetric = columnOf(input, "metric");
  const cValue = columnOf(input, "value");
  const cThreshold = columnOf(input, "threshold");
  const cBreachWhen = columnOf(input, "breachWhen");
  const readRest = (row: unknown[], index: number) => {
    const metric = readText(row[cMetric]);
    if (metric === null) run.log.add("metrics", source, index, cMetric, "Metric is missing");
    // A metric's value or threshold may be negative.
    const value = numberCell(input, run, { row, index, col: cValue }, "value", readNumber);
    const threshold = numberCell(input, run, { row, index, col: cThreshold }, "threshold", readNumber);
    if (threshold === null) run.log.add("metrics", source, index, cThreshold, "Threshold is missing");
    const breachRaw = cell(row, cBreachWhen);
    const breachWhen = isBlankCell(breachRaw)
      ? parseBreachWhen(null)
      : typeof breachRaw === "string"
        ? parseBreachWhen(breachRaw)
        : null;
    if (breachWhen === null) {
      run.log.add(
        "metrics",
        source,
        index,
        cBreachWhen,
        `${describeCellValue(breachRaw)} is not a Breach When (above, at or above, below or at or below)`
      );
    }
    if (metric === null || value === undefined || threshold === null || threshold === undefined)
      return undefined;
    if (breachWhen === null) return undefined;
    return { metric, value, threshold, breachWhen };
  };
  walkPartyRows(input, run, METRICS_PARTY, readRest, ({ period, id, name }, rest, index) => {
    const key = `${period}|${id}|${rest.metric.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      run.log.add(
        "metrics",
        source,
        index,
        cMetric,
        `duplicate row: User ${id} already has a "${rest.metric}" row for ${formatMonthLong(period)} (${earlier})`
      );
      run.badRows++;
      return;
    }
    seen.set(key, `${sheetReference(source.sheet)}!row ${source.row + index + 1}`);
    run.months.add(period);
    out.push({ period, userId: id, userName: name, ...rest, sourceRow: source.row + index });
  });
}

/** Device ID -> sheet row (1-based, for messages) of its first row, per period. */
type DeviceSeen = Map<MonthKey, Map<string, number>>;

function checkDevices(input: DetectedInput, run: Run, out: DeviceRecord[], seen: DeviceSeen): void {
  const { source, kind } = input;
  const log = run.log;
  const cPeriod = columnOf(input, "period");
  const cId = columnOf(input, "deviceId");
  const cType = columnOf(input, "deviceType");
  const cSupplier = columnOf(input, "supplierId");
  const cCommissioned = columnOf(input, "commissioned");
  const cInterrogated = columnOf(input, "interrogated");
  const cAnchor = columnOf(input, "recoveryAnchor");
  const cIssue = columnOf(input, "issueSecurityCredentials");
  const cDevice = columnOf(input, "updateSecurityCredentialsDevice");
  const cKrp = columnOf(input, "updateSecurityCredentialsKrp");
  const types = new TextReader(cleanDeviceType);
  const suppliers = new TextReader(cleanSupplier);
  const mapped = mappedColumns(input);
  const values = source.values;
  let lastPeriod: MonthKey | null = null;
  let periodSeen: Map<string, number> | undefined;
  for (let index = 1; index < values.length; index++) {
    const row = values[index] ?? [];
    // The ID cell is filled on almost every row, so the blank-row scan rarely runs.
    if (isBlankCell(row[cId]) && isBlankRow(row, mapped)) continue;
    const problemsBefore = log.problems.length;
    const period = periodCell(input, run, row, index, cPeriod);
    const deviceId = idCell(input, run, row, index, cId, "Device ID");
    const typeRaw = cell(row, cType);
    const deviceType = types.read(typeRaw);
    if (deviceType === null) {
      log.add(
        kind,
        source,
        index,
        cType,
        `${describeCellValue(typeRaw)} is not a Device Type (${DEVICE_TYPES.join(", ")})`
      );
    }
    const supplierId = suppliers.read(cell(row, cSupplier)) ?? "";
    const commissioned = readDate(row[cCommissioned]);
    if (isCellProblem(commissioned))
      log.add(kind, source, index, cCommissioned, `Commissioned: ${commissioned.message}`);
    const interrogated = readInterrogated(row[cInterrogated]);
    if (isCellProblem(interrogated))
      log.add(kind, source, index, cInterrogated, `Interrogated: ${interrogated.message}`);
    const recoveryAnchor = readYesNo(row[cAnchor]);
    if (isCellProblem(recoveryAnchor)) {
      log.add(kind, source, index, cAnchor, `Recovery Trust Anchor: ${recoveryAnchor.message}`);
    }
    const issue = countCell(input, run, row, index, cIssue, "issueSecurityCredentials");
    const updateDevice = countCell(input, run, row, index, cDevice, "updateSecurityCredentialsDevice");
    const updateKrp = countCell(input, run, row, index, cKrp, "updateSecurityCredentialsKrp");
    if (period !== null && typeof commissioned === "number") {
      const measured = run.periods.lastDay(period);
      if (commissioned > measured) {
        log.add(
          kind,
          source,
          index,
          cCommissioned,
          `Commissioned ${ddmmyyyy(commissioned)} is after the measurement date ${ddmmyyyy(measured)} ` +
            `(the last day of ${formatMonthLong(period)})`
        );
      }
    }
    if (log.problems.length > problemsBefore || period === null || deviceId === null) {
      run.badRows++;
      continue;
    }
    if (period !== lastPeriod) {
      lastPeriod = period;
      periodSeen = seen.get(period);
      if (periodSeen === undefined) {
        periodSeen = new Map();
        seen.set(period, periodSeen);
      }
      run.months.add(period);
    }
    const earlierRow = (periodSeen as Map<string, number>).get(deviceId);
    if (earlierRow !== undefined) {
      log.add(
        kind,
        source,
        index,
        cId,
        `duplicate row: Device ${deviceId} already has a row for ${formatMonthLong(period)} (row ${earlierRow})`
      );
      run.badRows++;
      continue;
    }
    (periodSeen as Map<string, number>).set(deviceId, source.row + index + 1);
    out.push({
      period,
      deviceId,
      deviceType: deviceType ?? "",
      supplierId,
      commissioned: commissioned as number | null,
      interrogated: interrogated as boolean | number,
      recoveryAnchor: recoveryAnchor as boolean,
      issueSecurityCredentials: issue ?? 0,
      updateSecurityCredentialsDevice: updateDevice ?? 0,
      updateSecurityCredentialsKrp: updateKrp ?? 0,
      sourceRow: source.row + index,
    });
  }
}

/** Checks every detected input; returns the clean records and every problem. */
export function checkInputs(inputs: DetectedInput[]): CheckedData {
  const run: Run = { log: new ProblemLog(), periods: new PeriodReader(), months: new Set(), badRows: 0 };
  const sr: SrRecord[] = [];
  const csr: CsrRecord[] = [];
  const devices: DeviceRecord[] = [];
  const metrics: MetricRecord[] = [];
  const metricSeen: MetricSeen = new Map();
  const srSeen = new Map<string, PartySeen>();
  const csrSeen = new Map<string, PartySeen>();
  const deviceSeen: DeviceSeen = new Map();
  for (const given of inputs) {
    const { input, leftOut } = withoutIssueRows(given);
    run.badRows += leftOut;
    if (input.missing.length > 0) {
      reportMissingColumns(input, run);
      continue;
    }
    if (input.kind === "sr") checkParties(input, run, sr, srSeen, SR_INPUT);
    else if (input.kind === "csr") checkParties(input, run, csr, csrSeen, CSR_INPUT);
    else if (input.kind === "metrics") checkMetrics(input, run, metrics, metricSeen);
    else checkDevices(input, run, devices, deviceSeen);
  }
  return {
    sr,
    csr,
    devices,
    metrics,
    withServices: inputs.some((input) => input.kind === "sr" && input.columns.service !== undefined),
    withMetrics: inputs.some((input) => input.kind === "metrics"),
    problems: withGridIssues(inputs, run.log.sorted()),
    badRowCount: run.badRows,
    months: [...run.months].sort(),
  };
}

/** Labels of the required fields of a kind (for messages and the task pane). */
export function requiredLabels(kind: InputKind): string[] {
  return INPUT_FIELDS[kind].filter((info) => info.required).map((info) => info.label);
}
