/**
 * A deterministic sample workbook: seven months (July 2017 to January 2018) of synthetic Service
 * Request (by Service), CSR, Device and Service Metrics data with every kind of exception, every PCI
 * state and metric breaches, and no problems. Used by the task pane's "try with sample data", the CLI
 * examples and the tests.
 */
import { type MonthKey, addMonths, lastDayOfMonthSerial, serialFromYmd } from "../sec";
import type { SourceGrid } from "./inputs";

export type SampleCell = string | number | boolean | null;

export interface SampleSheet {
  name: string;
  values: SampleCell[][];
}

/** mulberry32: a small seeded PRNG, so the sample is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = "0123456789ABCDEF";

function hexPairs(random: () => number, count: number): string[] {
  const pairs: string[] = [];
  for (let index = 0; index < count; index++) {
    const byte = Math.floor(random() * 256);
    pairs.push(HEX[byte >> 4] + HEX[byte & 15]);
  }
  return pairs;
}

/** The same ID written the ways people write them: canonical, lower case, without hyphens. */
function writtenId(canonical: string, random: () => number): string {
  const pick = random();
  if (pick < 0.6) return canonical;
  if (pick < 0.75) return canonical.toLowerCase();
  if (pick < 0.9) return canonical.replace(/-/g, "");
  return canonical.replace(/-/g, "").toLowerCase();
}

const FIRST_MONTH: MonthKey = "2017-07";
const MONTH_COUNT = 7;
const LAST_MONTH: MonthKey = "2018-01";

function sampleMonths(): MonthKey[] {
  return Array.from({ length: MONTH_COUNT }, (_, index) => addMonths(FIRST_MONTH, index));
}

/** Periods alternate between a date serial in the month and "YYYY-MM" text. */
function periodCell(month: MonthKey, index: number): SampleCell {
  if (index % 2 === 1) return month;
  const [year, monthNumber] = month.split("-").map(Number);
  return serialFromYmd(year, monthNumber, index % 4 === 0 ? 1 : 15);
}

interface SampleParty {
  id: string;
  name: string;
  role?: string;
  /** Fixed forecast and actual for January 2018 (the exceptions the sample must show). */
  january: [number | null, number | null];
}

const USERS: SampleParty[] = [
  { id: "90-B3-D5-1F-30-01-00-01", name: "Northern Lights Energy", role: "IS", january: [100, 90] },
  { id: "90-B3-D5-1F-30-01-00-02", name: "Brightside Power", role: "ES", january: [100, 110] },
  { id: "90-B3-D5-1F-30-01-00-03", name: "Calder Gas Supply", role: "GS", january: [null, 250] },
  { id: "90-B3-D5-1F-30-01-00-04", name: "Western Distribution", role: "ED", january: [0, 12] },
  { id: "90-B3-D5-1F-30-01-00-05", name: "Pennine Gas Networks", role: "GT", january: [5000, 3100] },
  { id: "90-B3-D5-1F-30-01-00-06", name: "Meterworks Agency", role: "RSA", january: [1000, 1050] },
  { id: "90-B3-D5-1F-30-01-00-07", name: "Smart Insights Ltd", role: "OU", january: [10, 9] },
  { id: "90-B3-D5-1F-30-01-00-08", name: "Harbour Energy Retail", role: "IS", january: [2000, 2400] },
];

const SUBSCRIBERS: SampleParty[] = [
  { id: "00-DB-12-34-00-00-00-A1", name: "Northern Lights Energy", january: [400, 440] },
  { id: "00-DB-12-34-00-00-00-A2", name: "Calder Gas Supply", january: [null, 35] },
  { id: "00-DB-12-34-00-00-00-A3", name: "Harbour Energy Retail", january: [1000, 500] },
  { id: "00-DB-12-34-00-00-00-A4", name: "Brightside Power", january: [0, 3] },
  { id: "00-DB-12-34-00-00-00-A5", name: "Western Distribution", january: [250, 260] },
];

/** The Services a User's Service Requests are counted under, the i-th User under SERVICES[i % 3]. */
const SERVICES = ["Enrolment Services", "Core Communication Services", "Local Command Services"];

/** Harbour Energy Retail: its January 2018 (2000 forecast, 2400 sent) is written as two Service rows. */
const SPLIT_USER = "90-B3-D5-1F-30-01-00-08";

