/**
 * The functions build their error cells with `new CustomFunctions.Error(code, message)` at call time, so
 * the bench needs Excel's `CustomFunctions` global: it uses the tests' stand-in, the one definition of it.
 */
export {
  FAKE_ERROR_CODES as BENCH_ERROR_CODES,
  FakeCustomFunctionsError as BenchCustomFunctionsError,
  installFakeCustomFunctions as installCustomFunctionsGlobal,
} from "../../test/functions/fakeCustomFunctions";
