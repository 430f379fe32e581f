/**
 * A minimal stand-in for the `CustomFunctions` global that Excel's runtime provides: the functions build
 * their error cells with `new CustomFunctions.Error(code, message)` at call time, so the bench must
 * define one before calling them. The codes are the strings Excel uses.
 */

export const BENCH_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class BenchCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

/** Puts the stand-in on the global object, where src/functions looks for it. */
export function installCustomFunctionsGlobal(): void {
  const runtime = {
    Error: BenchCustomFunctionsError,
    ErrorCode: BENCH_ERROR_CODES,
    associate: (): void => undefined,
  };
  (globalThis as unknown as { CustomFunctions: typeof runtime }).CustomFunctions = runtime;
}
