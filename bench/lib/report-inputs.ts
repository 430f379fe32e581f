/**
 * Input sheets for the report cases, as a host reads them: header row, then data rows of numbers, text,
 * booleans and blanks. Deterministic (every random choice is a hash of the row's party), so the grid given
 * to the in-memory host and the workbook given to the headless runner hold the same data.
 *
 * Devices: a fleet growing over seven monthly snapshots (July 2017 to January 2018) whose rows add up to
 * 1,048,575, a full Excel sheet below its header. About 6% of devices fail some post-commissioning
 * criteria when commissioned and most are fixed a few months later, so each month has devices listed,
 * added and removed. Service Requests: 5,000 Users each month. CSRs: 40 Subscribers each month.
 */
import { serialFromYmd } from "../../src/sec";

export type InputCell = string | number | boolean | null;

export interface InputSheet {
  name: string;
  headers: string[];
  rowCount: number;
  /** The data rows, generated on demand so a writer can stream them. */
  rows: () => Iterable<InputCell[]>;
}

export const DEVICE_ROWS = 1_048_575;
export const USERS = 5_000;
export const SUBSCRIBERS = 40;

const MONTHS: ReadonlyArray<{ year: number; month: number }> = [
  { year: 2017, month: 7 },
  { year: 2017, month: 8 },
  { year: 2017, month: 9 },
  { year: 2017, month: 10 },
  { year: 2017, month: 11 },
  { year: 2017, month: 12 },
  { year: 2018, month: 1 },
];
export const BENCH_PERIOD = "2018-01";

