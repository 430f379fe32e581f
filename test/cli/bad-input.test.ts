/** Bad input: every problem named by sheet and cell on stderr, exit status 2, nothing written. */
import * as ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { listDir, makeTempDir, runCli, sha256 } from "./helpers";

describe("a workbook with bad rows", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = await makeTempDir("bad");
    input = path.join(dir, "bad-input.xlsx");
    const workbook = new ExcelJS.Workbook();
    const requests = workbook.addWorksheet("Service Requests");
    requests.addRows([
      ["Period", "User ID", "User Name", "User Role", "Forecast", "Actual"],
      ["2018-01", "90-B3-D5-1F-30-01-00-01", "Northern Lights Energy", "IS", 100, 95],
      ["2018-01", "90-B3-D5-1F-30-01-00-02", "Brightside Power", "ES", 100, -5],
    ]);
    const devices = workbook.addWorksheet("Devices");
    devices.addRows([
      [
        "Period",
        "Device ID",
        "Device Type",
        "Commissioned",
        "Interrogated",
        "Recovery Trust Anchor",
        "Issue Security Credentials",
        "Update Security Credentials (Device)",
        "Update Security Credentials (KRP)",
      ],
      ["2018-01", "90-B3-D5-1F-30-02-00-01", "ESME", "2018-01-02", "Yes", "Yes", 2, 2, 2],
      ["2018-01", "90-B3-XX", "GSME", "2018-01-03", "Yes", "Yes", 2, 2, 2],
    ]);
    await workbook.xlsx.writeFile(input);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("exits 2, names the sheet and cell of each problem, and writes nothing", async () => {
    const hash = await sha256(input);
    const result = await runCli([input]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    // The negative count is in F3 of Service Requests, the bad Device ID in B3 of Devices.
    expect(
      lines.some((line) => line.includes("Service Requests") && line.includes("F3") && /negative/.test(line))
    ).toBe(true);
    expect(lines.some((line) => line.includes("Devices!B3") && line.includes("90-B3-XX"))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^2 problems in .*bad-input\.xlsx; nothing written\.$/);
    expect(await listDir(dir)).toEqual(["bad-input.xlsx"]);
    expect(await sha256(input)).toBe(hash);
  });

  it("writes nothing with an explicit --out either", async () => {
    const out = path.join(dir, "out.xlsx");
    const result = await runCli([input, "--out", out]);
    expect(result.status).toBe(2);
    expect(await listDir(dir)).toEqual(["bad-input.xlsx"]);
  });
});
