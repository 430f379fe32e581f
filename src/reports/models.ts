/**
 * Report models: the figures of each report for one month, before any layout. The task pane shows
 * their summaries; the layouts in sheets.ts turn them into sheets.
 */
import {
  type MonthKey,
  type VarianceReport,
  type VarianceStatus,
  addMonths,
  formatMonthLong,
  formatMonthShort,
  formatSerialLong,
  lastDayOfMonthSerial,
  percentOfForecast,
  reportDueDate,
  varianceStatus,
} from "../sec";
// Hot-path rules straight from their module (see check.ts on the barrel's getters).
import { isPciDue, pciFailureMask } from "../sec/pci";
import { type CheckedData, type DeviceRecord, DEVICE_TYPES } from "./check";
import type { Classification } from "./layout";

export type ReportChoice = "sr" | "csr" | "pci";

export interface ReportOptions {
  period: MonthKey;
  reports: ReportChoice[];
  redactCsr: boolean;
  /** Extra non-working days (serials) on top of the England and Wales bank holidays. */
  extraHolidays?: readonly number[];
}

/** One party's month in a variance report. */
export interface VarianceRow {
  /** Normalised EUI-64, or "Subscriber N" when redacted. */
  id: string;
  name: string;
  /** User Role code for SR ("" when not given); always "" for CSR. */
  role: string;
  forecast: number | null;
  actual: number;
  /** actual − forecast; null when no forecast was received. */
  difference: number | null;
  /** actual ÷ forecast; null where undefined (forecast blank or 0). */
  percent: number | null;
  status: VarianceStatus;
}

export interface VarianceTotals {
  /** Parties with a row in the month. */
  parties: number;
  /** Parties whose forecast was received. */
  withForecast: number;
  /** Sum of the forecasts received. */
  forecast: number;
  actual: number;
  /** Total actual ÷ total forecast; null when the total forecast is 0. */
  percent: number | null;
}

export type StatusCounts = Record<VarianceStatus, number>;

/** Forecast against actual for a group of rows (a chart category). */
export interface ForecastActual {
  label: string;
  forecast: number;
  actual: number;
}

interface VarianceModelBase {
  period: MonthKey;
  /** "January 2018" */
  periodLabel: string;
  /** Serial of the 10th Working Day after the month. */
  dueDate: number;
  /** Every party of the month, by ID. */
  rows: VarianceRow[];
  /** Rows whose status is not Within, by |actual − forecast| descending (no forecast counts as 0), ties by ID. */
  exceptions: VarianceRow[];
  totals: VarianceTotals;
  statusCounts: StatusCounts;
}

export interface SrModel extends VarianceModelBase {
  kind: "sr";
  /** Forecast against actual per User Role (chart source), in role order; "" role shown as "(no role)". */
  byRole: ForecastActual[];
}

export interface CsrModel extends VarianceModelBase {
  kind: "csr";
  redacted: boolean;
  /** Forecast against actual per status (chart source): Within, Over, No forecast. */
  byStatus: ForecastActual[];
}

/** One month of the PCI trend. Counts are null where the month (or, for added/removed, the month before) has no data. */
export interface PciMonth {
  period: MonthKey;
  /** "Jan-2018" */
  label: string;
  /** Whether there is a Devices snapshot for the month. */
  hasData: boolean;
  /** Whether there is a snapshot for the month before (needed for added/removed). */
  previousHasData: boolean;
  /** Device rows in the snapshot (0 without data). */
  snapshotDevices: number;
  /** Devices commissioned for more than seven days at the month's end. */
  dueDevices: number;
  listed: number | null;
  added: number | null;
  removed: number | null;
  /** Devices failing each criterion a…e (a device can fail several); null without data. */
  criteria: number[] | null;
}

export interface PciGroupRow {
  /** Device Type or Supplier ID; "" when not given. */
  key: string;
  listed: number;
  /** null when the previous month has no snapshot. */
  added: number | null;
  removed: number | null;
}

