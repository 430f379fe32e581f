/**
 * A small hand-made workbook whose report figures are worked out by hand in the tests.
 * Device IDs end in the device's number (D1 … D8); U1 … U9 and S1 … S5 likewise.
 */
import { serialFromYmd } from "../../src/sec";
import { type ReportOptions, type SourceGrid, checkInputs, detectInputs } from "../../src/reports";

export const user = (n: number): string => `0A-00-00-00-00-00-00-0${n}`;
export const subscriber = (n: number): string => `0B-00-00-00-00-00-00-0${n}`;
export const device = (n: number): string => `0D-00-00-00-00-00-00-D${n}`;
export const SUPPLIER_A = "5A-00-00-00-00-00-00-0A";
export const SUPPLIER_B = "5B-00-00-00-00-00-00-0B";

const d = serialFromYmd;

export const srGrid: SourceGrid = {
  sheet: "Service Requests",
  row: 0,
  col: 0,
  values: [
    ["User ID", "Period", "User Name", "Role", "Forecast", "Actual"],
    [user(9), "2018-01", "Nine", "OU", 50, 40],
    [user(1).toLowerCase(), "2018-01", "One", "IS", 100, 90],
    [user(2).replace(/-/g, ""), "2018-01", "Two", "ES", 100, 110],
    [user(3), "2018-01", "Three", "GS", 10, 9],
    [user(4), "2018-01", "Four", "ED", 90, 99],
    [user(5), "2018-01", "Five", "GT", null, 40],
    [user(6), "2018-01", "Six", "RSA", 0, 5],
    [user(7), "2018-01", "Seven", "IS", 200, 205],
    [user(8), "2018-01", "Eight", "", null, null],
    [user(1), "2017-12", "One", "IS", 100, 500],
  ],
};

export const csrGrid: SourceGrid = {
  sheet: "CSRs",
  row: 0,
  col: 0,
  values: [
    ["Period", "Subscriber ID", "Subscriber Name", "Forecast", "Actual"],
    ["2018-01", subscriber(5), "Five Energy", 20, 30],
    ["2018-01", subscriber(3).toLowerCase(), "Three Power", 100, 110],
    ["2018-01", subscriber(1), "One Gas", 100, 50],
    ["2018-01", subscriber(4), "Four Ltd", 0, 0],
    ["2018-01", subscriber(2).replace(/-/g, ""), "Two plc", null, 7],
  ],
};

export const DEVICE_HEADERS = [
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
];

/** Snapshots for Oct-2017, Dec-2017 and Jan-2018 (none for Aug, Sep and Nov). */
export const devicesGrid: SourceGrid = {
  sheet: "Devices",
  row: 0,
  col: 0,
  values: [
    DEVICE_HEADERS,
    // October (measured 31/10/2017)
    ["2017-10", device(1), "ESME", SUPPLIER_A, d(2017, 9, 1), "Yes", "No", 2, 2, 2], // b
    ["2017-10", device(2), "ESME", SUPPLIER_A, d(2017, 10, 28), "No", "No", 0, 0, 0], // 3 days: not due
    ["2017-10", device(3), "GSME", SUPPLIER_B, d(2017, 9, 15), "Yes", "Yes", 2, 2, 2], // complete
    // December (measured 31/12/2017)
    ["2017-12", device(1), "ESME", SUPPLIER_A, d(2017, 9, 1), "Yes", "No", 2, 2, 2], // b
    ["2017-12", device(2), "ESME", SUPPLIER_A, d(2017, 10, 28), "No", "Yes", 1, 2, 2], // a, c
    ["2017-12", device(3), "GSME", SUPPLIER_B, d(2017, 9, 15), "Yes", "Yes", 2, 2, 2], // complete
    ["2017-12", device(4), "CHF", SUPPLIER_B, d(2017, 12, 24), "No", "No", 0, 0, 0], // 7 days: not due
    ["2017-12", device(5), "GSME", SUPPLIER_B, d(2017, 12, 1), d(2017, 12, 20), "Yes", 2, 1, 2], // d
    // January (measured 31/01/2018)
    ["2018-01", device(1), "ESME", SUPPLIER_A, d(2017, 9, 1), "Yes", "Yes", 2, 2, 2], // fixed: removed
    ["2018-01", device(2), "ESME", SUPPLIER_A, d(2017, 10, 28), "No", "Yes", 2, 2, 2], // a
    ["2018-01", device(3), "GSME", SUPPLIER_B, d(2017, 9, 15), "Yes", "Yes", 2, 2, 2], // complete
    ["2018-01", device(4), "CHF", SUPPLIER_B, d(2017, 12, 24), "No", "No", 0, 0, 0], // a,b,c,d,e: added
    ["2018-01", device(5), "GSME", SUPPLIER_B, d(2017, 12, 1), d(2018, 2, 3), "Yes", 2, 2, 2], // a (late date)
    ["2018-01", device(6), "", "", d(2018, 1, 23), "Yes", "Yes", 2, 2, 1], // 8 days, e: added
    ["2018-01", device(7), "IHD", SUPPLIER_A, d(2018, 1, 24), "No", "No", 0, 0, 0], // 7 days: not due
    ["2018-01", device(8), "IHD", SUPPLIER_A, null, "No", "No", 0, 0, 0], // not commissioned
  ],
};

export function fixtureData() {
  const data = checkInputs(detectInputs([srGrid, csrGrid, devicesGrid]));
  if (data.problems.length > 0) throw new Error(data.problems.map((problem) => problem.message).join("\n"));
  return data;
}

export const JANUARY: ReportOptions = { period: "2018-01", reports: ["sr", "csr", "pci"], redactCsr: false };
