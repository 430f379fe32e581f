import {
  INPUT_FIELDS,
  cellAddress,
  columnLetters,
  detectInputs,
  mapColumns,
  unusedGrids,
  type SourceGrid,
} from "../../src/reports";

function grid(sheet: string, headers: unknown[], rows: unknown[][] = []): SourceGrid {
  return { sheet, row: 0, col: 0, values: [headers, ...rows] };
}

describe("mapColumns", () => {
  it.each([
    ["UserID", "userId"],
    ["User Id", "userId"],
    ["user", "userId"],
    ["USER_ID", "userId"],
    ["SR Forecast", "forecast"],
    ["Forecast Volume", "forecast"],
    ["Actual", "actual"],
    ["Sent", "actual"],
    ["Actual Volume", "actual"],
    ["Month", "period"],
    ["Reporting Month", "period"],
    ["Period", "period"],
    ["Role", "userRole"],
    ["User Name", "userName"],
    ["Service", "service"],
  ])("SR header %p -> %p", (header, field) => {
    expect(mapColumns("sr", ["x", header])).toEqual({ [field]: 1 });
  });

  it.each([
    ["Subscriber", "subscriberId"],
    ["Authorised Subscriber", "subscriberId"],
    ["Subscriber ID", "subscriberId"],
    ["Subscriber Name", "subscriberName"],
    ["CSR Forecast", "forecast"],
    ["CSRs sent", "actual"],
  ])("CSR header %p -> %p", (header, field) => {
    expect(mapColumns("csr", [header])).toEqual({ [field]: 0 });
  });

  it.each([
    ["Device", "deviceId"],
    ["Device ID", "deviceId"],
    ["DeviceID", "deviceId"],
    ["Device Type", "deviceType"],
    ["Supplier", "supplierId"],
    ["Commissioned", "commissioned"],
    ["Commissioned Date", "commissioned"],
    ["Date Commissioned", "commissioned"],
    ["Commissioned (date)", "commissioned"],
    ["Interrogated", "interrogated"],
    ["DCC Interrogation", "interrogated"],
    ["Recovery Trust Anchor", "recoveryAnchor"],
    ["Recovery Anchor", "recoveryAnchor"],
    ["RTA", "recoveryAnchor"],
    ["Issue Security Credentials", "issueSecurityCredentials"],
    ["SRV 6.17", "issueSecurityCredentials"],
    ["Issue Security Credentials (SRV 6.17) count", "issueSecurityCredentials"],
    ["Update Security Credentials (Device)", "updateSecurityCredentialsDevice"],
    ["SRV 6.15.2", "updateSecurityCredentialsDevice"],
    ["Update Security Credentials (KRP)", "updateSecurityCredentialsKrp"],
    ["srv 6.15.1", "updateSecurityCredentialsKrp"],
  ])("Devices header %p -> %p", (header, field) => {
    expect(mapColumns("devices", [header])).toEqual({ [field]: 0 });
  });

  it("ignores unknown and blank headers, and keeps the first of two columns for one field", () => {
    expect(mapColumns("sr", ["Notes", null, "User ID", "", "User", 42])).toEqual({ userId: 2 });
  });
});

