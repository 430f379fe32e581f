import {
  CellProblem,
  describeCellValue,
  isBlankCell,
  isCellProblem,
  readCount,
  readDate,
  readInterrogated,
  readMonth,
  readNumber,
  readText,
  readYesNo,
} from "../../src/sec/coerce";

type Expected<T> = T | { problem: CellProblem["kind"]; mentions?: string };

/** Asserts a reader's result: a value, or a problem of the given kind whose message names the input. */
function expectRead<T>(actual: T | CellProblem, expected: Expected<T>): void {
  if (typeof expected === "object" && expected !== null && "problem" in expected) {
    expect(isCellProblem(actual)).toBe(true);
    const problem = actual as CellProblem;
    expect(problem.kind).toBe(expected.problem);
    if (expected.mentions !== undefined) expect(problem.message).toContain(expected.mentions);
  } else {
    expect(actual).toEqual(expected);
  }
}

const typeProblem = (mentions?: string) => ({ problem: "type" as const, mentions });

describe("isBlankCell", () => {
  it.each([
    [null, true],
    [undefined, true],
    ["", true],
    ["   ", true],
    ["\t", true],
    [0, false],
    [false, false],
    ["0", false],
    [" x ", false],
  ])("%p -> %p", (value, blank) => {
    expect(isBlankCell(value)).toBe(blank);
  });
});

describe("isCellProblem", () => {
  it("recognises problems and nothing else", () => {
    expect(isCellProblem(readNumber("abc"))).toBe(true);
    expect(isCellProblem({ kind: "negative", message: "x" })).toBe(true);
    expect(isCellProblem({ kind: "other", message: "x" })).toBe(false);
    expect(isCellProblem({ kind: "type" })).toBe(false);
    expect(isCellProblem(null)).toBe(false);
    expect(isCellProblem(3)).toBe(false);
    expect(isCellProblem({ error: "#N/A" })).toBe(false);
  });
});

describe("readNumber", () => {
  it.each<[unknown, Expected<number | null>]>([
    [110, 110],
    [0, 0],
    [12.5, 12.5],
    [-3, -3],
    ["110", 110],
    [" 1,234 ", 1234],
    ["1,234,567.5", 1234567.5],
    ["12.5", 12.5],
    ["-4", -4],
    ["+7", 7],
    [".5", 0.5],
    ["1e3", 1000],
    [null, null],
    [undefined, null],
    ["", null],
    ["   ", null],
    ["abc", typeProblem('"abc" is not a number')],
    ["12abc", typeProblem('"12abc"')],
    ["1,23", typeProblem('"1,23"')],
    ["0x10", typeProblem('"0x10"')],
    ["Infinity", typeProblem('"Infinity"')],
    [true, typeProblem("TRUE is not a number")],
    [false, typeProblem("FALSE")],
    [Number.NaN, typeProblem("NaN is not a number")],
    [Number.POSITIVE_INFINITY, typeProblem("Infinity")],
  ])("%p -> %p", (value, expected) => {
    expectRead(readNumber(value), expected);
  });
});

describe("readCount", () => {
  it.each<[unknown, Expected<number | null>]>([
    [3, 3],
    [0, 0],
    ["2", 2],
    [null, null],
    ["", null],
    [-3, { problem: "negative", mentions: "-3 is negative: counts cannot be negative" }],
    ["-1", { problem: "negative", mentions: "-1 is negative" }],
    ["two", typeProblem('"two" is not a number')],
  ])("%p -> %p", (value, expected) => {
    expectRead(readCount(value), expected);
  });

  it("reads -0 as 0", () => {
    expect(Object.is(readCount(-0), 0)).toBe(true);
  });
});

describe("readYesNo", () => {
  it.each<[unknown, Expected<boolean>]>([
    [true, true],
    [false, false],
    ["TRUE", true],
    ["false", false],
    ["Y", true],
    ["n", false],
    ["Yes", true],
    ["NO", false],
    [" yes ", true],
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
    [null, false],
    [undefined, false],
    ["", false],
    ["  ", false],
    ["maybe", typeProblem('"maybe" is not yes or no')],
    [2, typeProblem("2 is not yes or no")],
    ["yess", typeProblem('"yess"')],
  ])("%p -> %p", (value, expected) => {
    expectRead(readYesNo(value), expected);
  });
});

