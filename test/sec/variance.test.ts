import fc from "fast-check";
import {
  VarianceReport,
  VarianceStatus,
  isVarianceException,
  percentOfForecast,
  varianceStatus,
} from "../../src/sec/variance";

describe("varianceStatus follows the SPEC status table", () => {
  const table: [number, number | null, VarianceReport, VarianceStatus][] = [
    // no forecast received
    [0, null, "SR", "Within"],
    [0, null, "CSR", "Within"],
    [1, null, "SR", "No forecast"],
    [1, null, "CSR", "No forecast"],
    [250, null, "CSR", "No forecast"],
    // zero forecast
    [0, 0, "SR", "Within"],
    [0, 0, "CSR", "Within"],
    [1, 0, "SR", "Over"],
    [1, 0, "CSR", "Over"],
    // the inclusive 110% boundary
    [110, 100, "SR", "Over"],
    [110, 100, "CSR", "Over"],
    [99, 90, "SR", "Over"],
    [99, 90, "CSR", "Over"],
    [11, 10, "SR", "Over"],
    [109, 100, "SR", "Within"],
    [109, 100, "CSR", "Within"],
    [98, 90, "SR", "Within"],
    [1000, 100, "SR", "Over"],
    // the inclusive 90% boundary (SR only)
    [90, 100, "SR", "Under"],
    [9, 10, "SR", "Under"],
    [91, 100, "SR", "Within"],
    [0, 100, "SR", "Under"],
    [0, 1, "SR", "Under"],
    [63, 70, "SR", "Under"], // exactly 90%, where 63/70 - 1 is not exactly -0.1
    // CSR has no lower threshold
    [90, 100, "CSR", "Within"],
    [9, 10, "CSR", "Within"],
    [0, 100, "CSR", "Within"],
    // in between
    [100, 100, "SR", "Within"],
    [100, 100, "CSR", "Within"],
    [1, 1, "SR", "Within"],
  ];

  it.each(table)("actual %p against forecast %p (%s) is %s", (actual, forecast, report, expected) => {
    expect(varianceStatus(actual, forecast, report)).toBe(expected);
  });

  it("would be wrong with the naive ratio test at 9 of 10 (why cross-multiplication is used)", () => {
    expect(9 / 10 - 1 <= -0.1).toBe(false);
    expect(varianceStatus(9, 10, "SR")).toBe("Under");
  });

  it("refuses negative and NaN inputs, which are input errors, not statuses", () => {
    expect(() => varianceStatus(-1, 10, "SR")).toThrow(RangeError);
    expect(() => varianceStatus(Number.NaN, 10, "SR")).toThrow(RangeError);
    expect(() => varianceStatus(5, -10, "CSR")).toThrow(RangeError);
  });

  it("agrees with exact rational arithmetic on whole numbers", () => {
    const exactStatus = (actual: bigint, forecast: bigint | null, report: VarianceReport): VarianceStatus => {
      if (forecast === null) return actual >= 1n ? "No forecast" : "Within";
      if (forecast === 0n) return actual >= 1n ? "Over" : "Within";
      // actual / forecast >= 110 / 100 and actual / forecast <= 90 / 100, with positive denominators
      if (actual * 100n >= forecast * 110n) return "Over";
      if (report === "SR" && actual * 100n <= forecast * 90n) return "Under";
      return "Within";
    };
    const count = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 1_000_000_000_000 }));
    fc.assert(
      fc.property(
        count,
        fc.option(count, { nil: null }),
        fc.constantFrom<VarianceReport>("SR", "CSR"),
        (actual, forecast, report) => {
          const expected = exactStatus(BigInt(actual), forecast === null ? null : BigInt(forecast), report);
          expect(varianceStatus(actual, forecast, report)).toBe(expected);
        }
      ),
      { numRuns: 5000 }
    );
  });

  it("finds every exact boundary multiple (forecast a multiple of 10)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (tenth) => {
        const forecast = tenth * 10;
        expect(varianceStatus(tenth * 9, forecast, "SR")).toBe("Under");
        expect(varianceStatus(tenth * 9 + 1, forecast, "SR")).toBe("Within");
        expect(varianceStatus(tenth * 11, forecast, "SR")).toBe("Over");
        expect(varianceStatus(tenth * 11 - 1, forecast, "CSR")).toBe("Within");
      })
    );
  });
});

describe("percentOfForecast", () => {
  it.each([
    [90, 100, 0.9],
    [110, 100, 1.1],
    [0, 50, 0],
    [5, null, null],
    [0, null, null],
    [5, 0, null],
    [0, 0, null],
  ])("%p of %p is %p", (actual, forecast, expected) => {
    expect(percentOfForecast(actual, forecast)).toBe(expected);
  });
});

describe("isVarianceException", () => {
  it("lists every status but Within", () => {
    expect(isVarianceException("Over")).toBe(true);
    expect(isVarianceException("Under")).toBe(true);
    expect(isVarianceException("No forecast")).toBe(true);
    expect(isVarianceException("Within")).toBe(false);
  });
});