/** Forecast and actual for a month other than January 2018: mostly within range, some exceptions. */
function ordinaryMonth(random: () => number, scale: number): [number | null, number | null] {
  const forecast = Math.round(scale * (0.8 + random() * 0.4));
  const pick = random();
  if (pick < 0.08) return [null, Math.round(scale * 0.05)];
  if (pick < 0.16) return [forecast, Math.round(forecast * (1.12 + random() * 0.2))];
  if (pick < 0.24) return [forecast, Math.round(forecast * (0.6 + random() * 0.25))];
  return [forecast, Math.round(forecast * (0.93 + random() * 0.14))];
}

function varianceSheet(
  name: string,
  headers: string[],
  parties: SampleParty[],
  random: () => number,
  withRole: boolean
): SampleSheet {
  const values: SampleCell[][] = [headers];
  sampleMonths().forEach((month, monthIndex) => {
    parties.forEach((party, partyIndex) => {
      const scale = 200 * (partyIndex + 1) * (partyIndex % 2 === 0 ? 3 : 1);
      const [forecast, actual] = month === LAST_MONTH ? party.january : ordinaryMonth(random, scale);
      const row: SampleCell[] = [periodCell(month, monthIndex), writtenId(party.id, random), party.name];
      if (withRole) row.push(party.role ?? null, SERVICES[partyIndex % SERVICES.length]);
      if (withRole && month === LAST_MONTH && party.id === SPLIT_USER) {
        // One User's January split over two Services: they add up to its month (2000 forecast, 2400 sent).
        values.push([...row, 1500, 1700], [...row.slice(0, -1), SERVICES[2], 500, 700]);
        return;
      }
      row.push(forecast, actual);
      values.push(row);
    });
  });
  // A User with no forecast and nothing sent: Within, shown as blanks.
  if (withRole) {
    values.push(["2017-09", "90b3d51f30010009", "Quiet Meter Co", "OU", SERVICES[0], null, null]);
  }
  return { name, values };
}

/** When a device meets each criterion (a serial; Infinity = never), and how its cells are written. */
interface SampleDevice {
  id: string;
  type: string;
  supplier: string;
  commissioned: number;
  /** Serial when each of a…e is first met. */
  metOn: [number, number, number, number, number];
  /** An interrogation date written after the measurement date (extracted late): still fails a. */
  lateInterrogation?: number;
}

const DEVICE_TYPES_WEIGHTED = [
  "ESME",
  "ESME",
  "ESME",
  "GSME",
  "GSME",
  "CHF",
  "CHF",
  "GPF",
  "PPMID",
  "IHD",
  "IHD",
  "HCALCS",
  "CAD",
];
const SUPPLIERS = [
  "90-B3-D5-1F-30-01-00-01",
  "90-B3-D5-1F-30-01-00-02",
  "90-B3-D5-1F-30-01-00-03",
  "90-B3-D5-1F-30-01-00-08",
];
const NEVER = Number.POSITIVE_INFINITY;

function ymd(year: number, month: number, day: number): number {
  return serialFromYmd(year, month, day);
}

/** Hand-placed devices so that January 2018 shows every PCI state. */
function namedDevices(): SampleDevice[] {
  const soon = (commissioned: number): [number, number, number, number, number] => [
    commissioned + 1,
    commissioned + 1,
    commissioned + 2,
    commissioned + 3,
    commissioned + 3,
  ];
  const failing = (commissioned: number, ...criteria: number[]): SampleDevice["metOn"] => {
    const metOn = soon(commissioned);
    for (const criterion of criteria) metOn[criterion] = NEVER;
    return metOn;
  };
  const device = (
    suffix: string,
    type: string,
    supplier: number,
    commissioned: number,
    metOn: SampleDevice["metOn"]
  ) => ({
    id: `00-1D-A1-FF-00-00-00-${suffix}`,
    type,
    supplier: SUPPLIERS[supplier],
    commissioned,
    metOn,
  });
  const nov10 = ymd(2017, 11, 10);
  const nov20 = ymd(2017, 11, 20);
  const dec28 = ymd(2017, 12, 28);
  const jan27 = ymd(2018, 1, 27);
  const dec1 = ymd(2017, 12, 1);
  const fixedInJanuary = soon(nov20);
  fixedInJanuary[1] = ymd(2018, 1, 10);
  return [
    device("0A", "ESME", 0, nov10, failing(nov10, 0)),
    device("0B", "GSME", 1, nov10, failing(nov10, 1)),
    device("0C", "CHF", 2, nov10, failing(nov10, 2)),
    device("0D", "IHD", 3, nov10, failing(nov10, 3)),
    device("0E", "PPMID", 0, nov10, failing(nov10, 4)),
    device("1F", "ESME", 1, nov10, failing(nov10, 0, 2, 4)),
    // Listed in December, fixed on 10 January: removed.
    device("20", "GSME", 2, nov20, fixedInJanuary),
    // Commissioned 28 December: not due at 31 December, listed at 31 January: added.
    device("21", "HCALCS", 3, dec28, failing(dec28, 3)),
    // Commissioned 27 January: only 4 days at 31 January, so not due although nothing is done.
    device("22", "CAD", 0, jan27, [NEVER, NEVER, NEVER, NEVER, NEVER]),
    // Interrogated on 2 February, after the measurement date: fails a in January.
    { ...device("23", "GPF", 1, dec1, failing(dec1, 0)), lateInterrogation: ymd(2018, 2, 2) },
    // Exactly seven days at 31 January (24 January): not due.
    device("24", "ESME", 2, ymd(2018, 1, 24), failing(ymd(2018, 1, 24), 1)),
    // Eight days (23 January): due and listed.
    device("25", "ESME", 3, ymd(2018, 1, 23), failing(ymd(2018, 1, 23), 1)),
  ];
}

