/**
 * The Excel errors the custom functions answer with. CustomFunctions is read at call time: the runtime
 * (or a test) provides it as a global.
 */
import type { CellProblem } from "../sec/coerce";

/** #VALUE! with a message (Excel shows it in the cell's error menu). */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** #N/A with a message. */
export function notAvailableError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/**
 * #NUM! and #DIV/0! came with CustomFunctionsRuntime 1.3 (the manifest asks for 1.2); without them the
 * functions answer #VALUE! with the reason. Outside Office (tests) the codes are taken as available.
 */
function errorCodesSupported(): boolean {
  if (typeof Office === "undefined") return true;
  return Office.context?.requirements?.isSetSupported("CustomFunctionsRuntime", "1.3") !== false;
}

/** #NUM!. Excel accepts no custom message with this code. */
export function numberError(): CustomFunctions.Error {
  return errorCodesSupported()
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber)
    : valueError(
        "The number is out of range (#NUM!): counts cannot be negative and dates must be in Excel's range."
      );
}

/** #DIV/0!. Excel accepts no custom message with this code. */
export function divisionByZeroError(): CustomFunctions.Error {
  return errorCodesSupported()
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero)
    : valueError("Division by zero (#DIV/0!): the forecast is 0.");
}

/** An error cell passed in as an argument; passed on unchanged, as Excel's own functions do. */
export function isInputError(value: unknown): value is CustomFunctions.Error {
  return typeof value === "object" && value !== null && value instanceof CustomFunctions.Error;
}

/** The Excel error for a cell that could not be read: #NUM! for a negative count, else #VALUE!. */
export function errorForProblem(
  argumentName: string,
  value: unknown,
  problem: CellProblem
): CustomFunctions.Error {
  if (isInputError(value)) return value;
  return problem.kind === "negative" ? numberError() : valueError(`${argumentName}: ${problem.message}`);
}
