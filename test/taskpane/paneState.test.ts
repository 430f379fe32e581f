/** The pane's reducer and selector, apart from the effects. */
import { checkInputs, detectInputs } from "../../src/reports";
import { generateBlockedReason } from "../../src/taskpane/paneSelectors";
import { initialPaneState, paneReducer, type PaneState } from "../../src/taskpane/paneState";

const grid = {
  sheet: "SR",
  row: 0,
  col: 0,
  values: [
    ["Period", "User ID", "Forecast", "Actual"],
    ["2018-01", "90-B3-D5-1F-30-01-00-01", 100, 90],
  ],
};
const detected = detectInputs([grid]);
const data = checkInputs(detected);

function checkedState(): PaneState {
  return paneReducer(initialPaneState, { type: "checked", detected, unused: [], data, month: "2018-01" });
}

describe("paneReducer", () => {
  it("a check records the data and month; reading the inputs again forgets the check", () => {
    const checked = checkedState();
    expect(checked).toMatchObject({ busy: null, inputsRead: true, checked: data, month: "2018-01" });
    const leftOut = paneReducer(checked, { type: "leaveOutSet", on: true });
    const reread = paneReducer(leftOut, { type: "inputsRead", detected, unused: ["Notes"] });
    expect(reread).toMatchObject({
      checked: null,
      leaveOutBadRows: false,
      unused: ["Notes"],
      month: "2018-01",
    });
  });

  it("keeps the reports in registry order whatever order they are ticked in", () => {
    let state = paneReducer(initialPaneState, { type: "reportToggled", report: "sr", on: false });
    state = paneReducer(state, { type: "reportToggled", report: "sr", on: true });
    expect(state.reports).toEqual(initialPaneState.reports);
  });
});

describe("generateBlockedReason", () => {
  it("says why Generate cannot run, or null when it can", () => {
    expect(generateBlockedReason(initialPaneState)).toBe("Check the inputs first.");
    expect(generateBlockedReason(checkedState())).toBeNull();
    let noReports = checkedState();
    for (const report of ["sr", "csr", "pci"] as const) {
      noReports = paneReducer(noReports, { type: "reportToggled", report, on: false });
    }
    expect(generateBlockedReason(noReports)).toBe("Choose at least one report.");
    expect(generateBlockedReason(paneReducer(checkedState(), { type: "started", task: "writing" }))).toBe(
      "Busy."
    );
  });
});