function randomDevices(random: () => number): SampleDevice[] {
  const devices: SampleDevice[] = [];
  const early = ymd(2016, 6, 1);
  const july = ymd(2017, 7, 1);
  const end = ymd(2018, 1, 31);
  for (let index = 0; index < 160; index++) {
    const commissioned =
      index < 105
        ? early + Math.floor(random() * (july - early))
        : july + Math.floor(random() * (end - july + 1));
    const metOn: SampleDevice["metOn"] = [0, 0, 0, 0, 0].map(
      () => commissioned + Math.floor(random() * 5)
    ) as SampleDevice["metOn"];
    if (random() < 0.18) {
      // A device with a problem: one or two criteria late by weeks or months, or never met.
      const problems = random() < 0.7 ? 1 : 2;
      for (let count = 0; count < problems; count++) {
        const criterion = Math.floor(random() * 5);
        metOn[criterion] = random() < 0.25 ? NEVER : commissioned + 10 + Math.floor(random() * 110);
      }
    }
    devices.push({
      id: ["00", "1D", "A1", ...hexPairs(random, 5)].join("-"),
      type: DEVICE_TYPES_WEIGHTED[Math.floor(random() * DEVICE_TYPES_WEIGHTED.length)],
      supplier: SUPPLIERS[Math.floor(random() * SUPPLIERS.length)],
      commissioned,
      metOn,
    });
  }
  return devices;
}

const YES_CELLS: SampleCell[] = ["Yes", "Y", true, 1, "TRUE", "yes"];
const NO_CELLS: SampleCell[] = ["No", "N", false, 0, null, "no"];

function pick(cells: SampleCell[], random: () => number): SampleCell {
  return cells[Math.floor(random() * cells.length)];
}

function devicesSheet(random: () => number): SampleSheet {
  const headers = [
    "Period",
    "Device ID",
    "Device Type",
    "Supplier ID",
    "Date Commissioned",
    "DCC Interrogation",
    "Recovery Trust Anchor",
    "Issue Security Credentials",
    "Update Security Credentials (Device)",
    "Update Security Credentials (KRP)",
  ];
  const values: SampleCell[][] = [headers];
  // Random IDs could in theory repeat: keep the first of any repeat.
  const unique = new Map<string, SampleDevice>();
  for (const device of [...randomDevices(random), ...namedDevices()]) {
    if (!unique.has(device.id)) unique.set(device.id, device);
  }
  sampleMonths().forEach((month, monthIndex) => {
    const measured = lastDayOfMonthSerial(month);
    const period = monthIndex % 2 === 0 ? measured : month;
    for (const device of unique.values()) {
      if (device.commissioned > measured) continue;
      const met = device.metOn.map((when) => when <= measured);
      let interrogated: SampleCell;
      if (met[0]) interrogated = random() < 0.5 ? device.metOn[0] : pick(YES_CELLS, random);
      else if (device.lateInterrogation !== undefined && month === LAST_MONTH)
        interrogated = device.lateInterrogation;
      else interrogated = pick(NO_CELLS, random);
      const count = (isMet: boolean): SampleCell =>
        isMet ? 2 + (random() < 0.2 ? 1 : 0) : random() < 0.5 ? 1 : 0;
      values.push([
        period,
        writtenId(device.id, random),
        device.type,
        writtenId(device.supplier, random),
        device.commissioned,
        interrogated,
        pick(met[1] ? YES_CELLS : NO_CELLS, random),
        count(met[2]),
        count(met[3]),
        count(met[4]),
      ]);
    }
  });
  return { name: "Devices", values };
}