/** A device listed at period end, for tests and small displays (the layout reads the arrays directly). */
export interface PciListedDevice {
  device: DeviceRecord;
  mask: number;
  daysCommissioned: number;
  /** Not listed in the previous month's snapshot; null when there is no previous snapshot. */
  isNew: boolean | null;
}

export interface PciModel {
  kind: "pci";
  period: MonthKey;
  periodLabel: string;
  dueDate: number;
  /** Measurement date: the last day of the period. */
  measured: number;
  /** The period itself (the last trend month). */
  current: PciMonth;
  /** Six months ending with the period, oldest first. */
  trend: PciMonth[];
  /** Trend months with no snapshot. */
  monthsWithoutData: MonthKey[];
  /** The records that the index arrays point into (data.devices). */
  devices: readonly DeviceRecord[];
  /** Devices listed at period end, as indexes into `devices`, ordered by Device ID. */
  listedIndexes: Int32Array;
  /** Failure mask of each listed device (same order). */
  listedMasks: Uint8Array;
  /** 1 when the listed device was not in the previous month's list (same order). */
  listedNew: Uint8Array;
  /** Device IDs added to / removed from the list against the previous month, sorted; empty without a previous snapshot. */
  addedIds: string[];
  removedIds: string[];
  /** By Device Type (in SPEC order, "" last) and by Supplier ID (sorted, "" last). */
  byType: PciGroupRow[];
  bySupplier: PciGroupRow[];
}

export interface CoverReportEntry {
  kind: ReportChoice;
  /** "Appendix A" … in sheet order. */
  appendix: string;
  title: string;
  section: string;
  sheetName: string;
  periodLabel: string;
  dueDate: number;
  classification: Classification;
}

export interface CoverHeadline {
  label: string;
  value: number | string | null;
  /** Excel number format for a number value. */
  numberFormat?: string;
}

export interface CoverAnnexEntry {
  title: string;
  lines: string[];
}

export interface CoverModel {
  kind: "cover";
  title: string;
  period: MonthKey;
  periodLabel: string;
  classification: Classification;
  action: string;
  purpose: string[];
  reports: CoverReportEntry[];
  reportsNote: string | null;
  headlines: CoverHeadline[];
  recommendation: string;
  classificationText: string;
  annex: CoverAnnexEntry[];
}

/** Titles and SEC sections of the reports, shared by the cover and the sheet header blocks. */
export const REPORT_TITLES: Record<
  ReportChoice | "cover",
  { title: string; section: string; sheetPrefix: string }
> = {
  sr: {
    title: "Service Request Variance and Metrics Panel Report",
    section: "SEC Section H3.24",
    sheetPrefix: "SR Variance",
  },
  csr: {
    title: "CSR Forecast Variance Panel Report",
    section: "SEC Section L8.9",
    sheetPrefix: "CSR Variance",
  },
  pci: {
    title: "Post Commissioning Information Report",
    section: "SEC Appendix AC, section 5.8",
    sheetPrefix: "Post Commissioning",
  },
  cover: { title: "DCC Reporting", section: "SEC Panel paper", sheetPrefix: "DCC Reporting" },
};

export const REPORT_ORDER: readonly ReportChoice[] = ["sr", "csr", "pci"];

/** The sheet name of a report for a month, e.g. "SR Variance Jan-2018". */
export function reportSheetName(kind: ReportChoice | "cover", period: MonthKey): string {
  return `${REPORT_TITLES[kind].sheetPrefix} ${formatMonthShort(period)}`;
}

/** The due date of a month's reports: the 10th Working Day after its end. */
export function dueDateOf(options: ReportOptions): number {
  const extra =
    options.extraHolidays && options.extraHolidays.length > 0 ? new Set(options.extraHolidays) : undefined;
  return reportDueDate(options.period, 10, extra);
}

function emptyStatusCounts(): StatusCounts {
  return { Over: 0, Under: 0, Within: 0, "No forecast": 0 };
}

