/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides: the Error class (code and
 * message) and the ErrorCode values Excel uses. Shared by the unit tests and the bundle test.
 */

export const FAKE_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type FakeErrorCode = (typeof FAKE_ERROR_CODES)[keyof typeof FAKE_ERROR_CODES];

export class FakeCustomFunctionsError {
  constructor(
    readonly code: FakeErrorCode,
    readonly message?: string
  ) {}
}

export interface FakeCustomFunctions {
  Error: typeof FakeCustomFunctionsError;
  ErrorCode: typeof FAKE_ERROR_CODES;
  associate: (id: string, functionObject: (...args: never[]) => unknown) => void;
  /** Every associate call, in order. */
  associations: Array<{ id: string; functionObject: (...args: never[]) => unknown }>;
}

export function createFakeCustomFunctions(): FakeCustomFunctions {
  const associations: FakeCustomFunctions["associations"] = [];
  return {
    Error: FakeCustomFunctionsError,
    ErrorCode: FAKE_ERROR_CODES,
    associate: (id, functionObject) => {
      associations.push({ id, functionObject });
    },
    associations,
  };
}

/** Puts a fresh fake on the global object, where the functions look for it at call time. */
export function installFakeCustomFunctions(): FakeCustomFunctions {
  const fake = createFakeCustomFunctions();
  (globalThis as unknown as { CustomFunctions: FakeCustomFunctions }).CustomFunctions = fake;
  return fake;
}

/** The error in a result cell, or undefined when the cell is a value. */
export function errorIn(cell: unknown): FakeCustomFunctionsError | undefined {
  return cell instanceof FakeCustomFunctionsError ? cell : undefined;
}

/** Asserts a cell is an Excel error with this code, and (for #VALUE!/#N/A) a message matching `message`. */
export function expectErrorCell(cell: unknown, code: FakeErrorCode, message?: RegExp): void {
  const error = errorIn(cell);
  expect(error).toBeDefined();
  expect(error?.code).toBe(code);
  if (message !== undefined) expect(error?.message).toMatch(message);
  // Excel accepts a custom message only with #VALUE! and #N/A.
  if (code !== "#VALUE!" && code !== "#N/A") expect(error?.message).toBeUndefined();
}
