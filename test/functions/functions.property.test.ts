import fc from "fast-check";
import { pciFlag, secDueDate, secThreshold, secVariance, secWorkday } from "../../src/functions/functions";
import {
  FAKE_ERROR_CODES,
  FakeCustomFunctionsError,
  installFakeCustomFunctions,
} from "./fakeCustomFunctions";

beforeAll(() => {
  installFakeCustomFunctions();
});

/** Anything a cell can hold, biased toward values the functions treat specially. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100, max: 100 }),
  fc.integer({ min: 1, max: 2958465 }),
  fc.constantFrom(
    null,
    "",
    "  ",
    "2018-01",
    "2018-01-31",
    "31/01/2018",
    "31/02/2018",
    "110",
    "-3",
    " 1,234 ",
    "Yes",
    "n",
    "TRUE",
    "abc",
    "SR",
    "csr",
    "percent",
    "status",
    "at or above",
    "Below",
    "5%"
  ),
  fc.string(),
  fc.boolean()
);

/** Cells for day counts in calls made many times: WORKDAY arithmetic walks day by day, so millions are slow. */
const modestCellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -400, max: 400 }),
  fc.double({ min: -400, max: 400, noNaN: true }),
  fc.constantFrom(null, "", "12", "-3.5", "abc", true)
);

/**
 * Day counts for the never-fail checks: small ones, and ones far beyond Excel's dates (which must give
 * #NUM! at once); not the millions in between, which are valid but slow to walk.
 */
const dayCountCellValue: fc.Arbitrary<unknown> = fc.oneof(
  modestCellValue,
  fc.double({ min: 3e6, noNaN: true, noDefaultInfinity: true }),
  fc.double({ max: -3e6, noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.boolean()
);

const matrix = (rows: number, columns: number, cells = cellValue): fc.Arbitrary<unknown[][]> =>
  fc.array(fc.array(cells, { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  });

interface Call {
  readonly rows: number;
  readonly columns: number;
  readonly args: unknown[][][];
}

/**
 * `count` range arguments that fit together: each is the call's shape or a single cell. `cellsOf` picks
 * the cell values of each argument (all arbitrary by default).
 */
const fittingArguments = (
  count: number,
  cellsOf: (index: number) => fc.Arbitrary<unknown> = () => cellValue
): fc.Arbitrary<Call> =>
  fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 3 }) })
    .chain(({ rows, columns }) =>
      fc
        .tuple(
          ...Array.from({ length: count }, (_, index) =>
            fc.oneof(matrix(1, 1, cellsOf(index)), matrix(rows, columns, cellsOf(index)))
          )
        )
        .map((args) => {
          const shaped = args.find((arg) => arg.length !== 1 || arg[0].length !== 1);
          return { rows: shaped ? rows : 1, columns: shaped ? columns : 1, args };
        })
    );

/** A date (any cell) and then a day count. */
const dayCountsSecond = (index: number): fc.Arbitrary<unknown> =>
  index === 0 ? cellValue : dayCountCellValue;

const holidaysArgument: fc.Arbitrary<unknown[][] | undefined> = fc.option(
  fc
    .record({ rows: fc.integer({ min: 1, max: 3 }), columns: fc.integer({ min: 1, max: 3 }) })
    .chain(({ rows, columns }) => matrix(rows, columns)),
  { nil: undefined }
);

const optionArgument: fc.Arbitrary<unknown> = fc.option(cellValue, { nil: undefined });

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(FAKE_ERROR_CODES));

/** The result has the expected shape, and every cell is text, a finite number or an Excel error. */
function expectWellFormed(result: unknown, rows: number, columns: number): void {
  expect(Array.isArray(result)).toBe(true);
  const grid = result as unknown[][];
  expect(grid).toHaveLength(rows);
  for (const cells of grid) {
    expect(cells).toHaveLength(columns);
    for (const cell of cells) {
      if (cell instanceof FakeCustomFunctionsError) {
        expect(KNOWN_CODES.has(cell.code)).toBe(true);
        if (cell.code === "#VALUE!" || cell.code === "#N/A") expect(cell.message).toMatch(/\S/);
      } else if (typeof cell === "number") {
        expect(Number.isFinite(cell)).toBe(true);
      } else {
        expect(typeof cell).toBe("string");
      }
    }
  }
}

