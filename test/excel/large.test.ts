/** @jest-environment jsdom */
/**
 * Large writes: a full-height device table stays under the request limit, and the number of syncs
 * follows the bytes written, not the number of rows or cells.
 */
import type { CellValue, SheetLayout } from "../../src/reports/layout";
import { writeLayouts } from "../../src/excel/write";
import { uninstallHost, useHost } from "./helpers";

afterEach(() => uninstallHost());

const HEADERS = [
  "Device ID",
  "Device Type",
  "Supplier ID",
  "Commissioned",
  "Days Commissioned",
  "Reasons",
  "New This Month",
];

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, "0");
}

/** A PCI-shaped row: IDs, type, a date serial, a count, reasons, a flag. */
function deviceRow(i: number): CellValue[] {
  const id = hex(i, 8);
  return [
    `90-B3-D5-1F-${id.slice(0, 2)}-${id.slice(2, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`,
    i % 3 === 0 ? "GSME" : "ESME",
    "00-00-00-00-00-00-00-0" + (i % 7),
    43000 + (i % 300),
    8 + (i % 90),
    i % 2 === 0 ? "a,c" : "b",
    i % 5 === 0 ? "Yes" : "",
  ];
}

function tableLayout(
  name: string,
  headers: string[],
  rows: CellValue[][],
  formats: (string | null)[]
): SheetLayout {
  return {
    name,
    kind: "pci",
    classification: "AMBER: SEC Panel only",
    tabColor: "#2F5597",
    values: [{ row: 0, col: 0, values: [headers, ...rows] }],
    styles: [{ row: 0, col: 0, rowCount: 1, colCount: headers.length, style: { bold: true } }],
    tables: [
      {
        name: name.replace(/\W/g, "_"),
        row: 0,
        col: 0,
        headers,
        rowCount: rows.length,
        columnFormats: formats,
        style: "TableStyleLight9",
      },
    ],
    conditionalFormats: [],
    charts: [],
    columnWidths: headers.map(() => 14),
    freezeRows: 1,
  };
}

test("a device table of 1,048,575 rows: every request under 4 MB, syncs in proportion to bytes", async () => {
  const rowCount = 1_048_575;
  const rows = new Array<CellValue[]>(rowCount);
  for (let i = 0; i < rowCount; i++) rows[i] = deviceRow(i);
  const layout = tableLayout("Post Commissioning Jan-2018", HEADERS, rows, [
    null,
    null,
    null,
    "dd/mm/yyyy",
    "0",
    null,
    null,
  ]);
  const host = useHost();
  const result = await writeLayouts([layout], { confirmReplace: async () => true });

  const sizes = host.requestSizes();
  const largest = Math.max(...sizes);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  console.log(
    `1,048,575 device rows: ${result.syncs} syncs, ${result.requests} write requests, ` +
      `largest request ${largest} bytes (estimated ${result.largestRequestBytes}), ${totalBytes} bytes in all`
  );
  expect(largest).toBeLessThanOrEqual(4_000_000);
  expect(result.largestRequestBytes).toBeGreaterThanOrEqual(largest);
  // Batches are full: the count is close to the bytes divided by the limit, far below one per row.
  expect(result.requests).toBeLessThanOrEqual(Math.ceil(totalBytes / 4_000_000) + 3);
  const table = host.tables()[0];
  expect(table).toMatchObject({
    name: "Post_Commissioning_Jan_2018",
    address: "A1:G1048576",
    headers: HEADERS,
  });
  const last = host.values("Post Commissioning Jan-2018", "A1048576:G1048576")[0];
  expect(last).toEqual(rows[rowCount - 1].map((v) => (v === null ? "" : v)));
  expect(host.numberFormats("Post Commissioning Jan-2018", "C1048576:E1048576")).toEqual([
    ["General", "dd/mm/yyyy", "0"],
  ]);
}, 600_000); // the real client takes about a minute here, longer on a loaded machine

describe("the number of syncs follows the bytes written", () => {
  const maxRequestBytes = 128 * 1024;

  /** Requests that carried values (batches), for a table of rowCount x width cells of about textLength characters. */
  async function writeRequests(rowCount: number, width: number, textLength: number): Promise<number> {
    const headers = Array.from({ length: width }, (_, c) => `Column ${c + 1}`);
    const rows = Array.from({ length: rowCount }, (_, r) =>
      headers.map((_, c) => `${r}:${c}:`.padEnd(textLength, "x"))
    );
    const host = useHost();
    const result = await writeLayouts(
      [
        tableLayout(
          "Sheet A",
          headers,
          rows,
          headers.map(() => null)
        ),
      ],
      {
        confirmReplace: async () => true,
        maxRequestBytes,
      }
    );
    expect(Math.max(...host.requestSizes())).toBeLessThanOrEqual(maxRequestBytes);
    return result.requests - 1; // the final rename batch carries no values
  }

  test("twice the rows, twice the width, or twice the text: about twice the requests; twice the cells of half the text: the same", async () => {
    const base = await writeRequests(20_000, 4, 20);
    const doubleRows = await writeRequests(40_000, 4, 20);
    const doubleWidth = await writeRequests(20_000, 8, 20);
    // Each cell is the text, an apostrophe, two quotes escaped in the envelope (4 bytes) and a comma: 26 -> 52 bytes.
    const doubleText = await writeRequests(20_000, 4, 46);
    const doubleCellsHalfText = await writeRequests(40_000, 4, 7); // 2 x (7+6) bytes = 26 bytes a cell
    console.log({ base, doubleRows, doubleWidth, doubleText, doubleCellsHalfText });
    for (const doubled of [doubleRows, doubleWidth, doubleText]) {
      expect(doubled / base).toBeGreaterThan(1.75);
      expect(doubled / base).toBeLessThan(2.25);
    }
    expect(doubleCellsHalfText / base).toBeGreaterThan(0.85);
    expect(doubleCellsHalfText / base).toBeLessThan(1.2);
  });
});
