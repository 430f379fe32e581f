import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  FINGERPRINT_VERSION,
  canonicalLines,
  checkInputs,
  compareCodePoints,
  detectInputs,
  reportFingerprints,
  shownFingerprint,
  type CheckedData,
  type ReportChoice,
  type SourceGrid,
} from "../../src/reports";
import { nodeSha256Lines } from "../../src/cli/sha256";
import { csrGrid, devicesGrid, srGrid, user } from "./fixture";

const REPORTS: ReportChoice[] = ["sr", "csr", "pci"];

function check(grids: SourceGrid[]): CheckedData {
  const data = checkInputs(detectInputs(grids));
  expect(data.problems).toEqual([]);
  return data;
}

function fingerprints(grids: SourceGrid[]): Promise<Partial<Record<ReportChoice, string>>> {
  return reportFingerprints(check(grids), "2018-01", REPORTS, nodeSha256Lines);
}

/** The grid with its data rows reversed and its columns in reverse order. */
function shuffled(grid: SourceGrid): SourceGrid {
  const [header, ...rows] = grid.values;
  const reverse = (row: unknown[]): unknown[] => row.slice().reverse();
  return {
    ...grid,
    sheet: `${grid.sheet} (copy)`,
    values: [reverse(header), ...rows.reverse().map(reverse)],
  };
}

const grids = [srGrid, csrGrid, devicesGrid];

test("the canonical form: version line, field names, then the records sorted, IDs normalised", () => {
  const lines = canonicalLines(check(grids), "sr", "2018-01");
  expect(lines[0]).toBe(`${FINGERPRINT_VERSION}\tsr\t2018-01`);
  expect(lines[1]).toBe("period\tuser_id\tuser_name\tuser_role\tforecast\tactual");
  // fixture: user 1 typed in lower case, user 5 with no forecast; December's row is not used.
  expect(lines).toContain(`2018-01\t${user(1)}\tOne\tIS\t100\t90`);
  expect(lines).toContain(`2018-01\t${user(5)}\tFive\tGT\t\t40`);
  expect(lines.filter((line) => line.startsWith("2017-12"))).toEqual([]);
  const records = lines.slice(2);
  expect(records).toEqual(records.slice().sort(compareCodePoints));
  expect(records).toHaveLength(9);
});

test("a reviewer can recompute the fingerprint with sha256sum from the documented form", async () => {
  const lines = canonicalLines(check(grids), "pci", "2018-01");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dcc-fingerprint-"));
  const file = path.join(dir, "canonical.txt");
  await fs.writeFile(file, lines.map((line) => line + "\n").join(""), "utf8");
  const sha256sum = spawnSync("sha256sum", [file], { encoding: "utf8" });
  await fs.rm(dir, { recursive: true, force: true });
  expect(sha256sum.status).toBe(0);
  expect(sha256sum.stdout.slice(0, 64)).toBe(await nodeSha256Lines(lines));
  // Sorted as LC_ALL=C sort sorts the UTF-8 bytes.
  const sorted = spawnSync("sort", [], {
    input: lines.slice(2).join("\n") + "\n",
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C" },
  });
  expect(sorted.stdout).toBe(lines.slice(2).join("\n") + "\n");
});

test("row order, column order and the file (sheet names, positions) do not change any fingerprint", async () => {
  const original = await fingerprints(grids);
  expect(await fingerprints(grids.map(shuffled))).toEqual(original);
  for (const report of REPORTS) expect(original[report]).toMatch(/^[0-9a-f]{64}$/);
  expect(new Set(Object.values(original)).size).toBe(3);
  expect(shownFingerprint(original.sr!)).toBe(original.sr!.slice(0, 16));
});

