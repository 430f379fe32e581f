/** Reading a layout back, for tests only: the product never parses a layout (summaries come from the models). */
import type { CellValue, SheetLayout, TableSpec } from "../../src/reports";

/** The data rows of a table as the layout writes them. */
export function tableRows(layout: SheetLayout, table: TableSpec): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let row = table.row + 1; row <= table.row + table.rowCount; row++) {
    const cells: CellValue[] = new Array<CellValue>(table.headers.length).fill(null);
    for (const block of layout.values) {
      const offset = row - block.row;
      if (offset < 0 || offset >= block.values.length) continue;
      const values = block.values[offset];
      for (let col = 0; col < table.headers.length; col++) {
        const index = table.col + col - block.col;
        if (index >= 0 && index < values.length && values[index] !== null) cells[col] = values[index];
      }
    }
    rows.push(cells);
  }
  return rows;
}
