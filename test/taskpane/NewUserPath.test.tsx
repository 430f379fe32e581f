/** @jest-environment jsdom */
/**
 * The whole new-user path through the real pane services (src/excel + src/reports) and Microsoft's
 * Office.js client, with the in-memory workbook behind it: Insert sample data -> Check -> Generate for
 * January 2018, nothing else.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
// First: installs the browser globals (TextEncoder) the modules below use when they load.
import { renderInFluent } from "./dom";
import { App } from "../../src/taskpane/App";
import { defaultPaneServices } from "../../src/taskpane/services";
import { createExcelHost, type ExcelHost } from "../support/excel-host";
import { installOfficeJs } from "../support/office-js";

const REPORT_SHEETS = [
  "SR Variance Jan-2018",
  "CSR Variance Jan-2018",
  "Post Commissioning Jan-2018",
  "DCC Reporting Jan-2018",
];

let host: ExcelHost;
let uninstall: () => void;

beforeEach(() => {
  host = createExcelHost({ sheets: [{ name: "Notes", values: [["My own notes"]] }] });
  uninstall = installOfficeJs(host);
});

afterEach(() => uninstall());

test("a new user inserts the sample data, checks it and generates January 2018", async () => {
  const user = userEvent.setup();
  renderInFluent(<App services={defaultPaneServices} />);
  expect(await screen.findByText(/No input tables found/)).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Insert sample data" }));
  expect(await screen.findByText("Sample data inserted")).toBeInTheDocument();
  const inputs = screen.getByRole("list", { name: "Inputs found" });
  expect(
    within(inputs)
      .getAllByRole("heading")
      .map((heading) => heading.textContent)
  ).toEqual(expect.arrayContaining(["Service Requests", "CSRs", "Devices", "Service Metrics"]));

  await user.click(screen.getByRole("button", { name: "Check" }));
  expect(await screen.findByText(/No problems found/)).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Month" })).toHaveDisplayValue("January 2018");

  await user.click(screen.getByRole("button", { name: "Generate" }));
  expect(await screen.findByText("Due to the SEC Panel by 14 February 2018.")).toBeInTheDocument();
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();

  expect(host.sheetNames()).toEqual(expect.arrayContaining(["Notes", ...REPORT_SHEETS]));
  expect(host.sheetValues("Notes")).toEqual([["My own notes"]]);
  expect(host.tables().map((table) => table.name)).toEqual(
    expect.arrayContaining([
      "SR_2018_01",
      "SR_Exceptions_2018_01",
      "CSR_2018_01",
      "PCI_2018_01",
      "PCI_Trend_2018_01",
      // H3.24 in full: the sample has a Service column and Service Metrics.
      "SR_Services_2018_01",
      "SR_Metrics_2018_01",
      "SR_Metric_Breaches_2018_01",
    ])
  );
  const cards = screen.getByRole("list", { name: "Reports written" });
  expect(cards).toHaveTextContent(/Service Requests.*\d+ exceptions?; \d+ parties/);
  // The SR card counts the sample's metric breaches (5 of 24 in January 2018, one with no value).
  const srCard = within(cards).getAllByRole("listitem")[0];
  const breaches = within(srCard).getByText("Metric breaches");
  expect(breaches.nextElementSibling).toHaveTextContent(/^5$/);
  expect(srCard).toHaveTextContent("5 of 24 service metrics breached, 1 with no value");
  expect(cards).toHaveTextContent(/Post commissioning.*Devices listed.*Added.*Removed/);

  await user.click(within(cards).getByRole("button", { name: "CSR Variance Jan-2018" }));
  await waitFor(() => expect(host.activeSheet()).toBe("CSR Variance Jan-2018"));
  expect(host.selectedRange()).toEqual({ sheet: "CSR Variance Jan-2018", address: "A1" });

  // Generating again asks before replacing the four sheets; Replace leaves one of each.
  const sheetCount = host.sheetNames().length;
  await user.click(screen.getByRole("button", { name: "Generate" }));
  const dialog = await screen.findByRole("alertdialog");
  expect(within(dialog).getByText("Replace 4 existing sheets?")).toBeInTheDocument();
  await user.click(within(dialog).getByRole("button", { name: "Replace" }));
  expect(await screen.findByText("Due to the SEC Panel by 14 February 2018.")).toBeInTheDocument();
  expect(host.sheetNames()).toHaveLength(sheetCount);
  expect(host.sheetValues("Notes")).toEqual([["My own notes"]]);
});

test("a write that fails part-way shows the error and leaves the workbook as it was", async () => {
  const user = userEvent.setup();
  renderInFluent(<App services={defaultPaneServices} />);
  await screen.findByText(/No input tables found/);
  await user.click(screen.getByRole("button", { name: "Insert sample data" }));
  await screen.findByText("Sample data inserted");
  await user.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByText(/No problems found/);

  const before = host.snapshot();
  host.failSync(3);
  await user.click(screen.getByRole("button", { name: "Generate" }));
  const title = await screen.findByText("The reports were not written");
  expect(title.closest(".fui-MessageBar")?.textContent?.length).toBeGreaterThan(
    title.textContent?.length ?? 0
  );
  expect(host.snapshot()).toEqual(before);
  expect(screen.queryByRole("list", { name: "Reports written" })).not.toBeInTheDocument();
});