test("one changed count changes that report's fingerprint and no other", async () => {
  const original = await fingerprints(grids);
  const changeCell = (grid: SourceGrid, row: number, col: number, value: unknown): SourceGrid => ({
    ...grid,
    values: grid.values.map((line, index) =>
      index === row ? line.map((cell, c) => (c === col ? value : cell)) : line
    ),
  });
  const srActual = srGrid.values[0].indexOf("Actual");
  const changedSr = await fingerprints([changeCell(srGrid, 1, srActual, 41), csrGrid, devicesGrid]);
  expect(changedSr.sr).not.toBe(original.sr);
  expect([changedSr.csr, changedSr.pci]).toEqual([original.csr, original.pci]);

  const csrForecast = csrGrid.values[0].indexOf("Forecast");
  const changedCsr = await fingerprints([srGrid, changeCell(csrGrid, 1, csrForecast, 1234), devicesGrid]);
  expect(changedCsr.csr).not.toBe(original.csr);
  expect([changedCsr.sr, changedCsr.pci]).toEqual([original.sr, original.pci]);

  const header = devicesGrid.values[0].map(String);
  const countCol = header.findIndex((name) => /Issue Security/i.test(name));
  const lastRow = devicesGrid.values.length - 1;
  const before = Number(devicesGrid.values[lastRow][countCol] ?? 0);
  const changedPci = await fingerprints([
    srGrid,
    csrGrid,
    changeCell(devicesGrid, lastRow, countCol, before + 1),
  ]);
  expect(changedPci.pci).not.toBe(original.pci);
  expect([changedPci.sr, changedPci.csr]).toEqual([original.sr, original.csr]);
});

test("text with tabs, line breaks and backslashes is escaped, so fields and lines stay apart", async () => {
  const tricky = {
    ...srGrid,
    values: srGrid.values.map((line, index) =>
      index === 1 ? line.map((cell, c) => (c === 2 ? "A\tB\\C\nD" : cell)) : line
    ),
  };
  const lines = canonicalLines(check([tricky]), "sr", "2018-01");
  expect(lines).toContain(`2018-01\t${user(9)}\tA\\tB\\\\C\\nD\tOU\t50\t40`);
  expect(lines.every((line) => !line.includes("\n"))).toBe(true);
});

test("code point order puts characters above U+FFFF after U+E000-FFFF, as UTF-8 byte order does", () => {
  const words = ["\u{1F600}", "\uFFFD", "a", "Z"];
  const byBytes = words.slice().sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  expect(words.slice().sort(compareCodePoints)).toEqual(byBytes);
});

describe("the SR fingerprint covers the by-Service detail and the Service Metrics (H3.24 (a) and (b))", () => {
  const servicesGrid: SourceGrid = {
    sheet: "Service Requests",
    row: 0,
    col: 0,
    values: [
      ["Period", "User ID", "User Name", "Service", "Forecast", "Actual"],
      ["2018-01", user(1), "One", "Read Inventory", 100, 90],
      ["2018-01", user(1), "One", "Update Tariff", 50, 70],
    ],
  };
  const metricsGrid: SourceGrid = {
    sheet: "Service Metrics",
    row: 0,
    col: 0,
    values: [
      ["Period", "User ID", "User Name", "Metric", "Value", "Threshold", "Breach When"],
      ["2018-01", user(1), "One", "Response time", 4.5, 5, "above"],
      ["2018-01", user(2), "Two", "Response time", null, 5, ""],
    ],
  };
  const withCell = (grid: SourceGrid, row: number, col: number, value: unknown): SourceGrid => ({
    ...grid,
    values: grid.values.map((line, index) =>
      index === row ? line.map((c, i) => (i === col ? value : c)) : line
    ),
  });
  const srPrint = async (...grids: SourceGrid[]): Promise<string | undefined> =>
    (await reportFingerprints(check(grids), "2018-01", ["sr"], nodeSha256Lines)).sr;

  test("sections follow the Users' totals, each named and sorted", () => {
    const lines = canonicalLines(check([servicesGrid, metricsGrid]), "sr", "2018-01");
    expect(lines.slice(3)).toEqual([
      "#services\tperiod\tuser_id\tservice\tforecast\tactual",
      `2018-01\t${user(1)}\tRead Inventory\t100\t90`,
      `2018-01\t${user(1)}\tUpdate Tariff\t50\t70`,
      "#metrics\tperiod\tuser_id\tuser_name\tmetric\tvalue\tthreshold\tbreach_when",
      `2018-01\t${user(1)}\tOne\tResponse time\t4.5\t5\tabove`,
      `2018-01\t${user(2)}\tTwo\tResponse time\t\t5\tabove`,
    ]);
  });

  test("moving Service Requests between Services, or one metric value, changes the SR fingerprint", async () => {
    const original = await srPrint(servicesGrid, metricsGrid);
    // Same User totals (150 forecast, 160 actual), split differently between the Services.
    const moved = withCell(withCell(servicesGrid, 1, 5, 80), 2, 5, 80);
    expect(await srPrint(moved, metricsGrid)).not.toBe(original);
    expect(await srPrint(servicesGrid, withCell(metricsGrid, 1, 4, 5.5))).not.toBe(original);
    expect(await srPrint(servicesGrid, metricsGrid)).toBe(original);
  });
});