/**
 * Monthly Service Metrics, taken as data (SPEC: the product builds none in): two percentages that
 * breach below their threshold and a time that breaches above it (Breach When left blank).
 */
interface SampleMetric {
  name: string;
  threshold: number;
  breachWhen: string | null;
  /** A value for a month: usually within, sometimes a breach. */
  value(random: () => number): number;
}

/** A percentage as people type it: to two decimal places (99.82%), so the fraction has four. */
function percentage(fraction: number): number {
  return Math.round(fraction * 10000) / 10000;
}

const METRICS: SampleMetric[] = [
  {
    name: "On-Demand Responses within Target Time",
    threshold: 0.99,
    breachWhen: "below",
    value: (random) => percentage(random() < 0.15 ? 0.96 + random() * 0.029 : 0.99 + random() * 0.01),
  },
  {
    name: "Alerts within Target Time",
    threshold: 0.995,
    breachWhen: "At or Below",
    value: (random) => percentage(random() < 0.1 ? 0.98 + random() * 0.015 : 0.9951 + random() * 0.0049),
  },
  {
    name: "Mean Response Time (seconds)",
    threshold: 30,
    breachWhen: null,
    value: (random) => Math.round((random() < 0.12 ? 31 + random() * 9 : 12 + random() * 17) * 10) / 10,
  },
];

/** Fixed January 2018 values (User, metric index, value) that the sample must show. */
const JANUARY_METRICS: [string, number, number | null][] = [
  // Exactly at the threshold, breaching "below": Within.
  ["90-B3-D5-1F-30-01-00-01", 0, 0.99],
  ["90-B3-D5-1F-30-01-00-02", 0, 0.975],
  // Exactly at the threshold, breaching "at or below": Breach.
  ["90-B3-D5-1F-30-01-00-03", 1, 0.995],
  // Not reported this month: No value.
  ["90-B3-D5-1F-30-01-00-04", 2, null],
  ["90-B3-D5-1F-30-01-00-05", 2, 34.5],
];

/**
 * One row per User, metric and month, from August 2017: July has no metrics (a month without them).
 * Percentages are fractions, as Excel holds a cell formatted 99.5%.
 */
function metricsSheet(random: () => number): SampleSheet {
  const values: SampleCell[][] = [
    ["Period", "User ID", "User Name", "Metric", "Value", "Threshold", "Breach When"],
  ];
  sampleMonths()
    .slice(1)
    .forEach((month, monthIndex) => {
      for (const user of USERS) {
        METRICS.forEach((metric, metricIndex) => {
          const fixed = JANUARY_METRICS.find(([id, index]) => id === user.id && index === metricIndex);
          const value = month === LAST_MONTH && fixed !== undefined ? fixed[2] : metric.value(random);
          values.push([
            periodCell(month, monthIndex),
            writtenId(user.id, random),
            user.name,
            metric.name,
            value,
            metric.threshold,
            metric.breachWhen,
          ]);
        });
      }
    });
  return { name: "Service Metrics", values };
}

/**
 * Four sheets, "Service Requests", "CSRs", "Devices" and "Service Metrics", each a header row and
 * data; the same every call.
 */
export function sampleWorkbook(): SampleSheet[] {
  const random = seededRandom(20180214);
  return [
    varianceSheet(
      "Service Requests",
      ["Period", "User ID", "User Name", "User Role", "Service", "Forecast", "Actual"],
      USERS,
      random,
      true
    ),
    varianceSheet(
      "CSRs",
      ["Reporting Month", "Authorised Subscriber", "Subscriber Name", "CSR Forecast", "Actual"],
      SUBSCRIBERS,
      random,
      false
    ),
    devicesSheet(random),
    metricsSheet(random),
  ];
}

/** The months the sample covers, first and last. */
export const SAMPLE_MONTHS = { first: FIRST_MONTH, last: LAST_MONTH, count: MONTH_COUNT } as const;

/** The sample workbook as the checker takes it: each sheet one grid from A1, as if read from Excel. */
export function sampleGrids(): SourceGrid[] {
  return sampleWorkbook().map((sheet) => ({ sheet: sheet.name, row: 0, col: 0, values: sheet.values }));
}
