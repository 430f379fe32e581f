/**
 * The custom functions as the shared runtime page registers them: dist/taskpane.html loads
 * dist/functions.js, which registers the five DCC functions with CustomFunctions.associate; calling the
 * registered functions in the page gives the SPEC's results.
 */
import type { Page } from "playwright-core";
import { openPane, startSession, type Pane, type Session } from "./harness";
import type { E2EWindow, SerialisedCell } from "./page-api";

let session: Session;
let pane: Pane;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  pane = await openPane(session);
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
  await session?.close();
});

function call(id: string, ...args: unknown[]): Promise<SerialisedCell[][] | SerialisedCell> {
  return page.evaluate(
    ([name, values]) => (window as unknown as E2EWindow).__e2e.callFunction(name, values),
    [id, args] as const
  );
}

// Excel date serials.
const JAN_31_2018 = 43131;
const FEB_14_2018 = 43145;

test("the page registers exactly the five DCC functions, each once", async () => {
  const ids = await page.evaluate(() => (window as unknown as E2EWindow).__e2e.registrations());
  expect([...ids].sort()).toEqual(["PCIFLAG", "SECDUEDATE", "SECTHRESHOLD", "SECVARIANCE", "SECWORKDAY"]);
});

test("SECVARIANCE gives the SEC status, inclusive at 90% and 110%, and actual ÷ forecast", async () => {
  await expect(call("SECVARIANCE", [[90]], [[100]])).resolves.toEqual([["Under"]]);
  await expect(
    call("SECVARIANCE", [[9], [110], [99], [5], [0]], [[10], [100], [90], [null], [null]])
  ).resolves.toEqual([["Under"], ["Over"], ["Over"], ["No forecast"], ["Within"]]);
  // CSR has no lower threshold.
  await expect(call("SECVARIANCE", [[9]], [[10]], "CSR")).resolves.toEqual([["Within"]]);
  await expect(call("SECVARIANCE", [[90]], [[100]], null, "percent")).resolves.toEqual([[0.9]]);
});

test("an error in one cell stays in its own cell, with Excel's error code", async () => {
  const result = await call("SECVARIANCE", [[-5], [100], ["lots"]], [[100], [100], [100]]);
  expect(result).toEqual([
    [{ error: "#NUM!", message: null }],
    ["Within"],
    [{ error: "#VALUE!", message: expect.stringMatching(/actual/) }],
  ]);
  await expect(call("SECVARIANCE", [[5]], [[0]], null, "percent")).resolves.toEqual([
    [{ error: "#DIV/0!", message: null }],
  ]);
});

test("PCIFLAG: seven days is Not due, the eighth day lists the failed criteria", async () => {
  const flag = (commissioned: number, interrogated: unknown, anchor: unknown, counts: number[]) =>
    call(
      "PCIFLAG",
      [[commissioned]],
      [[JAN_31_2018]],
      [[interrogated]],
      [[anchor]],
      [[counts[0]]],
      [[counts[1]]],
      [[counts[2]]]
    );
  await expect(flag(JAN_31_2018 - 7, false, false, [0, 0, 0])).resolves.toEqual([["Not due"]]);
  await expect(flag(JAN_31_2018 - 8, false, false, [0, 0, 0])).resolves.toEqual([["a,b,c,d,e"]]);
  await expect(flag(JAN_31_2018 - 8, true, "Yes", [2, 1, 2])).resolves.toEqual([["d"]]);
  await expect(flag(JAN_31_2018 - 8, "Y", true, [2, 2, 2])).resolves.toEqual([["Complete"]]);
  await expect(flag(JAN_31_2018 + 1, true, true, [2, 2, 2])).resolves.toEqual([
    [{ error: "#VALUE!", message: expect.any(String) }],
  ]);
});

test("SECTHRESHOLD: exact on the numbers given, #N/A with a message for no value", async () => {
  await expect(
    call("SECTHRESHOLD", [[0.05], [0.0501], [null]], [[0.05]], [["above"], ["Above"], [null]])
  ).resolves.toEqual([["Within"], ["Breach"], [{ error: "#N/A", message: "No value" }]]);
  await expect(call("SECTHRESHOLD", [[-2]], [[-1]], "at or below")).resolves.toEqual([["Breach"]]);
});

test("SECDUEDATE and SECWORKDAY: January 2018 reports were due on 14 February 2018", async () => {
  await expect(call("SECDUEDATE", [["2018-01"]])).resolves.toEqual([[FEB_14_2018]]);
  await expect(call("SECDUEDATE", [[JAN_31_2018 - 20]])).resolves.toEqual([[FEB_14_2018]]);
  await expect(call("SECWORKDAY", [[JAN_31_2018]], [[10]])).resolves.toEqual([[FEB_14_2018]]);
  // An extra holiday in the window moves the date one working day on (15 Feb 2018).
  await expect(call("SECDUEDATE", [["2018-01"]], null, [[JAN_31_2018 + 1]])).resolves.toEqual([
    [FEB_14_2018 + 1],
  ]);
});

test("the functions register even when the task pane's bundle fails to load", async () => {
  const broken = await openPane(session, { withoutPaneBundle: true });
  try {
    await broken.page.waitForLoadState("load");
    const ids = await broken.page.evaluate(() => (window as unknown as E2EWindow).__e2e.registrations());
    expect([...ids].sort()).toEqual(["PCIFLAG", "SECDUEDATE", "SECTHRESHOLD", "SECVARIANCE", "SECWORKDAY"]);
    await expect(broken.page.locator("#root").innerHTML()).resolves.toBe("");
  } finally {
    await broken.close();
  }
});