describe("the custom functions never fail a call over arbitrary cells and shapes", () => {
  it("SECVARIANCE", () => {
    fc.assert(
      fc.property(fittingArguments(2), optionArgument, optionArgument, (call, report, result) => {
        expectWellFormed(secVariance(call.args[0], call.args[1], report, result), call.rows, call.columns);
      })
    );
  });

  it("SECVARIANCE with valid options gives a status or percent wherever both cells are good", () => {
    fc.assert(
      fc.property(
        fittingArguments(2),
        fc.constantFrom("SR", "CSR"),
        fc.constantFrom("status", "percent"),
        (call, report, result) => {
          const output = secVariance(call.args[0], call.args[1], report, result);
          expectWellFormed(output, call.rows, call.columns);
          for (const cells of output) {
            for (const cell of cells) {
              if (result === "status" && typeof cell === "string") {
                expect(["Over", "Under", "Within", "No forecast"]).toContain(cell);
              }
              if (report === "CSR") expect(cell).not.toBe("Under");
            }
          }
        }
      )
    );
  });

  it("PCIFLAG", () => {
    fc.assert(
      fc.property(fittingArguments(7), (call) => {
        const [commissioned, measured, interrogated, anchor, issue, device, krp] = call.args;
        const output = pciFlag(commissioned, measured, interrogated, anchor, issue, device, krp);
        expectWellFormed(output, call.rows, call.columns);
        for (const cells of output) {
          for (const cell of cells) {
            if (typeof cell === "string") {
              expect(cell).toMatch(/^(Not commissioned|Not due|Complete|a?(,?b)?(,?c)?(,?d)?(,?e)?)$/);
              expect(cell).not.toBe("");
            }
          }
        }
      })
    );
  });

  it("SECDUEDATE", () => {
    fc.assert(
      fc.property(fittingArguments(2, dayCountsSecond), holidaysArgument, (call, holidays) => {
        expectWellFormed(secDueDate(call.args[0], call.args[1], holidays), call.rows, call.columns);
      })
    );
    fc.assert(
      fc.property(fittingArguments(1), (call) => {
        expectWellFormed(secDueDate(call.args[0]), call.rows, call.columns);
      })
    );
  });

  it("SECTHRESHOLD", () => {
    fc.assert(
      fc.property(fittingArguments(3), (call) => {
        const output = secThreshold(call.args[0], call.args[1], call.args[2]);
        expectWellFormed(output, call.rows, call.columns);
        for (const cells of output) {
          for (const cell of cells)
            if (typeof cell === "string") expect(["Breach", "Within"]).toContain(cell);
        }
      })
    );
  });

  it("SECWORKDAY", () => {
    fc.assert(
      fc.property(fittingArguments(2, dayCountsSecond), holidaysArgument, (call, holidays) => {
        expectWellFormed(secWorkday(call.args[0], call.args[1], holidays), call.rows, call.columns);
      })
    );
  });
});

