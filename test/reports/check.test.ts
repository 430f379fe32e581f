import { serialFromYmd } from "../../src/sec";
import { checkInputs, detectInputs, type SourceGrid } from "../../src/reports";

const DEVICE_HEADERS = [
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
const NOV_1 = serialFromYmd(2017, 11, 1);
const FEB_1 = serialFromYmd(2018, 2, 1);
const GOOD_ID = "00-00-00-00-00-00-00-01";

/** A valid device row for January 2018 with one cell changed. */
function deviceRow(changes: Record<number, unknown> = {}): unknown[] {
  const row: unknown[] = ["2018-01", GOOD_ID, "ESME", "", NOV_1, "Yes", "Yes", 2, 2, 2];
  for (const [index, value] of Object.entries(changes)) row[Number(index)] = value;
  return row;
}

function check(grids: SourceGrid[]) {
  return checkInputs(detectInputs(grids));
}

describe("checkInputs: Devices problems, with sheet addresses", () => {
  // Header at B3 (row 2, col 1): Period is column B, Device ID C, Type D … KRP K; first data row is row 4.
  const devices: SourceGrid = {
    sheet: "Devices",
    row: 2,
    col: 1,
    values: [
      DEVICE_HEADERS,
      deviceRow({ 1: "00-00-00-00-00-00-00-0a" }), // row 4: valid
      deviceRow({ 1: "90-B3-XX" }), // row 5
      deviceRow({ 1: "00-00-00-00-00-00-00-03", 7: -3 }), // row 6
      deviceRow({ 1: "00-00-00-00-00-00-00-04", 8: "abc" }), // row 7
      deviceRow({ 0: "2018-13", 1: "00-00-00-00-00-00-00-05" }), // row 8
      deviceRow({ 1: "00-00-00-00-00-00-00-06", 2: "TOASTER" }), // row 9
      deviceRow({ 1: "" }), // row 10
      deviceRow({ 1: "000000000000000A" }), // row 11: duplicate of row 4
      deviceRow({ 1: "00-00-00-00-00-00-00-07", 4: FEB_1 }), // row 12
      [null, "", "  ", null, null, null, null, null, null, null], // row 13: blank, skipped
      deviceRow({ 1: "00-00-00-00-00-00-00-08", 6: "maybe" }), // row 14
      deviceRow({ 0: null, 1: "00-00-00-00-00-00-00-09" }), // row 15
      deviceRow({ 1: "nope", 9: -1 }), // row 16: two problems, one bad row
      deviceRow({ 1: "00000000000000ff", 2: "gsme", 5: "", 6: "N", 7: "1", 8: null }), // row 17: valid
      deviceRow({ 0: 201801, 1: "00-00-00-00-00-00-00-10" }), // row 18: a number that is not a plausible month
      deviceRow({ 1: "00-00-00-00-00-00-00-11", 4: "31/02/2018" }), // row 19: not a real date
      deviceRow({ 1: "00-00-00-00-00-00-00-12", 5: "sometimes" }), // row 20
    ],
  };
  const data = check([devices]);

  it("gives each problem its address and a message naming sheet, cell and problem", () => {
    expect(data.problems.map((problem) => [problem.address, problem.message])).toEqual([
      ["C5", 'Devices!C5: "90-B3-XX" is not a valid Device ID (EUI-64, 16 hex digits)'],
      ["I6", "Devices!I6: Issue Security Credentials: -3 is negative: counts cannot be negative"],
      ["J7", 'Devices!J7: Update Security Credentials (Device): "abc" is not a number'],
      ["B8", 'Devices!B8: Period: "2018-13" is not a month'],
      ["D9", 'Devices!D9: "TOASTER" is not a Device Type (ESME, GSME, CHF, GPF, HCALCS, PPMID, IHD, CAD)'],
      ["C10", "Devices!C10: Device ID is missing"],
      [
        "C11",
        "Devices!C11: duplicate row: Device 00-00-00-00-00-00-00-0A already has a row for January 2018 (row 4)",
      ],
      [
        "F12",
        "Devices!F12: Commissioned 01/02/2018 is after the measurement date 31/01/2018 (the last day of January 2018)",
      ],
      ["H14", expect.stringMatching(/^Devices!H14: Recovery Trust Anchor: "maybe" is not yes or no/)],
      ["B15", "Devices!B15: Period is missing"],
      ["C16", 'Devices!C16: "nope" is not a valid Device ID (EUI-64, 16 hex digits)'],
      ["K16", "Devices!K16: Update Security Credentials (KRP): -1 is negative: counts cannot be negative"],
      ["B18", expect.stringMatching(/^Devices!B18: Period: 201801 is not a reporting month/)],
      ["F19", expect.stringMatching(/^Devices!F19: Commissioned: "31\/02\/2018" is not a real date/)],
      ["G20", expect.stringMatching(/^Devices!G20: Interrogated: "sometimes"/)],
    ]);
  });

  it("reports 0-based sheet coordinates and the kind", () => {
    expect(data.problems[0]).toMatchObject({
      kind: "devices",
      sheet: "Devices",
      row: 4,
      col: 2,
      address: "C5",
    });
  });

  it("leaves out every bad row once, skips blank rows and keeps the good rows, normalised", () => {
    expect(data.badRowCount).toBe(14);
    expect(data.devices).toEqual([
      {
        period: "2018-01",
        deviceId: "00-00-00-00-00-00-00-0A",
        deviceType: "ESME",
        supplierId: "",
        commissioned: NOV_1,
        interrogated: true,
        recoveryAnchor: true,
        issueSecurityCredentials: 2,
        updateSecurityCredentialsDevice: 2,
        updateSecurityCredentialsKrp: 2,
        sourceRow: 3,
      },
      {
        period: "2018-01",
        deviceId: "00-00-00-00-00-00-00-FF",
        deviceType: "GSME",
        supplierId: "",
        commissioned: NOV_1,
        interrogated: false,
        recoveryAnchor: false,
        issueSecurityCredentials: 1,
        updateSecurityCredentialsDevice: 0,
        updateSecurityCredentialsKrp: 2,
        sourceRow: 16,
      },
    ]);
    expect(data.months).toEqual(["2018-01"]);
  });
});

describe("checkInputs: Devices values", () => {
  it("accepts dates as serials and text, interrogation dates, yes/no forms and blank commissioned", () => {
    const data = check([
      {
        sheet: "D",
        row: 0,
        col: 0,
        values: [
          DEVICE_HEADERS,
          deviceRow({
            0: serialFromYmd(2018, 1, 15),
            4: "2017-11-01",
            5: serialFromYmd(2018, 2, 3),
            6: true,
          }),
          deviceRow({
            0: serialFromYmd(2018, 1, 31) + 0.5,
            1: GOOD_ID.replace("01", "02"),
            4: "01/11/2017",
            6: 1,
          }),
          deviceRow({ 1: GOOD_ID.replace("01", "03"), 4: null, 6: "TRUE" }),
          deviceRow({ 1: GOOD_ID.replace("01", "04"), 3: "90b3d51f30010001", 6: "y" }),
          deviceRow({ 1: GOOD_ID.replace("01", "05"), 3: "Big Energy Co" }),
        ],
      },
    ]);
    expect(data.problems).toEqual([]);
    expect(
      data.devices.map((device) => [
        device.period,
        device.commissioned,
        device.interrogated,
        device.recoveryAnchor,
      ])
    ).toEqual([
      ["2018-01", NOV_1, serialFromYmd(2018, 2, 3), true],
      ["2018-01", NOV_1, true, true],
      ["2018-01", null, true, true],
      ["2018-01", NOV_1, true, true],
      ["2018-01", NOV_1, true, true],
    ]);
    expect(data.devices.map((device) => device.supplierId)).toEqual([
      "",
      "",
      "",
      "90-B3-D5-1F-30-01-00-01",
      "Big Energy Co",
    ]);
  });

  it("allows the same device in different months, and catches a duplicate across two grids", () => {
    const first: SourceGrid = {
      sheet: "Dec",
      row: 0,
      col: 0,
      values: [DEVICE_HEADERS, deviceRow({ 0: "2017-12" })],
    };
    const second: SourceGrid = {
      sheet: "Jan",
      row: 0,
      col: 0,
      values: [DEVICE_HEADERS, deviceRow(), deviceRow({ 1: GOOD_ID.toLowerCase() })],
    };
    const data = check([first, second]);
    expect(data.devices.map((device) => device.period)).toEqual(["2017-12", "2018-01"]);
    expect(data.problems.map((problem) => problem.message)).toEqual([
      `Jan!B3: duplicate row: Device ${GOOD_ID} already has a row for January 2018 (row 2)`,
    ]);
    expect(data.months).toEqual(["2017-12", "2018-01"]);
  });

  it("reports a missing required column once and leaves out the grid's rows", () => {
    const headers = DEVICE_HEADERS.filter((header) => header !== "Recovery Trust Anchor");
    const data = check([
      { sheet: "Devices", row: 0, col: 0, values: [headers, ["2018-01", GOOD_ID], ["2018-01", GOOD_ID], []] },
    ]);
    expect(data.problems.map((problem) => [problem.address, problem.message])).toEqual([
      ["J1", 'Devices!J1: no "Recovery Trust Anchor" column: add a column headed "Recovery Trust Anchor"'],
    ]);
    expect(data.devices).toEqual([]);
    expect(data.badRowCount).toBe(2);
  });
});

const SR_HEADERS = ["Period", "User ID", "User Name", "User Role", "Forecast", "Actual"];
const USER_1 = "90-B3-D5-1F-30-01-00-01";
const USER_2 = "90-B3-D5-1F-30-01-00-02";

describe("checkInputs: Service Requests", () => {
  it("reports problems on a sheet whose name needs quotes", () => {
    const data = check([
      {
        sheet: "Service Requests",
        row: 0,
        col: 0,
        values: [
          SR_HEADERS,
          ["2018-01", USER_1, "One", "IS", 100, 90], // row 2
          ["2018-01", USER_2, "Two", "XX", 100, 90], // row 3
          ["2018-01", "90b3d51f30010001", "One again", "IS", 5, 5], // row 4: duplicate of row 2
          ["2018-01", USER_2, "Two", "ES", "n/a", 5], // row 5
          ["2018-01", USER_2, "Two", "Gas Supplier", 10, -1], // row 6
          ["2018-02", USER_2, "Two", "gs", null, null], // row 7: valid, role by code in any case
        ],
      },
    ]);
    expect(data.problems.map((problem) => problem.message)).toEqual([
      `'Service Requests'!D3: "XX" is not a User Role (IS, ES, GS, ED, GT, RSA or OU)`,
      `'Service Requests'!B4: duplicate row: User ${USER_1} already has a row for January 2018 ('Service Requests'!row 2); add a Service column if rows are per Service Request Variant`,
      `'Service Requests'!E5: Forecast: "n/a" is not a number`,
      `'Service Requests'!F6: Actual: -1 is negative: counts cannot be negative`,
    ]);
    expect(data.badRowCount).toBe(4);
    expect(data.sr).toEqual([
      {
        period: "2018-01",
        userId: USER_1,
        userName: "One",
        userRole: "IS",
        services: [],
        forecast: 100,
        actual: 90,
        sourceRow: 1,
      },
      {
        period: "2018-02",
        userId: USER_2,
        userName: "Two",
        userRole: "GS",
        services: [],
        forecast: null,
        actual: 0,
        sourceRow: 6,
      },
    ]);
  });

  it("sums Service rows of a User's month; the forecast is blank only when every row's is", () => {
    const data = check([
      {
        sheet: "SR",
        row: 0,
        col: 0,
        values: [
          ["Period", "User ID", "Service", "User Role", "Forecast", "Actual"],
          ["2018-01", USER_1, "SRV 1.1", "IS", 100, 40],
          ["2018-01", USER_1.toLowerCase(), "SRV 2.1", "", null, "60"],
          ["2018-01", USER_1, "SRV 3.1", "IS", 20, null],
          ["2018-01", USER_2, "SRV 1.1", null, null, 3],
          ["2018-01", USER_2, "SRV 2.1", "ED", "", 4],
        ],
      },
    ]);
    expect(data.problems).toEqual([]);
    expect(data.sr.map((record) => [record.userId, record.userRole, record.forecast, record.actual])).toEqual(
      [
        [USER_1, "IS", 120, 100],
        [USER_2, "ED", null, 7],
      ]
    );
  });
});

describe("checkInputs: CSRs", () => {
  it("always treats a second row for the same Subscriber and month as a duplicate", () => {
    const data = check([
      {
        sheet: "CSR",
        row: 0,
        col: 0,
        values: [
          ["Month", "Subscriber", "Forecast", "Actual"],
          [serialFromYmd(2018, 1, 15), "00-DB-12-34-00-00-00-A1", 10, 11],
          ["2018-01", "00db123400000 0a1", 10, 11],
          ["2018-01", "00db1234000000a1", 10, 11],
        ],
      },
    ]);
    expect(data.problems.map((problem) => problem.message)).toEqual([
      'CSR!B3: "00db123400000 0a1" is not a valid Subscriber ID (EUI-64, 16 hex digits)',
      "CSR!B4: duplicate row: Subscriber 00-DB-12-34-00-00-00-A1 already has a row for January 2018 (CSR!row 2)",
    ]);
    expect(data.csr).toEqual([
      {
        period: "2018-01",
        subscriberId: "00-DB-12-34-00-00-00-A1",
        subscriberName: "",
        forecast: 10,
        actual: 11,
        sourceRow: 1,
      },
    ]);
  });
});

describe("checkInputs: ordering", () => {
  it("orders problems by sheet (first seen), then row, then column", () => {
    const data = check([
      {
        sheet: "B sheet",
        row: 0,
        col: 0,
        values: [SR_HEADERS, ["2018-01", "bad", "", "", -1, 1], ["x", USER_1, "", "", 1, 1]],
      },
      {
        sheet: "A",
        row: 5,
        col: 3,
        values: [
          ["Subscriber", "Month", "Forecast", "Actual"],
          ["bad", "2018-01", 1, 1],
        ],
      },
      {
        sheet: "B sheet",
        row: 0,
        col: 10,
        values: [
          ["Subscriber", "Month", "Forecast", "Actual"],
          ["bad", "2018-01", 1, 1],
        ],
      },
    ]);
    expect(data.problems.map((problem) => `${problem.sheet}!${problem.address}`)).toEqual([
      "B sheet!B2",
      "B sheet!E2",
      "B sheet!K2",
      "B sheet!A3",
      "A!D7",
    ]);
  });
});
