import {
  PRODUCT_NAME,
  PRODUCT_VERSION,
  auditInfo,
  buildReports,
  producedText,
  shownFingerprint,
  type AuditInfo,
  type CellValue,
  type SheetLayout,
} from "../../src/reports";
import { nodeSha256Lines } from "../../src/cli/sha256";
import { JANUARY, fixtureData } from "./fixture";
import packageJson from "../../package.json";

const data = fixtureData();
const PRODUCED = new Date(Date.UTC(2018, 1, 14, 9, 30, 12));

function rowText(layout: SheetLayout, row: number): CellValue[] {
  const cells: CellValue[] = [];
  for (const block of layout.values) {
    const line = block.values[row - block.row];
    if (line) line.forEach((value, index) => (cells[block.col + index] = value));
  }
  return cells;
}

let audit: AuditInfo;
beforeAll(async () => {
  audit = await auditInfo(data, JANUARY, nodeSha256Lines, PRODUCED);
});

test("the product version shown is package.json's", () => {
  expect(PRODUCT_VERSION).toBe(packageJson.version);
  expect(audit.product).toBe(`${PRODUCT_NAME} ${PRODUCT_VERSION}`);
  expect(producedText(PRODUCED)).toBe("2018-02-14 09:30 UTC");
});

test("each report sheet's header block ends with the stamp, and the rest of the sheet moves down", () => {
  const plain = buildReports(data, JANUARY).layouts;
  const stamped = buildReports(data, { ...JANUARY, audit }).layouts;
  for (const [index, layout] of stamped.entries()) {
    const before = plain[index];
    const end = before.headerRows!;
    expect(layout.headerRows).toBe(end + 3);
    expect(rowText(layout, end - 1)[0]).toBe("Classification");
    expect(rowText(layout, end).slice(0, 2)).toEqual(["Produced", "2018-02-14 09:30 UTC"]);
    expect(rowText(layout, end + 1).slice(0, 2)).toEqual(["Product version", audit.product]);
    if (layout.kind === "cover") {
      expect(rowText(layout, end + 2).slice(0, 2)).toEqual([
        "Input fingerprints",
        ["SR", "CSR", "PCI"]
          .map(
            (prefix, i) =>
              `${prefix} ${shownFingerprint(audit.fingerprints[(["sr", "csr", "pci"] as const)[i]]!)}`
          )
          .join("; "),
      ]);
      expect(layout.freezeRows).toBe(0);
    } else {
      expect(rowText(layout, end + 2).slice(0, 2)).toEqual([
        "Input fingerprint",
        audit.fingerprints[layout.kind]!.slice(0, 16),
      ]);
      // The frozen rows still end with the header block.
      expect(layout.freezeRows).toBe(end + 3);
    }
    layout.tables.forEach((table, t) => expect(table.row).toBe(before.tables[t].row + 3));
    layout.charts.forEach((chart, c) => {
      expect(chart.source.row).toBe(before.charts[c].source.row + 3);
      expect(chart.anchor.row).toBe(before.charts[c].anchor.row + 3);
    });
    layout.conditionalFormats.forEach((format, f) =>
      expect(format.row).toBe(before.conditionalFormats[f].row + 3)
    );
    expect(layout.print!.area.rowCount).toBe(before.print!.area.rowCount + 3);
  }
});
