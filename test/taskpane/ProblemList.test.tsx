/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { App } from "../../src/taskpane/App";
import { ProblemList, PROBLEMS_SHOWN } from "../../src/taskpane/ProblemList";
import { renderInFluent } from "./dom";
import { checkedWithProblems, cleanSrGrid, fakeServices, problem } from "./fakes";

async function checkWith(services: ReturnType<typeof fakeServices>): Promise<void> {
  const user = userEvent.setup();
  renderInFluent(<App services={services} />);
  await screen.findByText("Service Requests", { selector: "h3" });
  await user.click(screen.getByRole("button", { name: "Check" }));
}

describe("problem list", () => {
  test("shows each problem's sheet!cell and message, and choosing one selects that cell", async () => {
    const user = userEvent.setup();
    const problems = [
      problem("Service Requests", 4, 1, '"90-B3-XX" is not a valid User ID'),
      problem("Devices", 11, 2, "-3 is negative: counts cannot be negative"),
    ];
    const services = fakeServices([cleanSrGrid()], { checkInputs: () => checkedWithProblems(problems) });
    await checkWith(services);

    const list = await screen.findByRole("list", { name: "Problems" });
    const buttons = within(list).getAllByRole("button");
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toHaveTextContent("'Service Requests'!B5");
    expect(buttons[0]).toHaveTextContent('"90-B3-XX" is not a valid User ID');
    expect(buttons[1]).toHaveTextContent("Devices!C12");
    expect(buttons[1]).toHaveTextContent("-3 is negative");
    expect(screen.getByRole("status")).toHaveTextContent("2 problems");

    await user.click(buttons[1]);
    expect(services.selectCell).toHaveBeenCalledWith("Devices", "C12");
  });

  test("a problem can be chosen from the keyboard with Enter", async () => {
    const user = userEvent.setup();
    const onChoose = jest.fn();
    const problems = [problem("SR", 2, 0, "Period: unreadable"), problem("SR", 3, 4, "Forecast: text")];
    renderInFluent(<ProblemList problems={problems} onChoose={onChoose} />);

    await user.tab();
    expect(screen.getAllByRole("button")[0]).toHaveFocus();
    await user.tab();
    expect(screen.getAllByRole("button")[1]).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose).toHaveBeenCalledWith(problems[1]);
  });

  test("real checks of a bad cell lead to that cell", async () => {
    const user = userEvent.setup();
    const grid = cleanSrGrid();
    grid.values[3][1] = "90-B3-XX"; // sheet row 3 -> B4
    const services = fakeServices([grid]);
    await checkWith(services);

    const list = await screen.findByRole("list", { name: "Problems" });
    const item = within(list).getByRole("button", { name: /'Service Requests'!B4/ });
    await user.click(item);
    expect(services.selectCell).toHaveBeenCalledWith("Service Requests", "B4");
  });

  test("lists the first 500 problems and counts the rest", () => {
    const problems = Array.from({ length: 620 }, (_, index) =>
      problem("SR", index + 1, 1, `problem ${index}`)
    );
    renderInFluent(<ProblemList problems={problems} onChoose={() => undefined} />);
    expect(screen.getAllByRole("button")).toHaveLength(PROBLEMS_SHOWN);
    expect(screen.getByText("and 120 more")).toBeInTheDocument();
    expect(screen.queryByText("problem 500")).not.toBeInTheDocument();
  });

  test("Generate is disabled while there are problems unless the bad rows are left out", async () => {
    const user = userEvent.setup();
    const problems = [
      problem("SR", 2, 1, "bad ID"),
      problem("SR", 3, 1, "bad ID"),
      problem("SR", 3, 4, "text"),
    ];
    const services = fakeServices([cleanSrGrid()], { checkInputs: () => checkedWithProblems(problems, 2) });
    await checkWith(services);

    const generate = await screen.findByRole("button", { name: "Generate" });
    expect(generate).toBeDisabled();
    const leaveOut = screen.getByRole("checkbox", { name: "Leave out the 2 bad rows" });
    await user.click(leaveOut);
    expect(generate).toBeEnabled();
    await user.click(leaveOut);
    expect(generate).toBeDisabled();

    await user.click(leaveOut);
    await user.click(generate);
    await waitFor(() => expect(services.writeLayouts).toHaveBeenCalledTimes(1));
  });

  test("Generate is enabled after a clean check, and not before", async () => {
    const user = userEvent.setup();
    renderInFluent(<App services={fakeServices([cleanSrGrid()])} />);
    await screen.findByText("Service Requests", { selector: "h3" });
    expect(screen.getByRole("button", { name: "Generate" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText(/No problems found/);
    expect(screen.getByRole("button", { name: "Generate" })).toBeEnabled();
    expect(screen.queryByRole("checkbox", { name: /Leave out/ })).not.toBeInTheDocument();
  });
});

describe("Check", () => {
  test("checks the workbook as it is now, not as it was when the pane opened", async () => {
    const user = userEvent.setup();
    const grid = cleanSrGrid();
    const services = fakeServices([grid]);
    renderInFluent(<App services={services} />);
    await screen.findByText("Service Requests", { selector: "h3" });

    // The analyst types a negative actual after the inputs were read.
    const edited = cleanSrGrid();
    edited.values[2][5] = -5; // sheet row 2, column F -> F3
    services.readWorkbookInputs.mockResolvedValue([edited]);
    await user.click(screen.getByRole("button", { name: "Check" }));

    const list = await screen.findByRole("list", { name: "Problems" });
    expect(within(list).getByRole("button")).toHaveTextContent("'Service Requests'!F3");
    expect(grid.values[2][5]).toBe(90);
  });
});
