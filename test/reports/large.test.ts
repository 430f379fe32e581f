import { buildPciLayout, buildPciModel, buildReports, checkInputs, detectInputs } from "../../src/reports";
import { serialFromYmd } from "../../src/sec";

/** 200,000 device rows: 100,000 devices in each of December 2017 and January 2018. */
function largeGrid(): unknown[][] {
  const values: unknown[][] = [
    [
      "Period",
      "Device ID",
      "Device Type",
      "Supplier ID",
      "Commissioned",
      "Interrogated",
      "RTA",
      "SRV 6.17",
      "SRV 6.15.2",
      "SRV 6.15.1",
    ],
  ];
  const commissioned = serialFromYmd(2017, 6, 1);
  for (const [period, failEvery] of [
    ["2017-12", 4],
    ["2018-01", 5],
  ] as const) {
    for (let index = 0; index < 100_000; index++) {
      const id = `00-00-00-00-00-${index
        .toString(16)
        .toUpperCase()
        .padStart(6, "0")
        .replace(/(..)(..)(..)/, "$1-$2-$3")}`;
      values.push([
        period,
        id,
        index % 2 === 0 ? "ESME" : "GSME",
        "",
        commissioned,
        true,
        index % failEvery !== 0,
        2,
        2,
        2,
      ]);
    }
  }
  return values;
}

describe("200,000 device rows", () => {
  it("check and build with the right counts", () => {
    const data = checkInputs(detectInputs([{ sheet: "Devices", row: 0, col: 0, values: largeGrid() }]));
    expect(data.problems).toEqual([]);
    expect(data.devices).toHaveLength(200_000);
    const options = { period: "2018-01", reports: ["pci" as const], redactCsr: false };
    const model = buildPciModel(data, options);
    // December lists every 4th device, January every 5th.
    expect(model.trend.slice(4).map((month) => month.listed)).toEqual([25_000, 20_000]);
    expect(model.current.added).toBe(15_000); // every 5th, not every 20th
    expect(model.current.removed).toBe(20_000); // every 4th, not every 20th
    expect(model.current.criteria).toEqual([0, 20_000, 0, 0, 0]);
    const layout = buildPciLayout(model);
    const table = layout.tables.find((spec) => spec.name === "PCI_2018_01");
    expect(table?.rowCount).toBe(20_000);
    const block = layout.values.find((candidate) => candidate.row === table?.row);
    expect(block?.values).toHaveLength(20_001);
    expect(block?.values[1]).toEqual([
      "00-00-00-00-00-00-00-00",
      "ESME",
      "",
      serialFromYmd(2017, 6, 1),
      244,
      "b",
      "No",
    ]);
    expect(buildReports(data, options).layouts.map((sheet) => sheet.name)).toEqual([
      "Post Commissioning Jan-2018",
      "DCC Reporting Jan-2018",
    ]);
  });
});
