/** resolveSheet: the decisions both writers share, made once. */
import { resolveSheet } from "../../src/reports/resolve";
import { handMadeLayout } from "../excel/helpers";

describe("resolveSheet", () => {
  it("puts a chart's note in the chart's cell, else above its data, else to its right, else in the chart's cell", () => {
    const layout = handMadeLayout();
    const chart = layout.charts[0];
    expect(resolveSheet(layout).charts[0].note).toMatchObject({
      row: chart.anchor.row,
      col: chart.anchor.col,
    });
    layout.values.push({ row: chart.anchor.row, col: chart.anchor.col, values: [["taken"]] });
    expect(resolveSheet(layout).charts[0].note).toMatchObject({
      row: chart.source.row - 1,
      col: chart.source.col,
    });
    layout.values.push({ row: chart.source.row - 1, col: chart.source.col, values: [["taken"]] });
    // To the right of the data is the table's Status column here: every place is taken.
    expect(resolveSheet(layout).charts[0].note).toEqual({
      row: chart.anchor.row,
      col: chart.anchor.col,
      text: "Chart data: select B4:D8 and Insert > Chart (Forecast and actual)",
      style: { italic: true, fontColor: "#595959" },
    });
  });

  it("keeps one blank row for an empty table and formats only data rows, before the layout's own styles", () => {
    const layout = handMadeLayout();
    const table = layout.tables[0];
    const resolved = resolveSheet(layout);
    expect(resolved.tables[0].dataRows).toBe(table.rowCount);
    expect(resolved.styles.slice(0, 2)).toEqual([
      { row: 4, col: 2, rowCount: table.rowCount, colCount: 1, style: { numberFormat: "#,##0" } },
      { row: 4, col: 3, rowCount: table.rowCount, colCount: 1, style: { numberFormat: "#,##0" } },
    ]);
    expect(resolved.styles.slice(2)).toEqual(layout.styles);
    const empty = resolveSheet({ ...layout, tables: [{ ...table, rowCount: 0 }] });
    expect(empty.tables[0].dataRows).toBe(1);
    expect(empty.styles).toEqual(layout.styles);
  });

  it("refuses a table whose header cells are not in the values (they are written once, with them)", () => {
    const layout = handMadeLayout();
    layout.values[2] = { ...layout.values[2], values: layout.values[2].values.slice(1) };
    layout.values[2].row += 1;
    expect(() => resolveSheet(layout)).toThrow(
      'Table SR_2018_01 on "SR Variance Jan-2018": the values must hold its header "User ID" at A4.'
    );
  });
});
