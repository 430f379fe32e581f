/**
 * The broadcasting engine under the custom functions: arguments as rows of cells, a check that the
 * ranges of a call fit together (one shape, or single cells repeated), readers per argument, results
 * of the call's shape, and option cells read as single values.
 */
import { isBlankCell, isCellProblem, readDate } from "../sec/coerce";
import { errorForProblem, valueError } from "./errors";

/** What one cell of a result holds. */
export type ResultCell = string | number | CustomFunctions.Error;
/** A spilled result: rows of cells. */
export type ResultMatrix = ResultCell[][];

/** An argument as rows of cells. A plain value (not a range) is a single cell. */
export function asMatrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length > 0 && !Array.isArray(value[0])) return [value];
  return value as unknown[][];
}

export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

function describeShape(shape: Shape): string {
  return `${shape.rows} row${shape.rows === 1 ? "" : "s"} by ${shape.columns} column${shape.columns === 1 ? "" : "s"}`;
}

/**
 * The shape of a range, from its first row. Excel always sends rectangles, so rows are not checked one by
 * one (that costs more than the rules on a million rows); Broadcast.cell reads a missing row as blank.
 */
export function shapeOf(argumentName: string, matrix: unknown[][]): Shape | string {
  const rows = matrix.length;
  const firstRow = matrix[0];
  const columns = Array.isArray(firstRow) ? firstRow.length : 0;
  if (rows === 0 || columns === 0) return `${argumentName} is an empty range`;
  return { rows, columns };
}

/** Reads one argument at result positions: a single cell is repeated, a range is read in place. */
export class Broadcast {
  private readonly rowStep: number;
  private readonly columnStep: number;

  constructor(
    private readonly matrix: unknown[][],
    shape: Shape
  ) {
    this.rowStep = shape.rows === 1 ? 0 : 1;
    this.columnStep = shape.columns === 1 ? 0 : 1;
  }

  cell(row: number, column: number): unknown {
    return this.matrix[row * this.rowStep]?.[column * this.columnStep];
  }
}

export interface BroadcastPlan {
  readonly shape: Shape;
  readonly readers: Broadcast[];
}

/**
 * Checks once that the ranges of a call fit together: all the same shape, or a single cell (repeated).
 * Returns the result shape with a reader per argument, or the #VALUE! message for the call.
 */
export function planBroadcast(
  args: ReadonlyArray<readonly [name: string, value: unknown]>
): BroadcastPlan | string {
  const matrices: unknown[][][] = [];
  const shapes: Shape[] = [];
  let result: Shape = { rows: 1, columns: 1 };
  let resultFrom = "";
  for (const [name, value] of args) {
    const matrix = asMatrix(value);
    const shape = shapeOf(name, matrix);
    if (typeof shape === "string") return shape;
    if (shape.rows !== 1 || shape.columns !== 1) {
      if (resultFrom === "") {
        result = shape;
        resultFrom = name;
      } else if (shape.rows !== result.rows || shape.columns !== result.columns) {
        return (
          `${resultFrom} is ${describeShape(result)} but ${name} is ${describeShape(shape)}: ` +
          "give ranges of the same size, or a single cell"
        );
      }
    }
    matrices.push(matrix);
    shapes.push(shape);
  }
  return { shape: result, readers: matrices.map((matrix, index) => new Broadcast(matrix, shapes[index])) };
}

/** A result of the given shape with every cell the same (an error that applies to the whole call). */
export function filled(shape: Shape, cell: ResultCell): ResultMatrix {
  const rows: ResultMatrix = new Array<ResultCell[]>(shape.rows);
  for (let row = 0; row < shape.rows; row++) rows[row] = new Array<ResultCell>(shape.columns).fill(cell);
  return rows;
}

/** A result of the given shape with `cell(row, column)` at every position. */
export function eachCell(shape: Shape, cell: (row: number, column: number) => ResultCell): ResultMatrix {
  const rows: ResultMatrix = new Array<ResultCell[]>(shape.rows);
  for (let row = 0; row < shape.rows; row++) {
    const cells = new Array<ResultCell>(shape.columns);
    for (let column = 0; column < shape.columns; column++) cells[column] = cell(row, column);
    rows[row] = cells;
  }
  return rows;
}

// Options (single values).

/** An option given as a value or a single cell; blank (or omitted) is undefined. */
export function optionValue(option: unknown): unknown {
  let value = option;
  if (Array.isArray(option)) {
    const matrix = asMatrix(option);
    if (matrix.length === 1 && Array.isArray(matrix[0]) && matrix[0].length === 1) value = matrix[0][0];
  }
  return isBlankCell(value) ? undefined : value;
}

/** A value as the user would recognise it in a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "a range of several cells" : "a value that is not text";
}

/** Extra non-working dates from a range of any shape; blank cells are ignored. */
export function readHolidays(holidays: unknown): ReadonlySet<number> | undefined | CustomFunctions.Error {
  if (holidays === null || holidays === undefined) return undefined;
  const dates = new Set<number>();
  for (const row of asMatrix(holidays)) {
    if (!Array.isArray(row)) return valueError("holidays is not a range of dates");
    for (const cell of row) {
      if (isBlankCell(cell)) continue;
      const date = readDate(cell);
      if (isCellProblem(date)) return errorForProblem("holidays", cell, date);
      if (date !== null) dates.add(date);
    }
  }
  return dates.size > 0 ? dates : undefined;
}
