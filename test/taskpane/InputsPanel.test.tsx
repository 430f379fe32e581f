/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { sampleWorkbook, type SourceGrid } from "../../src/reports";
import { App } from "../../src/taskpane/App";
import { renderInFluent } from "./dom";
import { cleanSrGrid, fakeServices } from "./fakes";

function devicesRange(): SourceGrid {
  return {
    sheet: "Devices",
    row: 2,
    col: 1,
    values: [
      [
        "Period",
        "Device ID",
        "Commissioned",
        "Interrogated",
        "Recovery Trust Anchor",
        "Issue Security Credentials",
        "Update Security Credentials (Device)",
        "Update Security Credentials (KRP)",
      ],
      ["2018-01", "00-11-22-33-44-55-66-77", "2018-01-02", "yes", "yes", 2, 2, 2],
    ],
  };
}

function itemFor(heading: string): HTMLElement {
  const item = screen.getByText(heading, { selector: "h3" }).closest("li");
  if (!item) throw new Error(`no input item for ${heading}`);
  return item;
}

describe("inputs found", () => {
  test("lists each input on one line with its kind, row count and status; its columns on request", async () => {
    const user = userEvent.setup();
    renderInFluent(<App services={fakeServices([cleanSrGrid(), devicesRange()])} />);
    await screen.findByText("Service Requests", { selector: "h3" });
    expect(itemFor("Service Requests")).toHaveTextContent(/^Service Requests4 rowsColumns$/);
    expect(itemFor("Devices")).toHaveTextContent(/^Devices1 rowColumns$/);
    expect(within(itemFor("Devices")).getByRole("img")).toHaveAccessibleName("All required columns found");
    expect(screen.queryByText(/Missing required/)).not.toBeInTheDocument();
    // Nothing needs a choice, so no mapping is open until asked for.
    expect(screen.queryByRole("combobox", { name: /Period/ })).not.toBeInTheDocument();

    const columns = screen.getByRole("button", { name: "Columns of Service Requests" });
    expect(columns).toHaveAttribute("aria-expanded", "false");
    await user.click(columns);
    expect(columns).toHaveAttribute("aria-expanded", "true");
    const mapping = screen.getByRole("group", { name: "Columns of Service Requests" });
    expect(mapping).toHaveTextContent("Sheet Service Requests, table SR_Input, 4 rows");
    expect(within(mapping).getByRole("combobox", { name: "User ID (required)" })).toHaveDisplayValue(
      "User ID (B)"
    );
    await user.click(columns);
    expect(screen.queryByRole("group", { name: "Columns of Service Requests" })).not.toBeInTheDocument();
  });

  test("after a check, each input's icon says whether it has problems", async () => {
    const user = userEvent.setup();
    const grid = cleanSrGrid();
    grid.values[2][1] = "not-an-id";
    renderInFluent(<App services={fakeServices([grid, devicesRange()])} />);
    await screen.findByText("Service Requests", { selector: "h3" });
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("list", { name: "Problems" });
    expect(within(itemFor("Service Requests")).getByRole("img")).toHaveAccessibleName("1 problem found");
    expect(within(itemFor("Devices")).getByRole("img")).toHaveAccessibleName("Checked: no problems");
  });

  test("a missing required column is shown on its input and can be chosen from the headers", async () => {
    const user = userEvent.setup();
    const grid = cleanSrGrid();
    grid.values[0][5] = "Qty"; // not a name the detector knows for Actual
    const services = fakeServices([grid]);
    const checkSpy = jest.fn(services.checkInputs);
    services.checkInputs = checkSpy;
    renderInFluent(<App services={services} />);
    await screen.findByText("Service Requests", { selector: "h3" });

    // The mapping opened by itself, with the missing column marked.
    const item = itemFor("Service Requests");
    expect(within(item).getByText(/Missing required column: Actual/)).toBeInTheDocument();
    expect(within(item).getByRole("img")).toHaveAccessibleName("A required column is missing");
    expect(within(item).getByRole("button", { name: "Columns of Service Requests" })).toHaveAttribute(
      "aria-expanded",
      "true"
    );
    const actual = within(item).getByRole("combobox", { name: "Actual (required)" });
    expect(within(item).getByRole("combobox", { name: "User ID (required)" })).toHaveDisplayValue(
      "User ID (B)"
    );

    await user.selectOptions(actual, "Qty (F)");
    await waitFor(() => expect(within(item).queryByText(/Missing required/)).not.toBeInTheDocument());
    expect(actual).toHaveDisplayValue("Qty (F)");
    // It stays open after the fix, so the choice stays in view.
    expect(within(item).getByRole("combobox", { name: "Actual (required)" })).toBe(actual);

    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText(/No problems found/);
    expect(checkSpy).toHaveBeenCalledTimes(1);
    expect(checkSpy.mock.calls[0][0][0].columns.actual).toBe(5);
    expect(checkSpy.mock.calls[0][0][0].missing).toEqual([]);
  });

  test("changing a column after a check asks for a new check before Generate", async () => {
    const user = userEvent.setup();
    renderInFluent(<App services={fakeServices([cleanSrGrid()])} />);
    await screen.findByText("Service Requests", { selector: "h3" });
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText(/No problems found/);
    expect(screen.getByRole("button", { name: "Generate" })).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "Columns of Service Requests" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "User Name" }), "(none)");
    expect(screen.getByRole("button", { name: "Generate" })).toBeDisabled();
    expect(screen.getByText("Check the inputs first.")).toBeInTheDocument();
  });

  test("Insert sample data writes the sample sheets and reads the inputs again", async () => {
    const user = userEvent.setup();
    const services = fakeServices([]);
    services.insertSampleData.mockImplementation(async (sheets) => {
      services.readWorkbookInputs.mockResolvedValue([cleanSrGrid()]);
      return sheets.map((sheet) => sheet.name);
    });
    renderInFluent(<App services={services} />);
    expect(await screen.findByText(/No input tables found/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    expect(await screen.findByText("Sample data inserted")).toBeInTheDocument();
    expect(services.insertSampleData).toHaveBeenCalledWith(sampleWorkbook());
    expect(services.readWorkbookInputs).toHaveBeenCalledTimes(2);
    expect(screen.getByText("Service Requests", { selector: "h3" })).toBeInTheDocument();
  });

  test("a workbook that cannot be read shows why", async () => {
    const services = fakeServices([]);
    services.readWorkbookInputs.mockRejectedValue(new Error("The workbook is busy."));
    renderInFluent(<App services={services} />);
    expect(await screen.findByText("Could not read the workbook")).toBeInTheDocument();
    expect(screen.getByText("The workbook is busy.")).toBeInTheDocument();
  });
});
