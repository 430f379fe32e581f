/** @jest-environment jsdom */
/**
 * Error cells (#N/A, #REF!, ...) through Microsoft's Office.js client: the workbook gives them as Excel
 * does, and the pane's reader reports one in a column an input uses as a problem with its cell, in the
 * headless runner's words (test/cli/input-checks.test.ts expects the same text from an .xlsx file).
 */
import { readWorkbookInputs } from "../../src/excel/read";
import { checkInputs, detectInputs } from "../../src/reports";
import { cellError } from "../support/excel-host";
import { WEB_PAYLOAD_LIMIT_BYTES } from "../support/office-js-host";
import { uninstallHost, useHost } from "./helpers";

afterEach(() => uninstallHost());

const ERRORS = [
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

test("an error cell gives its text as values and text, and Error as valueTypes; typed text stays text", async () => {
  useHost([
    {
      name: "Errors",
      values: [
        ERRORS.map((error) => cellError(error)),
        ERRORS.map((error) => cellError(error, "=SEQUENCE(2)")),
        ["#N/A", "#Note", 1, true],
      ],
    },
  ]);
  const loaded = await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Errors");
    const errors = sheet.getRange("A1:J2").load("values,valueTypes,text,formulas");
    const plain = sheet.getRange("A3:D3").load("values,valueTypes");
    await context.sync();
    return {
      values: errors.values,
      valueTypes: errors.valueTypes,
      text: errors.text,
      formulas: errors.formulas,
      plain: { values: plain.values, valueTypes: plain.valueTypes },
    };
  });
  expect(loaded.values).toEqual([ERRORS, ERRORS]);
  expect(loaded.text).toEqual([ERRORS, ERRORS]);
  expect(loaded.valueTypes).toEqual([ERRORS.map(() => "Error"), ERRORS.map(() => "Error")]);
  expect(loaded.formulas).toEqual([ERRORS, ERRORS.map(() => "=SEQUENCE(2)")]);
  // Initial values are stored as given: "#N/A" here is text, as a cell typed '#N/A.
  expect(loaded.plain).toEqual({
    values: [["#N/A", "#Note", 1, true]],
    valueTypes: [["String", "String", "Double", "Boolean"]],
  });
});

test("writing an error's text makes an error cell, as typing it does; an apostrophe keeps it text", async () => {
  useHost([{ name: "Sheet1" }]);
  const valueTypes = await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
    range.values = [["#N/A", "'#N/A", "#div/0!"]];
    range.load("values,valueTypes");
    await context.sync();
    return { values: range.values, valueTypes: range.valueTypes };
  });
  expect(valueTypes).toEqual({
    values: [["#N/A", "#N/A", "#DIV/0!"]],
    valueTypes: [["Error", "String", "Error"]],
  });
});

const SR_HEADERS = ["Period", "User ID", "User Name", "Forecast", "Actual", "Notes"];

test("an error in a column an input uses is a problem with its cell, in the runner's words; elsewhere it is not", async () => {
  useHost([
    {
      name: "Service Requests",
      values: [
        SR_HEADERS,
        ["2018-01", "90-B3-D5-1F-30-01-00-01", cellError("#REF!"), 100, 95, cellError("#VALUE!", '=1+"a"')],
        ["2018-01", "90-B3-D5-1F-30-01-00-02", "Brightside", 10, cellError("#DIV/0!", "=1/0"), ""],
        ["2018-01", "90-B3-D5-1F-30-01-00-03", "#N/A", cellError("#N/A", "=NA()"), 12, ""],
        ["2018-01", "90-B3-D5-1F-30-01-00-04", "Lumen", 10, 11, ""],
      ],
      tables: [{ name: "SR", address: "A1:F5" }],
    },
  ]);
  const grids = await readWorkbookInputs();
  const checked = checkInputs(detectInputs(grids));
  // The same words as the runner gives for an .xlsx file (test/cli/input-checks.test.ts).
  expect(checked.problems.map((problem) => problem.message)).toEqual([
    "'Service Requests'!C2: the error #REF!",
    "'Service Requests'!E3: the error #DIV/0! (a formula's result)",
    "'Service Requests'!D4: the error #N/A (a formula's result)",
  ]);
  // Rows with an error are bad rows: leaving them out leaves out the error text too.
  expect(checked.badRowCount).toBe(3);
  expect(checked.sr.map((record) => record.userId)).toEqual(["90-B3-D5-1F-30-01-00-04"]);
});

test("a full-height column of errors: every request and response within Excel on the web's limits", async () => {
  const ROWS = 1_048_575;
  const values: unknown[][] = new Array(ROWS + 1);
  values[0] = ["Period", "Actual"];
  const na = cellError("#N/A", "=VLOOKUP(A2,Forecasts!A:B,2,FALSE)");
  for (let i = 1; i <= ROWS; i++) values[i] = ["2018-01", na];
  const host = useHost([{ name: "Tall", values, tables: [{ name: "Tall", address: `A1:B${ROWS + 1}` }] }]);
  const grids = await readWorkbookInputs();
  expect(grids[0].issues).toHaveLength(ROWS);
  expect(grids[0].issues?.[ROWS - 1]).toEqual({
    sheet: "Tall",
    row: ROWS,
    col: 1,
    detail: "the error #N/A (a formula's result)",
  });
  const answered = host.syncs.filter((sync) => sync.failed === null);
  expect(Math.max(...host.syncs.map((sync) => sync.requestBytes))).toBeLessThanOrEqual(
    WEB_PAYLOAD_LIMIT_BYTES
  );
  expect(Math.max(...answered.map((sync) => sync.responseBytes))).toBeLessThanOrEqual(
    WEB_PAYLOAD_LIMIT_BYTES
  );
});