describe("readDate", () => {
  it.each<[unknown, Expected<number | null>]>([
    [43131, 43131],
    [43131.75, 43131], // time of day dropped
    [1, 1],
    [2958465, 2958465],
    ["2018-01-31", 43131],
    [" 2018-01-31 ", 43131],
    ["2018-01-31T14:05", 43131],
    ["2018-01-31 14:05:09", 43131],
    ["2018-01-31T14:05:09.123Z", 43131],
    ["31/01/2018", 43131],
    ["1/2/2018", 43132], // UK order: 1 February
    ["29/02/2020", 43890],
    ["43131", 43131],
    [null, null],
    ["", null],
    ["31/02/2018", typeProblem('"31/02/2018" is not a real date')],
    ["2018-02-30", typeProblem("not a real date")],
    ["2018-13-01", typeProblem("not a real date")],
    ["29/02/2019", typeProblem("not a real date")],
    ["31/12/1899", typeProblem("before 1900")],
    ["tomorrow", typeProblem('"tomorrow" is not a date')],
    ["01/31/2018", typeProblem("not a real date")], // US order is not accepted
    [0, typeProblem("0 is not a date")],
    [-5, typeProblem("-5")],
    [3000000, typeProblem("3000000")],
    [true, typeProblem("TRUE is not a date")],
    [Number.NaN, typeProblem("NaN")],
  ])("%p -> %p", (value, expected) => {
    expectRead(readDate(value), expected);
  });
});

describe("readMonth", () => {
  it.each<[unknown, Expected<string | null>]>([
    ["2018-01", "2018-01"],
    [" 2018-01 ", "2018-01"],
    ["2018-1", "2018-01"],
    ["Jan-2018", "2018-01"],
    ["January 2018", "2018-01"],
    [43131, "2018-01"],
    [43101, "2018-01"],
    ["2018-01-31", "2018-01"],
    ["15/01/2018", "2018-01"],
    [null, null],
    ["  ", null],
    ["2018-13", typeProblem('"2018-13" is not a month')],
    ["Janvier 2018", typeProblem("is not a month")],
    ["31/02/2018", typeProblem("not a real date")],
    ["soon", typeProblem('"soon" is not a month')],
    [false, typeProblem("FALSE is not a month")],
  ])("%p -> %p", (value, expected) => {
    expectRead(readMonth(value), expected);
  });
});

describe("readInterrogated", () => {
  it.each<[unknown, Expected<boolean | number>]>([
    [true, true],
    [false, false],
    ["Yes", true],
    ["n", false],
    [1, true],
    [0, false],
    ["1", true],
    [null, false],
    ["", false],
    [43120, 43120],
    [43120.5, 43120],
    [2, 2], // any number above 1 is a date serial
    ["2018-01-20", 43120],
    ["20/01/2018", 43120],
    [0.5, typeProblem("0.5 is neither yes/no nor an interrogation date")],
    [-1, typeProblem("-1")],
    ["sometimes", typeProblem('"sometimes" is neither yes/no nor an interrogation date')],
    ["31/02/2018", typeProblem("not a real date")],
  ])("%p -> %p", (value, expected) => {
    expectRead(readInterrogated(value), expected);
  });
});

describe("readText", () => {
  it.each<[unknown, string | null]>([
    ["  British Gas  ", "British Gas"],
    ["x", "x"],
    [12, "12"],
    [12.5, "12.5"],
    [true, "TRUE"],
    [false, "FALSE"],
    [null, null],
    [undefined, null],
    ["", null],
    ["   ", null],
    [Number.NaN, null],
  ])("%p -> %p", (value, expected) => {
    expect(readText(value)).toBe(expected);
  });
});

describe("describeCellValue", () => {
  it("names values the way a person reads them in Excel", () => {
    expect(describeCellValue("abc")).toBe('"abc"');
    expect(describeCellValue(true)).toBe("TRUE");
    expect(describeCellValue(-3)).toBe("-3");
    expect(describeCellValue("#REF!")).toBe('"#REF!"');
    // Host value shapes (ExcelJS's dates and error objects) are mapped by the host's reader first.
    expect(describeCellValue(new Date(0))).toBe("a value of an unexpected kind");
  });
});