interface PartyMonth {
  id: string;
  name: string;
  role: string;
  forecast: number | null;
  actual: number;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How far actual is from forecast, for ordering exceptions (no forecast counts as 0). */
function distance(row: VarianceRow): number {
  return Math.abs(row.actual - (row.forecast ?? 0));
}

function varianceBase(
  parties: PartyMonth[],
  report: VarianceReport,
  options: ReportOptions
): VarianceModelBase {
  const rows: VarianceRow[] = parties
    .map((party) => ({
      id: party.id,
      name: party.name,
      role: party.role,
      forecast: party.forecast,
      actual: party.actual,
      difference: party.forecast === null ? null : party.actual - party.forecast,
      percent: percentOfForecast(party.actual, party.forecast),
      status: varianceStatus(party.actual, party.forecast, report),
    }))
    .sort(byId);
  const statusCounts = emptyStatusCounts();
  const totals: VarianceTotals = {
    parties: rows.length,
    withForecast: 0,
    forecast: 0,
    actual: 0,
    percent: null,
  };
  for (const row of rows) {
    statusCounts[row.status]++;
    totals.actual += row.actual;
    if (row.forecast !== null) {
      totals.withForecast++;
      totals.forecast += row.forecast;
    }
  }
  totals.percent = totals.forecast > 0 ? totals.actual / totals.forecast : null;
  const exceptions = rows
    .filter((row) => row.status !== "Within")
    .sort((a, b) => distance(b) - distance(a) || byId(a, b));
  return {
    period: options.period,
    periodLabel: formatMonthLong(options.period),
    dueDate: dueDateOf(options),
    rows,
    exceptions,
    totals,
    statusCounts,
  };
}

/** The Service Request variance report (H3.24) for options.period. */
export function buildSrModel(data: CheckedData, options: ReportOptions): SrModel {
  const parties: PartyMonth[] = [];
  for (const record of data.sr) {
    if (record.period !== options.period) continue;
    parties.push({
      id: record.userId,
      name: record.userName,
      role: record.userRole,
      forecast: record.forecast,
      actual: record.actual,
    });
  }
  const base = varianceBase(parties, "SR", options);
  const roleTotals = new Map<string, ForecastActual>();
  for (const row of base.rows) {
    const label = row.role === "" ? "(no role)" : row.role;
    const entry = roleTotals.get(label) ?? { label, forecast: 0, actual: 0 };
    entry.forecast += row.forecast ?? 0;
    entry.actual += row.actual;
    roleTotals.set(label, entry);
  }
  const roleOrder = ["IS", "ES", "GS", "ED", "GT", "RSA", "OU", "(no role)"];
  const byRole = [...roleTotals.values()].sort(
    (a, b) => roleOrder.indexOf(a.label) - roleOrder.indexOf(b.label)
  );
  return { kind: "sr", ...base, byRole };
}

/** The CSR forecast variance report (L8.9) for options.period, redacted (L8.10) when options.redactCsr. */
export function buildCsrModel(data: CheckedData, options: ReportOptions): CsrModel {
  const parties: PartyMonth[] = [];
  for (const record of data.csr) {
    if (record.period !== options.period) continue;
    parties.push({
      id: record.subscriberId,
      name: record.subscriberName,
      role: "",
      forecast: record.forecast,
      actual: record.actual,
    });
  }
  const base = varianceBase(parties, "CSR", options);
  if (options.redactCsr) {
    // Rows are in normalised-ID order, so the numbering is stable and the same in both tables.
    const labels = new Map<string, string>();
    base.rows.forEach((row, index) => labels.set(row.id, `Subscriber ${index + 1}`));
    const redact = (row: VarianceRow): VarianceRow => {
      const label = labels.get(row.id) ?? "Subscriber";
      return { ...row, id: label, name: label };
    };
    base.rows = base.rows.map(redact);
    // The exception order stays the one computed on the real IDs.
    base.exceptions = base.exceptions.map(redact);
  }
  const byStatus: ForecastActual[] = (["Within", "Over", "No forecast"] as const).map((status) => {
    let forecast = 0;
    let actual = 0;
    for (const row of base.rows) {
      if (row.status !== status) continue;
      forecast += row.forecast ?? 0;
      actual += row.actual;
    }
    return { label: status, forecast, actual };
  });
  return { kind: "csr", ...base, redacted: options.redactCsr, byStatus };
}

/** The listed devices of one month: Device ID -> index into data.devices. */
interface MonthList {
  hasData: boolean;
  snapshotDevices: number;
  dueDevices: number;
  listed: Map<string, number>;
  criteria: number[];
}

function newMonthList(): MonthList {
  return { hasData: false, snapshotDevices: 0, dueDevices: 0, listed: new Map(), criteria: [0, 0, 0, 0, 0] };
}

const TREND_MONTHS = 6;

/** Post Commissioning Information (Appendix AC 5.8) at the end of options.period, with its six-month trend. */
export function buildPciModel(data: CheckedData, options: ReportOptions): PciModel {
  const { period } = options;
  const devices = data.devices;
  // Months P-6 … P: the six trend months and the one before them (for the first month's added/removed).
  const months: MonthKey[] = [];
  for (let back = TREND_MONTHS; back >= 0; back--) months.push(addMonths(period, -back));
  const lists = new Map<MonthKey, MonthList>(months.map((month) => [month, newMonthList()]));
  const measuredOf = new Map<MonthKey, number>(months.map((month) => [month, lastDayOfMonthSerial(month)]));
  const masks = new Uint8Array(devices.length);
  let lastPeriod = "";
  let list: MonthList | undefined;
  let measured = 0;
  for (let index = 0; index < devices.length; index++) {
    const device = devices[index];
    if (device.period !== lastPeriod) {
      lastPeriod = device.period;
      list = lists.get(lastPeriod);
      measured = measuredOf.get(lastPeriod) ?? 0;
    }
    if (list === undefined) continue;
    list.hasData = true;
    list.snapshotDevices++;
    if (device.commissioned === null || !isPciDue(device.commissioned, measured)) continue;
    list.dueDevices++;
    const mask = pciFailureMask(
      measured,
      device.interrogated,
      device.recoveryAnchor,
      device.issueSecurityCredentials,
      device.updateSecurityCredentialsDevice,
      device.updateSecurityCredentialsKrp
    );
    if (mask === 0) continue;
    masks[index] = mask;
    list.listed.set(device.deviceId, index);
    for (let bit = 0; bit < 5; bit++) if ((mask & (1 << bit)) !== 0) list.criteria[bit]++;
  }

  const trend: PciMonth[] = [];
  for (let position = 1; position < months.length; position++) {
    const month = lists.get(months[position]) as MonthList;
    const previous = lists.get(months[position - 1]) as MonthList;
    const comparable = month.hasData && previous.hasData;
    trend.push({
      period: months[position],
      label: formatMonthShort(months[position]),
      hasData: month.hasData,
      previousHasData: previous.hasData,
      snapshotDevices: month.snapshotDevices,
      dueDevices: month.dueDevices,
      listed: month.hasData ? month.listed.size : null,
      added: comparable ? countMissing(month.listed, previous.listed) : null,
      removed: comparable ? countMissing(previous.listed, month.listed) : null,
      criteria: month.hasData ? month.criteria.slice() : null,
    });
  }

  const current = lists.get(period) as MonthList;
  const previous = lists.get(months[months.length - 2]) as MonthList;
  const comparable = current.hasData && previous.hasData;
  const listedIndexes = Int32Array.from(current.listed.values()).sort((a, b) => {
    const idA = devices[a].deviceId;
    const idB = devices[b].deviceId;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  const listedMasks = new Uint8Array(listedIndexes.length);
  const listedNew = new Uint8Array(listedIndexes.length);
  const addedIds: string[] = [];
  for (let position = 0; position < listedIndexes.length; position++) {
    const index = listedIndexes[position];
    listedMasks[position] = masks[index];
    if (comparable && !previous.listed.has(devices[index].deviceId)) {
      listedNew[position] = 1;
      addedIds.push(devices[index].deviceId);
    }
  }
  const removedIndexes: number[] = [];
  if (comparable) {
    for (const [deviceId, index] of previous.listed)
      if (!current.listed.has(deviceId)) removedIndexes.push(index);
  }
  const removedIds = removedIndexes.map((index) => devices[index].deviceId).sort();

  const groupRows = (
    keyOf: (device: DeviceRecord) => string,
    order: (keys: string[]) => string[]
  ): PciGroupRow[] => {
    const groups = new Map<string, PciGroupRow>();
    const groupOf = (key: string): PciGroupRow => {
      let group = groups.get(key);
      if (group === undefined) {
        group = { key, listed: 0, added: comparable ? 0 : null, removed: comparable ? 0 : null };
        groups.set(key, group);
      }
      return group;
    };
    for (let position = 0; position < listedIndexes.length; position++) {
      const group = groupOf(keyOf(devices[listedIndexes[position]]));
      group.listed++;
      if (listedNew[position] === 1) group.added = (group.added ?? 0) + 1;
    }
    for (const index of removedIndexes) {
      const group = groupOf(keyOf(devices[index]));
      group.removed = (group.removed ?? 0) + 1;
    }
    return order([...groups.keys()]).map((key) => groups.get(key) as PciGroupRow);
  };
  const typeRank = (key: string): number => {
    const rank = (DEVICE_TYPES as readonly string[]).indexOf(key);
    return rank < 0 ? DEVICE_TYPES.length : rank;
  };
  const byType = groupRows(
    (device) => device.deviceType,
    (keys) => keys.sort((a, b) => typeRank(a) - typeRank(b))
  );
  const bySupplier = groupRows(
    (device) => device.supplierId,
    (keys) => keys.sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0))
  );

  return {
    kind: "pci",
    period,
    periodLabel: formatMonthLong(period),
    dueDate: dueDateOf(options),
    measured: measuredOf.get(period) as number,
    current: trend[trend.length - 1],
    trend,
    monthsWithoutData: trend.filter((month) => !month.hasData).map((month) => month.period),
    devices,
    listedIndexes,
    listedMasks,
    listedNew,
    addedIds: addedIds.sort(),
    removedIds,
    byType,
    bySupplier,
  };
}

/** Keys of `from` that are not in `other`. */
function countMissing(from: Map<string, number>, other: Map<string, number>): number {
  let count = 0;
  for (const key of from.keys()) if (!other.has(key)) count++;
  return count;
}

/** The listed devices as objects (for tests and small displays; the layout does not need them). */
export function pciListedDevices(model: PciModel): PciListedDevice[] {
  const comparable = model.current.hasData && model.current.previousHasData;
  return Array.from(model.listedIndexes, (index, position) => {
    const device = model.devices[index];
    return {
      device,
      mask: model.listedMasks[position],
      daysCommissioned: model.measured - (device.commissioned as number),
      isNew: comparable ? model.listedNew[position] === 1 : null,
    };
  });
}

const APPENDIX_LETTERS = "ABC";

/** The cover paper for the Panel, modelled on the SECAS "DCC Reporting" paper. */
export function buildCoverModel(
  options: ReportOptions,
  parts: { sr?: SrModel; csr?: CsrModel; pci?: PciModel }
): CoverModel {
  const periodLabel = formatMonthLong(options.period);
  const dueDate = dueDateOf(options);
  const chosen = REPORT_ORDER.filter((kind) => options.reports.includes(kind));
  const reports: CoverReportEntry[] = chosen.map((kind, index) => ({
    kind,
    appendix: `Appendix ${APPENDIX_LETTERS[index]}`,
    title: REPORT_TITLES[kind].title,
    section: REPORT_TITLES[kind].section,
    sheetName: reportSheetName(kind, options.period),
    periodLabel,
    dueDate,
    classification: "AMBER: SEC Panel only",
  }));
  const headlines: CoverHeadline[] = [];
  const { sr, csr, pci } = parts;
  if (sr) {
    headlines.push(
      { label: "Service Requests forecast", value: sr.totals.forecast, numberFormat: "#,##0" },
      { label: "Service Requests sent", value: sr.totals.actual, numberFormat: "#,##0" },
      { label: "Service Requests sent as % of forecast", value: sr.totals.percent, numberFormat: "0.0%" },
      { label: "Users reported", value: sr.totals.parties, numberFormat: "#,##0" },
      { label: "Users with exceptions", value: sr.exceptions.length, numberFormat: "#,##0" }
    );
  }
  if (csr) {
    headlines.push(
      { label: "CSRs forecast", value: csr.totals.forecast, numberFormat: "#,##0" },
      { label: "CSRs sent", value: csr.totals.actual, numberFormat: "#,##0" },
      { label: "CSRs sent as % of forecast", value: csr.totals.percent, numberFormat: "0.0%" },
      { label: "Authorised Subscribers reported", value: csr.totals.parties, numberFormat: "#,##0" },
      { label: "Authorised Subscribers with exceptions", value: csr.exceptions.length, numberFormat: "#,##0" }
    );
  }
  if (pci) {
    const noData = pci.current.hasData ? null : "no data";
    headlines.push(
      {
        label: "Devices listed in the Post Commissioning Information",
        value: pci.current.listed ?? noData,
        numberFormat: "#,##0",
      },
      {
        label: "Devices added since the previous month",
        value: pci.current.added ?? "no data",
        numberFormat: "#,##0",
      },
      {
        label: "Devices removed since the previous month",
        value: pci.current.removed ?? "no data",
        numberFormat: "#,##0",
      }
    );
  }
  const annex: CoverAnnexEntry[] = [
    {
      title: REPORT_TITLES.sr.title,
      lines: [
        "Under SEC Section H3.24 the DCC reports, for each User and month, the Service Requests sent",
        "against that User's most recent forecast for the month.",
        "Exceptions are Users who sent 90% or less, or 110% or more, of their forecast.",
        "Due by the 10th Working Day after the end of each month.",
      ],
    },
    {
      title: REPORT_TITLES.csr.title,
      lines: [
        "Under SEC Section L8.9 the DCC reports the Certificate Signing Requests for Device Certificates",
        "sent by each Authorised Subscriber against its forecast for the month.",
        "Exceptions are Subscribers who sent 110% or more of their forecast, or sent CSRs without a forecast.",
        "Names may be redacted under Section L8.10. Due by the 10th Working Day after the end of each month.",
      ],
    },
    {
      title: REPORT_TITLES.pci.title,
      lines: [
        "Under SEC Appendix AC section 5.8 the DCC reports the Devices listed in the Post Commissioning",
        "Information at the end of the month: those commissioned for more than seven days that",
        "(a) have not had a successful DCC Interrogation, (b) lack Recovery Certificate credentials in the",
        "Recovery Trust Anchor Cell, or have had fewer than two (c) Issue Security Credentials,",
        "(d) Update Security Credentials (Device) or (e) Update Security Credentials (KRP) Service Requests.",
        "It gives the Devices added and removed against the previous month and counts for the last six months.",
      ],
    },
  ];
  return {
    kind: "cover",
    title: REPORT_TITLES.cover.title,
    period: options.period,
    periodLabel,
    classification: "WHITE",
    action: "For Information",
    purpose: [
      "This paper gives the Panel the reports that the DCC must provide under the Smart Energy Code (SEC).",
      "Annex A describes each type of report, its contents and how often it is made.",
    ],
    reports,
    reportsNote:
      reports.length > 0
        ? "The reports are classified AMBER and are therefore controlled to the SEC Panel only."
        : null,
    headlines,
    recommendation: "The Panel is requested to NOTE the contents of this paper.",
    classificationText:
      "This document is classified as WHITE in accordance with the Panel Information Policy. " +
      "Information can be shared with the public.",
    annex,
  };
}

/** The latest month with any data, or null when there is none. */
export function latestMonth(data: CheckedData): MonthKey | null {
  return data.months.length > 0 ? data.months[data.months.length - 1] : null;
}

/** "14 February 2018" for a serial (re-exported for the task pane summary). */
export function dueDateText(serial: number): string {
  return formatSerialLong(serial);
}
