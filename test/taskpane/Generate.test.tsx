/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import type { SheetSource } from "../../src/reports/resolve";
import { App } from "../../src/taskpane/App";
import { renderInFluent } from "./dom";
import { cleanSrGrid, fakeServices, writeAllAtOnce, type FakeServices, type WriteCall } from "./fakes";

/** Renders the pane over a clean SR table and runs Check, ready to Generate. */
async function readyToGenerate(services: FakeServices): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  renderInFluent(<App services={services} />);
  await screen.findByText("Service Requests", { selector: "h3" });
  await user.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByText(/No problems found/);
  return user;
}

/** A writeLayouts whose call the test drives by hand. */
function heldWrite(): {
  services: FakeServices;
  call: () => WriteCall;
  layouts: () => readonly SheetSource[];
} {
  let options: WriteCall | undefined;
  let written: readonly SheetSource[] = [];
  const services = fakeServices([cleanSrGrid()], {
    writeLayouts: jest.fn((layouts: readonly SheetSource[], writeOptions: WriteCall) => {
      options = writeOptions;
      written = layouts;
      return new Promise((_resolve, reject) => {
        writeOptions.signal?.addEventListener("abort", () =>
          reject(new DOMException("Aborted", "AbortError"))
        );
      });
    }),
  });
  return {
    services,
    call: () => {
      if (!options) throw new Error("writeLayouts was not called");
      return options;
    },
    layouts: () => written,
  };
}

/** A card's figures, label -> value as shown. */
function figuresOf(card: HTMLElement): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const term of card.querySelectorAll("dt")) {
    figures[term.textContent ?? ""] = term.nextElementSibling?.textContent ?? "";
  }
  return figures;
}

