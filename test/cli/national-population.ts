/**
 * Random Devices populations for the national path's differential test, with the edge cases drawn on
 * purpose: exactly 7 and 8 days commissioned, interrogation dates after the period end, yes/no in every
 * accepted form, decommissioned devices (gone from later snapshots), IDs in every accepted form, blanks.
 * Every row is valid: the test compares reports, and the bad-input tests cover problems.
 */
import { Prng } from "../../bench/lib/prng";
import { DEVICE_TYPES } from "../../src/reports";
import { DEVICE_HEADERS } from "../reports/fixture";
import {
  type MonthKey,
  addMonths,
  eui64FromNumber,
  formatMonthShort,
  formatSerialIso,
  lastDayOfMonthSerial,
  ymdFromSerial,
} from "../../src/sec";

export { DEVICE_HEADERS };

type Cell = string | number | boolean | null;

const YES_FORMS: Cell[] = [true, "TRUE", "true", "Y", "y", "Yes", "YES", "1", 1];
const NO_FORMS: Cell[] = [false, "FALSE", "false", "N", "n", "No", "no", "0", 0, null, ""];
const SUPPLIERS = [
  "90-B3-D5-1F-30-01-00-01",
  "90-b3-d5-1f-30-01-00-02",
  "90B3D51F30010003",
  "Acme Energy",
  null,
];

function ukDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** A date in one of the accepted forms: a serial number, ISO text or UK text. */
function dateCell(random: Prng, serial: number): Cell {
  return random.pick([serial, formatSerialIso(serial), ukDate(serial)]);
}

/** A Device ID in one of the accepted forms. */
function idCell(random: Prng, number: number): string {
  const canonical = eui64FromNumber(number);
  return random.pick([
    canonical,
    canonical.toLowerCase(),
    canonical.replace(/-/g, ""),
    canonical.replace(/-/g, ":"),
    ` ${canonical.replace(/-/g, "").toLowerCase()} `,
  ]);
}

function periodCell(random: Prng, month: MonthKey): Cell {
  const last = lastDayOfMonthSerial(month);
  return random.pick([month, last, formatSerialIso(last - 3), formatMonthShort(month)]);
}

function countCell(random: Prng): Cell {
  const n = random.pick([0, 1, 2, 2, 3]);
  return random.pick([n, String(n), n === 0 ? null : n]);
}

/** Rows (headers first) of a population over the months up to `period`; `size` Devices at most. */
export function devicePopulation(seed: number, size: number, period: MonthKey): Cell[][] {
  const random = new Prng(seed);
  const months: MonthKey[] = [];
  for (let back = 7; back >= 0; back--) {
    // The period always has a snapshot; earlier months sometimes have none.
    if (back === 0 || random.chance(0.85)) months.push(addMonths(period, -back));
  }
  const rows: Cell[][] = [DEVICE_HEADERS];
  for (let device = 0; device < size; device++) {
    const number = 0x001d_a100_0000 + random.int(0, 0xffffff) * 64 + device;
    const firstMonth = random.int(0, months.length - 1);
    // Decommissioned: some devices leave the snapshots before the period.
    const lastMonth = random.chance(0.2) ? random.int(firstMonth, months.length - 1) : months.length - 1;
    const firstMeasured = lastDayOfMonthSerial(months[firstMonth]);
    const commissionedDaysBefore = random.pick([0, 6, 7, 8, 9, random.int(0, 30), random.int(30, 400)]);
    const commissioned = random.chance(0.07) ? null : firstMeasured - commissionedDaysBefore;
    const type = random.chance(0.1) ? null : random.pick(DEVICE_TYPES);
    const supplier = random.pick(SUPPLIERS);
    for (let position = firstMonth; position <= lastMonth; position++) {
      if (position > firstMonth && random.chance(0.1)) continue; // missing from one snapshot
      const month = months[position];
      const measured = lastDayOfMonthSerial(month);
      const interrogated: Cell = random.chance(0.25)
        ? dateCell(random, measured + random.pick([-40, -1, 0, 1, 5]))
        : random.chance(0.7)
          ? random.pick(YES_FORMS)
          : random.pick(NO_FORMS);
      rows.push([
        periodCell(random, month),
        idCell(random, number),
        type === null ? random.pick([null, ""]) : random.pick([type, type.toLowerCase()]),
        supplier,
        commissioned === null ? null : dateCell(random, commissioned),
        interrogated,
        random.chance(0.85) ? random.pick(YES_FORMS) : random.pick(NO_FORMS),
        countCell(random),
        countCell(random),
        countCell(random),
      ]);
    }
  }
  return rows;
}

/** A cell as CSV text: TRUE/FALSE as Excel writes them, quoted when it must be. */
function csvField(value: Cell): string {
  if (value === null) return "";
  const text = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly Cell[][]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
