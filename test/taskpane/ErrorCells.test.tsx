/** @jest-environment jsdom */
/**
 * The pane over Microsoft's Office.js client and a workbook with error cells: Check lists each error in
 * a column an input uses as a problem with its cell, in the headless runner's words.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
// First: installs the browser globals (TextEncoder) the modules below use when they load.
import { renderInFluent } from "./dom";
import { App } from "../../src/taskpane/App";
import { defaultPaneServices } from "../../src/taskpane/services";
import { cellError, createExcelHost } from "../support/excel-host";
import { installOfficeJs } from "../support/office-js";

let uninstall: () => void = () => undefined;
afterEach(() => uninstall());

test("Check lists error cells of the input's columns as problems, and choosing one selects the cell", async () => {
  const host = createExcelHost({
    sheets: [
      {
        name: "Service Requests",
        values: [
          ["Period", "User ID", "User Name", "Forecast", "Actual", "Notes"],
          ["2018-01", "90-B3-D5-1F-30-01-00-01", cellError("#REF!"), 100, 95, cellError("#N/A", "=NA()")],
          ["2018-01", "90-B3-D5-1F-30-01-00-02", "Brightside", 10, cellError("#DIV/0!", "=1/0"), ""],
          ["2018-01", "90-B3-D5-1F-30-01-00-03", "Lumen", 10, 11, ""],
        ],
        tables: [{ name: "SR", address: "A1:F4" }],
      },
    ],
  });
  uninstall = installOfficeJs(host);
  const user = userEvent.setup();
  renderInFluent(<App services={defaultPaneServices} />);
  await screen.findByText("Service Requests", { selector: "h3" });
  await user.click(screen.getByRole("button", { name: "Check" }));

  const list = await screen.findByRole("list", { name: "Problems" });
  const items = within(list).getAllByRole("button");
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringMatching(/'Service Requests'!C2.*the error #REF!$/),
    expect.stringMatching(/'Service Requests'!E3.*the error #DIV\/0! \(a formula's result\)$/),
  ]);
  expect(screen.getByRole("checkbox", { name: "Leave out the 2 bad rows" })).toBeInTheDocument();

  await user.click(items[1]);
  expect(host.selectedRange()).toEqual({ sheet: "Service Requests", address: "E3" });
});