describe("generating reports", () => {
  test("defaults to the latest month and builds the chosen reports for it", async () => {
    const services = fakeServices([cleanSrGrid()]);
    const buildSpy = jest.fn(services.buildReports);
    services.buildReports = buildSpy;
    const user = await readyToGenerate(services);

    expect(screen.getByRole("combobox", { name: "Month" })).toHaveDisplayValue("January 2018");
    await user.click(screen.getByRole("checkbox", { name: /CSR forecast variance/ }));
    await user.click(screen.getByRole("checkbox", { name: /Post commissioning/ }));
    await user.click(screen.getByRole("checkbox", { name: "Redact CSR names (SEC L8.10)" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Month" }), "December 2017");
    await user.click(screen.getByRole("button", { name: "Generate" }));

    await waitFor(() => expect(services.writeLayouts).toHaveBeenCalledTimes(1));
    expect(buildSpy).toHaveBeenCalledWith(expect.anything(), {
      period: "2017-12",
      reports: ["sr"],
      redactCsr: true,
      // The audit stamp: the input fingerprint of the one report chosen.
      audit: expect.objectContaining({ fingerprints: { sr: expect.stringMatching(/^[0-9a-f]{64}$/) } }),
    });
    const names = services.writeLayouts.mock.calls[0][0].map((layout) => layout.name);
    expect(names).toEqual(["SR Variance Dec-2017", "DCC Reporting Dec-2017"]);
  });

  test("the summary after Generate is the one build's summary: no second model build", async () => {
    const services = fakeServices([cleanSrGrid()]);
    const built: ReturnType<FakeServices["buildReports"]>[] = [];
    services.buildReports = jest.fn((data, options) => {
      const result = fakeServices([]).buildReports(data, options);
      // Marked, so the pane can only show these figures if it shows this build's summary.
      if (result.summary.sr) result.summary.sr.parties = 4321;
      built.push(result);
      return result;
    });
    const user = await readyToGenerate(services);
    await user.click(screen.getByRole("button", { name: "Generate" }));

    const figures = await screen.findByRole("list", { name: "Reports written" });
    expect(figures).toHaveTextContent("4321 parties");
    expect(built).toHaveLength(1);
    expect(services.writeLayouts.mock.calls[0][0]).toBe(built[0].layouts);
  });

  test("shows the stage and value while the write is pending, and Cancel aborts it", async () => {
    const held = heldWrite();
    const user = await readyToGenerate(held.services);
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(held.services.writeLayouts).toHaveBeenCalledTimes(1));

    act(() => held.call().onProgress?.({ stage: "Writing SR Variance Jan-2018", done: 1, total: 4 }));
    expect(await screen.findByText("Writing SR Variance Jan-2018")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.25");
    act(() => held.call().onProgress?.({ stage: "Writing DCC Reporting Jan-2018", done: 3, total: 4 }));
    expect(await screen.findByText("Writing DCC Reporting Jan-2018")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.75");
    // Disabled but still focusable while busy, so keyboard focus is not dropped to the page.
    expect(screen.getByRole("button", { name: "Generate" })).toHaveAttribute("aria-disabled", "true");

    const signal = held.call().signal;
    expect(signal?.aborted).toBe(false);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByText(/the workbook is unchanged/)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate" })).toBeEnabled();
  });

  test("a failing write shows its message in a MessageBar and no result", async () => {
    const services = fakeServices([cleanSrGrid()], {
      writeLayouts: jest.fn(async () => {
        throw new Error("The request payload was too large.");
      }),
    });
    const user = await readyToGenerate(services);
    await user.click(screen.getByRole("button", { name: "Generate" }));

    const title = await screen.findByText("The reports were not written");
    const bar = title.closest(".fui-MessageBar");
    expect(bar).not.toBeNull();
    expect(bar).toHaveTextContent("The request payload was too large.");
    expect(screen.queryByRole("list", { name: "Reports written" })).not.toBeInTheDocument();
  });

  test.each([
    ["Replace", true],
    ["Keep both", false],
  ])("the replace dialog's %s button answers %s", async (buttonName, answer) => {
    const held = heldWrite();
    const user = await readyToGenerate(held.services);
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(held.services.writeLayouts).toHaveBeenCalledTimes(1));

    const existing = ["SR Variance Jan-2018", "DCC Reporting Jan-2018"];
    let answered: Promise<boolean> | undefined;
    act(() => {
      answered = held.call().confirmReplace(existing);
    });
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Replace 2 existing sheets?")).toBeInTheDocument();
    expect(within(dialog).getByText("SR Variance Jan-2018")).toBeInTheDocument();
    expect(within(dialog).getByText("DCC Reporting Jan-2018")).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: buttonName }));
    await expect(answered).resolves.toBe(answer);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
  });

  test("success shows each report's figures on a card with a link that opens its sheet", async () => {
    const services = fakeServices([cleanSrGrid()], {
      writeLayouts: jest.fn(async (layouts: readonly SheetSource[], options: WriteCall) => {
        const replace = await options.confirmReplace([layouts[0].name]);
        const result = await writeAllAtOnce(layouts, options);
        // Kept both: the first sheet went under a free name.
        if (!replace) result.sheets[0].written = `${layouts[0].name} (2)`;
        return result;
      }),
    });
    const user = await readyToGenerate(services);
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await user.click(await screen.findByRole("button", { name: "Keep both" }));

    expect(await screen.findByText("Due to the SEC Panel by 14 February 2018.")).toBeInTheDocument();
    // findBy: the page is aria-hidden until the closing dialog has gone.
    const cards = within(await screen.findByRole("list", { name: "Reports written" })).getAllByRole(
      "listitem"
    );
    expect(cards.map((card) => within(card).getByRole("heading").textContent)).toEqual([
      "Service Requests",
      "CSRs",
      "Post commissioning",
      "Cover paper",
    ]);
    // Jan 2018 in cleanSrGrid: 90/100 Under, 110/100 Over, 100/100 Within.
    expect(figuresOf(cards[0])).toEqual({ Over: "1", Under: "1", "No forecast": "0" });
    expect(cards[0]).toHaveTextContent("2 exceptions; 3 parties, actual 100.0% of forecast");
    expect(figuresOf(cards[2])).toEqual({ "Devices listed": "–", Added: "–", Removed: "–" });
    expect(cards[2]).toHaveTextContent("No device snapshot for this month.");

    const links = cards.map((card) => within(card).getByRole("button"));
    expect(links.map((link) => link.textContent)).toEqual([
      "SR Variance Jan-2018 (2)",
      "CSR Variance Jan-2018",
      "Post Commissioning Jan-2018",
      "DCC Reporting Jan-2018",
    ]);
    await user.click(links[0]);
    expect(services.selectCell).toHaveBeenCalledWith("SR Variance Jan-2018 (2)", "A1");
  });
});
