/**
 * Inputs for the custom-function cases, shaped the way Excel passes a range to a custom function: an array
 * of rows, each an array of cell values. Realistic cells: mostly numbers, some blanks (null or "", as
 * different Excel platforms send them) and a few numbers stored as text. No bad values: every case
 * measures the normal path, and its hand-loop baseline must produce the same result.
 */
import { serialFromYmd } from "../../src/sec";
import { Prng } from "./prng";

/** The rows of a full Excel column below a header row. */
export const FULL_COLUMN_ROWS = 1_048_575;

type Cell = string | number | boolean | null;
export type Column = Cell[][];

/** A number, sometimes as text (as when a column was pasted from a CSV). */
function maybeText(prng: Prng, value: number, textShare: number): Cell {
  return prng.chance(textShare) ? String(value) : value;
}

/** Excel sends a blank cell as null on some platforms and "" on others. */
function blank(prng: Prng): Cell {
  return prng.chance(0.5) ? null : "";
}

export interface VarianceInputs {
  actual: Column;
  forecast: Column;
}

/** Forecasts of 1 to ~20,000 requests (3% blank, 2% zero), actuals within about ±30% of them. */
export function varianceInputs(rows: number, seed = 1): VarianceInputs {
  const prng = new Prng(seed);
  const actual: Column = new Array<Cell[]>(rows);
  const forecast: Column = new Array<Cell[]>(rows);
  for (let row = 0; row < rows; row++) {
    const roll = prng.next();
    const forecastValue = roll < 0.03 ? null : roll < 0.05 ? 0 : Math.round(Math.exp(prng.next() * 10));
    let actualValue: number;
    if (forecastValue === null || forecastValue === 0) actualValue = prng.chance(0.5) ? 0 : prng.int(1, 50);
    else if (prng.chance(0.02)) actualValue = prng.chance(0.5) ? forecastValue * 0.9 : forecastValue * 1.1;
    else actualValue = Math.round(forecastValue * (0.7 + prng.next() * 0.6));
    forecast[row] = [forecastValue === null ? blank(prng) : maybeText(prng, forecastValue, 0.03)];
    actual[row] = [actualValue === 0 && prng.chance(0.3) ? blank(prng) : maybeText(prng, actualValue, 0.03)];
  }
  return { actual, forecast };
}

export interface PciInputs {
  commissioned: Column;
  /** A single cell ($B$1 in a sheet), repeated against the ranges. */
  measured: Column;
  interrogated: Column;
  recoveryAnchor: Column;
  issueSc: Column;
  updateScDevice: Column;
  updateScKrp: Column;
}

function countCell(prng: Prng): Cell {
  const roll = prng.next();
  if (roll < 0.02) return blank(prng);
  const count = roll < 0.1 ? prng.int(0, 1) : prng.int(2, 4);
  return maybeText(prng, count, 0.02);
}

/** Devices commissioned over two years up to the measurement date 31/01/2018, in every PCI state. */
export function pciInputs(rows: number, seed = 2): PciInputs {
  const prng = new Prng(seed);
  const measuredSerial = serialFromYmd(2018, 1, 31);
  const firstCommissioned = serialFromYmd(2016, 2, 1);
  const inputs: PciInputs = {
    commissioned: new Array<Cell[]>(rows),
    measured: [[measuredSerial]],
    interrogated: new Array<Cell[]>(rows),
    recoveryAnchor: new Array<Cell[]>(rows),
    issueSc: new Array<Cell[]>(rows),
    updateScDevice: new Array<Cell[]>(rows),
    updateScKrp: new Array<Cell[]>(rows),
  };
  for (let row = 0; row < rows; row++) {
    const commissioned = prng.int(firstCommissioned, measuredSerial);
    inputs.commissioned[row] = [prng.chance(0.01) ? blank(prng) : commissioned];
    const interrogatedRoll = prng.next();
    inputs.interrogated[row] = [
      interrogatedRoll < 0.8
        ? true
        : interrogatedRoll < 0.88
          ? false
          : interrogatedRoll < 0.96
            ? prng.int(commissioned, measuredSerial + 20) // a date, sometimes after the measurement date
            : prng.pick(["Yes", "no", "Y", "N"]),
    ];
    const anchorRoll = prng.next();
    inputs.recoveryAnchor[row] = [
      anchorRoll < 0.9 ? true : anchorRoll < 0.98 ? false : prng.pick(["Y", "N"]),
    ];
    inputs.issueSc[row] = [countCell(prng)];
    inputs.updateScDevice[row] = [countCell(prng)];
    inputs.updateScKrp[row] = [countCell(prng)];
  }
  return inputs;
}

/** Every month from 1995 to 2100, alternately as a date in the month and as "YYYY-MM" text. */
export function everyMonthPeriods(): Cell[] {
  const periods: Cell[] = [];
  for (let year = 1995; year <= 2100; year++) {
    for (let month = 1; month <= 12; month++) {
      periods.push(
        periods.length % 2 === 0
          ? serialFromYmd(year, month, 15)
          : `${year}-${String(month).padStart(2, "0")}`
      );
    }
  }
  return periods;
}
