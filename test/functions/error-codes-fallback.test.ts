/**
 * Before CustomFunctionsRuntime 1.3 there is no #NUM! or #DIV/0! for a custom function: the functions
 * answer #VALUE! with the reason instead (the manifest asks only for 1.2).
 */
import { secVariance } from "../../src/functions/functions";
import { expectErrorCell, installFakeCustomFunctions } from "./fakeCustomFunctions";

const globals = globalThis as unknown as Record<string, unknown>;
let supportsCodes = true;

beforeAll(() => {
  installFakeCustomFunctions();
  globals.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "CustomFunctionsRuntime" && (version !== "1.3" || supportsCodes),
      },
    },
  };
});

afterAll(() => {
  delete globals.Office;
});

test("with CustomFunctionsRuntime 1.2: #VALUE! with the reason where #DIV/0! and #NUM! would be", () => {
  supportsCodes = false;
  const result = secVariance([[5], [-1]], [[0], [10]], "SR", "percent");
  expectErrorCell(result[0][0], "#VALUE!", /Division by zero/);
  expectErrorCell(result[1][0], "#VALUE!", /out of range/);
});

test("with CustomFunctionsRuntime 1.3: the codes themselves", () => {
  supportsCodes = true;
  const result = secVariance([[5], [-1]], [[0], [10]], "SR", "percent");
  expectErrorCell(result[0][0], "#DIV/0!");
  expectErrorCell(result[1][0], "#NUM!");
});