describe("broadcasting", () => {
  /** Each cell of `call` on the ranges equals `call` on the single cells at that position. */
  function expectCellwise(call: Call, apply: (...args: unknown[][][]) => unknown[][]): void {
    const cellOf = (arg: unknown[][], row: number, column: number): unknown[][] => [
      [arg.length === 1 && arg[0].length === 1 ? arg[0][0] : arg[row][column]],
    ];
    const whole = apply(...call.args);
    expect(whole).toHaveLength(call.rows);
    for (let row = 0; row < call.rows; row++) {
      for (let column = 0; column < call.columns; column++) {
        const alone = apply(...call.args.map((arg) => cellOf(arg, row, column)));
        expect(whole[row][column]).toEqual(alone[0][0]);
      }
    }
  }

  it("gives each cell of a range call the answer of a call on that cell alone", () => {
    fc.assert(
      fc.property(fittingArguments(7), (call) => {
        expectCellwise(call, (...args) => pciFlag(...(args as Parameters<typeof pciFlag>)));
      })
    );
    fc.assert(
      fc.property(fittingArguments(3), (call) => {
        expectCellwise(call, (value, threshold, when) => secThreshold(value, threshold, when));
      })
    );
    fc.assert(
      fc.property(fittingArguments(2), fc.constantFrom("status", "percent"), (call, result) => {
        expectCellwise(call, (actual, forecast) => secVariance(actual, forecast, "SR", result));
      })
    );
    fc.assert(
      fc.property(
        fittingArguments(2, (index) => (index === 0 ? cellValue : modestCellValue)),
        (call) => {
          expectCellwise(call, (start, days) => secWorkday(start, days, [["2018-02-14"]]));
          expectCellwise(call, (period, workingDays) => secDueDate(period, workingDays));
        }
      )
    );
  });

  it("answers a single #VALUE! for any two ranges of different sizes", () => {
    const shapes = fc
      .tuple(
        fc.record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 3 }) }),
        fc.record({ rows: fc.integer({ min: 1, max: 4 }), columns: fc.integer({ min: 1, max: 3 }) })
      )
      .filter(
        ([first, second]) =>
          (first.rows !== second.rows || first.columns !== second.columns) &&
          first.rows * first.columns > 1 &&
          second.rows * second.columns > 1
      )
      .chain(([first, second]) =>
        fc.tuple(matrix(first.rows, first.columns), matrix(second.rows, second.columns))
      );
    fc.assert(
      fc.property(shapes, ([first, second]) => {
        for (const result of [
          secVariance(first, second),
          secWorkday(first, second),
          secDueDate(first, second),
          secThreshold(first, second),
          pciFlag(first, [[1]], [[true]], [[true]], second, [[2]], [[2]]),
        ]) {
          expect(result).toHaveLength(1);
          expect(result[0]).toHaveLength(1);
          const error = result[0][0];
          expect(error).toBeInstanceOf(FakeCustomFunctionsError);
          expect((error as FakeCustomFunctionsError).code).toBe("#VALUE!");
          expect((error as FakeCustomFunctionsError).message).toMatch(/same size/);
        }
      })
    );
  });
});

describe("SECVARIANCE agrees with exact arithmetic at every boundary", () => {
  it("for whole-number actuals and forecasts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom<"SR" | "CSR">("SR", "CSR"),
        (actual, forecast, report) => {
          const a = BigInt(actual);
          const f = BigInt(forecast);
          let expected: string;
          if (f === 0n) expected = a === 0n ? "Within" : "Over";
          else if (10n * a >= 11n * f) expected = "Over";
          else if (report === "SR" && 10n * a <= 9n * f) expected = "Under";
          else expected = "Within";
          expect(secVariance([[actual]], [[forecast]], report)).toEqual([[expected]]);
          // Numbers stored as text classify the same way.
          expect(secVariance([[String(actual)]], [[String(forecast)]], report)).toEqual([[expected]]);
        }
      )
    );
  });
});

describe("SECTHRESHOLD agrees with the comparison it names, for any finite numbers", () => {
  it("Breach exactly when the value is on the breach side, and the sides mirror each other", () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, finite, (value, threshold) => {
        const status = (when: string): unknown => secThreshold([[value]], [[threshold]], [[when]])[0][0];
        expect(status("above")).toBe(value > threshold ? "Breach" : "Within");
        expect(status("at or above")).toBe(value >= threshold ? "Breach" : "Within");
        expect(status("below")).toBe(value < threshold ? "Breach" : "Within");
        expect(status("at or below")).toBe(value <= threshold ? "Breach" : "Within");
        // Negating both sides turns above into below.
        expect(secThreshold([[-value]], [[-threshold]], [["below"]])[0][0]).toBe(status("above"));
      })
    );
  });
});