describe("detectInputs", () => {
  const devicesHeaders = [
    "SRV 6.15.1",
    "Commissioned",
    "RTA",
    "Device ID",
    "Period",
    "SRV 6.17",
    "Interrogated",
    "SRV 6.15.2",
  ];

  it("finds each kind by its headers in any column order", () => {
    const detected = detectInputs([
      grid("Notes", ["Comment", "Owner"], [["hello", "me"]]),
      grid("Devs", devicesHeaders, [[0, 43000, "Y", "0000000000000001", "2018-01", 2, "Y", 2]]),
      grid("CSR data", ["Actual", "Forecast", "Authorised Subscriber", "Month"], [[1, 2, "x", "2018-01"]]),
      grid(
        "SR data",
        ["Sent", "SR Forecast", "User Id", "Reporting Month", "Role"],
        [[1, 2, "x", "2018-01", "IS"], []]
      ),
    ]);
    expect(detected.map((input) => [input.source.sheet, input.kind, input.rowCount, input.missing])).toEqual([
      ["Devs", "devices", 1, []],
      ["CSR data", "csr", 1, []],
      ["SR data", "sr", 2, []],
    ]);
    expect(detected[0].columns).toEqual({
      updateSecurityCredentialsKrp: 0,
      commissioned: 1,
      recoveryAnchor: 2,
      deviceId: 3,
      period: 4,
      issueSecurityCredentials: 5,
      interrogated: 6,
      updateSecurityCredentialsDevice: 7,
    });
    expect(detected[2].columns).toEqual({ actual: 0, forecast: 1, userId: 2, period: 3, userRole: 4 });
  });

  it("lists the required fields that have no column", () => {
    const [devices] = detectInputs([grid("D", ["Device ID", "Commissioned", "Period"])]);
    expect(devices.kind).toBe("devices");
    expect(devices.missing).toEqual([
      "interrogated",
      "recoveryAnchor",
      "issueSecurityCredentials",
      "updateSecurityCredentialsDevice",
      "updateSecurityCredentialsKrp",
    ]);
    const [sr] = detectInputs([grid("S", ["User", "Actual"])]);
    expect(sr.kind).toBe("sr");
    expect(sr.missing).toEqual(["period", "forecast"]);
  });

  it("prefers Devices, then CSR, then SR when a grid has several ID columns", () => {
    const kinds = detectInputs([
      grid("a", ["Device ID", "Commissioned", "User ID", "Subscriber"]),
      grid("b", ["Device ID", "User ID", "Subscriber"]),
      grid("c", ["Device ID", "User ID"]),
    ]).map((input) => input.kind);
    expect(kinds).toEqual(["devices", "csr", "sr"]);
  });

  it("reads a look-alike table as the input whose required columns it has", () => {
    const lookAlikes = detectInputs([
      // Device ID looks like Devices, but only the Service Requests columns are all there.
      grid("a", ["Period", "User ID", "Forecast", "Actual", "Device ID", "Commissioned"]),
      // A Subscriber column does not make CSRs of a complete Service Requests table.
      grid("b", ["Period", "User ID", "Subscriber", "SR Forecast", "SRs Sent"]),
      // Complete for CSRs and for Service Requests: the earlier in the order wins.
      grid("c", ["Period", "Subscriber ID", "User ID", "Forecast", "Actual"]),
    ]);
    expect(lookAlikes.map((input) => [input.source.sheet, input.kind, input.missing])).toEqual([
      ["a", "sr", []],
      ["b", "sr", []],
      ["c", "csr", []],
    ]);
  });

  it("lists the grids that are no input as unused, and only those", () => {
    const grids = [
      { sheet: "E", row: 0, col: 0, values: [] },
      grid("Notes", ["Note", "Author"]),
      grid("X", ["Device ID"]),
      grid("S", ["User", "Actual"]),
    ];
    expect(unusedGrids(grids).map((unused) => unused.sheet)).toEqual(["E", "Notes", "X"]);
  });

  it("leaves out empty grids and grids that match no kind", () => {
    expect(detectInputs([{ sheet: "E", row: 0, col: 0, values: [] }, grid("X", ["Device ID"])])).toEqual([]);
  });

  it("has a label for every field, and optional fields only where the SPEC says so", () => {
    const optional = Object.fromEntries(
      Object.entries(INPUT_FIELDS).map(([kind, fields]) => [
        kind,
        fields.filter((f) => !f.required).map((f) => f.field),
      ])
    );
    expect(optional).toEqual({
      sr: ["userName", "userRole", "service"],
      csr: ["subscriberName"],
      devices: ["deviceType", "supplierId"],
      metrics: ["userName", "breachWhen"],
    });
  });
});

describe("cellAddress", () => {
  it.each([
    [0, 0, "A1"],
    [11, 2, "C12"],
    [0, 25, "Z1"],
    [4, 26, "AA5"],
    [1048575, 16383, "XFD1048576"],
  ])("(%p, %p) -> %p", (row, col, address) => {
    expect(cellAddress(row, col)).toBe(address);
  });
  it("names columns past Z", () => {
    expect([columnLetters(51), columnLetters(52), columnLetters(701), columnLetters(702)]).toEqual([
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