/** A float in [0, 1) from a party number and a salt: the same party gets the same answer in every month. */
function hash01(party: number, salt: number): number {
  let h = Math.imul(party ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const HEX = "0123456789ABCDEF";

/** An EUI-64 from a prefix byte and a party number; some written lower case without hyphens, as users do. */
function eui64(prefix: number, party: number, plain: boolean): string {
  const bytes = [
    0x90,
    0xb3,
    0xd5,
    prefix,
    (party / 2 ** 24) & 255,
    (party >>> 16) & 255,
    (party >>> 8) & 255,
    party & 255,
  ];
  const pairs = bytes.map((byte) => HEX[byte >> 4] + HEX[byte & 15]);
  return plain ? pairs.join("").toLowerCase() : pairs.join("-");
}

/** The Period cell: usually a date serial (the 1st), sometimes "YYYY-MM" text. */
function periodCell(monthIndex: number, party: number): InputCell {
  const { year, month } = MONTHS[monthIndex];
  return hash01(party, 900 + monthIndex) < 0.05
    ? `${year}-${String(month).padStart(2, "0")}`
    : serialFromYmd(year, month, 1);
}

function lastDay(monthIndex: number): number {
  const { year, month } = MONTHS[monthIndex];
  return serialFromYmd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
}

/** A number that is sometimes stored as text. */
function numberCell(value: number, party: number, salt: number): InputCell {
  return hash01(party, salt) < 0.02 ? String(value) : value;
}

/** Devices in each monthly snapshot: the fleet grows 5% a month and the rows total DEVICE_ROWS. */
export function fleetSizes(): number[] {
  const weights = MONTHS.map((_, index) => 1 + 0.05 * index);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const sizes = weights.map((weight) => Math.floor((DEVICE_ROWS * weight) / total));
  sizes[sizes.length - 1] += DEVICE_ROWS - sizes.reduce((sum, size) => sum + size, 0);
  return sizes;
}

const DEVICE_TYPES = ["ESME", "GSME", "CHF", "GPF", "HCALCS", "PPMID", "IHD", "CAD"] as const;
const DEVICE_TYPE_SHARE = [0.3, 0.25, 0.15, 0.1, 0.02, 0.05, 0.12, 0.01];

function deviceType(device: number): string {
  let roll = hash01(device, 1);
  for (let index = 0; index < DEVICE_TYPES.length; index++) {
    roll -= DEVICE_TYPE_SHARE[index];
    if (roll < 0) return DEVICE_TYPES[index];
  }
  return DEVICE_TYPES[0];
}

/** How many devices fail post-commissioning criteria. */
export interface DeviceMix {
  /** Share of devices failing some criteria when commissioned. */
  failingShare: number;
  /** Whether failing devices are later fixed (most within four months) or stay listed. */
  fixed: boolean;
}

/** The realistic mix: 6% fail, 80% of those fixed within one to four months. */
export const REALISTIC_DEVICES: DeviceMix = { failingShare: 0.06, fixed: true };
/** Every due device listed in every month: the largest PCI table the data allows (a stress test of writing). */
export const EVERY_DEVICE_FAILING: DeviceMix = { failingShare: 1, fixed: false };

function deviceRow(device: number, monthIndex: number, firstMonth: number, mix: DeviceMix): InputCell[] {
  const measured = lastDay(monthIndex);
  // Devices of the first snapshot were commissioned over the previous two years; later ones in their first month.
  const commissioned =
    firstMonth === 0
      ? lastDay(0) - 730 + Math.floor(hash01(device, 2) * 720)
      : lastDay(firstMonth - 1) +
        1 +
        Math.floor(hash01(device, 2) * (lastDay(firstMonth) - lastDay(firstMonth - 1)));
  const failing = hash01(device, 3) < mix.failingShare;
  const fixedAfter = !mix.fixed || hash01(device, 4) < 0.2 ? 99 : 1 + Math.floor(hash01(device, 5) * 4);
  const mask = failing && monthIndex - firstMonth < fixedAfter ? 1 + Math.floor(hash01(device, 6) * 31) : 0;
  const interrogatedRoll = hash01(device, 7);
  const interrogated: InputCell =
    (mask & 1) !== 0
      ? interrogatedRoll < 0.5
        ? false
        : measured + 3 // interrogated, but after the measurement date
      : interrogatedRoll < 0.9
        ? true
        : commissioned + 1;
  const anchor = (mask & 2) === 0;
  const anchorCell: InputCell = hash01(device, 8) < 0.03 ? (anchor ? "Yes" : "No") : anchor;
  const count = (bit: number, salt: number): InputCell => {
    if ((mask & bit) !== 0) return hash01(device, salt) < 0.5 ? null : 1;
    return numberCell(2 + Math.floor(hash01(device, salt) * 3), device, salt + 100);
  };
  return [
    periodCell(monthIndex, device),
    eui64(0x1f, device, hash01(device, 9) < 0.05),
    deviceType(device),
    eui64(0x2a, Math.floor(hash01(device, 10) * 30), false),
    commissioned,
    interrogated,
    anchorCell,
    count(4, 11),
    count(8, 12),
    count(16, 13),
  ];
}

export function deviceSheet(mix: DeviceMix = REALISTIC_DEVICES): InputSheet {
  const sizes = fleetSizes();
  return {
    name: "Devices",
    headers: [
      "Period",
      "Device ID",
      "Device Type",
      "Supplier ID",
      "Commissioned",
      "Interrogated",
      "Recovery Trust Anchor",
      "Issue Security Credentials",
      "Update Security Credentials (Device)",
      "Update Security Credentials (KRP)",
    ],
    rowCount: DEVICE_ROWS,
    rows: function* () {
      for (let monthIndex = 0; monthIndex < MONTHS.length; monthIndex++) {
        let firstMonth = 0;
        for (let device = 0; device < sizes[monthIndex]; device++) {
          while (device >= sizes[firstMonth]) firstMonth++;
          yield deviceRow(device, monthIndex, firstMonth, mix);
        }
      }
    },
  };
}

const ROLES = ["IS", "ES", "GS", "ED", "GT", "RSA", "OU"] as const;

/** Forecast and actual of a party's month: 2% no forecast, 1% zero, actual about ±30% of forecast. */
function forecastActual(party: number, monthIndex: number, scale: number): [InputCell, InputCell] {
  const roll = hash01(party, 20 + monthIndex);
  const forecast =
    roll < 0.02
      ? null
      : roll < 0.03
        ? 0
        : Math.round(scale * (0.2 + hash01(party, 30)) * (1 + 0.05 * monthIndex));
  const base =
    forecast === null || forecast === 0 ? Math.floor(hash01(party, 40 + monthIndex) * 20) : forecast;
  const actual = Math.round(base * (0.85 + 0.3 * hash01(party, 50 + monthIndex)));
  return [
    forecast === null ? "" : numberCell(forecast, party, 60 + monthIndex),
    actual === 0 && hash01(party, 70) < 0.5 ? null : numberCell(actual, party, 80 + monthIndex),
  ];
}

export function serviceRequestSheet(): InputSheet {
  return {
    name: "Service Requests",
    headers: ["Period", "User ID", "User Name", "User Role", "Forecast", "Actual"],
    rowCount: USERS * MONTHS.length,
    rows: function* () {
      for (let monthIndex = 0; monthIndex < MONTHS.length; monthIndex++) {
        for (let user = 0; user < USERS; user++) {
          yield [
            periodCell(monthIndex, user),
            eui64(0x30, user, hash01(user, 9) < 0.05),
            `User ${user + 1} Energy Ltd`,
            ROLES[Math.floor(hash01(user, 14) * ROLES.length)],
            ...forecastActual(user, monthIndex, 50_000),
          ];
        }
      }
    },
  };
}

export function csrSheet(): InputSheet {
  return {
    name: "CSRs",
    headers: ["Period", "Subscriber ID", "Subscriber Name", "Forecast", "Actual"],
    rowCount: SUBSCRIBERS * MONTHS.length,
    rows: function* () {
      for (let monthIndex = 0; monthIndex < MONTHS.length; monthIndex++) {
        for (let subscriber = 0; subscriber < SUBSCRIBERS; subscriber++) {
          yield [
            periodCell(monthIndex, subscriber),
            eui64(0x40, subscriber, false),
            `Subscriber Org ${subscriber + 1}`,
            ...forecastActual(subscriber + 100_000, monthIndex, 20_000),
          ];
        }
      }
    },
  };
}

export function benchInputSheets(mix: DeviceMix = REALISTIC_DEVICES): InputSheet[] {
  return [serviceRequestSheet(), csrSheet(), deviceSheet(mix)];
}

/** A sheet as one grid: header row then data rows. */
export function sheetGrid(sheet: InputSheet): InputCell[][] {
  const grid: InputCell[][] = new Array<InputCell[]>(sheet.rowCount + 1);
  grid[0] = sheet.headers;
  let index = 1;
  for (const row of sheet.rows()) grid[index++] = row;
  return grid;
}
