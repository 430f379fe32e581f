/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import * as React from "react";
import { App } from "../../src/taskpane/App";
import { renderInFluent } from "./dom";
import { cleanSrGrid, fakeServices } from "./fakes";

/** axe's rule violations, by rule id and the elements involved (colour contrast needs a real layout). */
async function violations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.html).join(" | ")}`);
}

test("the pane with inputs, problems and the column mapping open has no axe violations", async () => {
  const user = userEvent.setup();
  const grid = cleanSrGrid();
  grid.values[2][1] = "not-an-id";
  grid.values[0][5] = "Qty"; // Actual missing: the mapping opens with an error on it
  const clean = { ...cleanSrGrid(), sheet: "SR clean", table: "SR_Clean" };
  const { container } = renderInFluent(<App services={fakeServices([grid, clean])} />);
  await screen.findAllByText("Service Requests", { selector: "h3" });
  expect(await violations(container)).toEqual([]);

  // Check lists the first input's bad ID and its missing column as problems.
  await user.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByRole("list", { name: "Problems" });
  expect(await violations(container)).toEqual([]);
});

// Walking with Tab is not reliable in jsdom (Fluent's tabster adds focus-redirecting elements that only a
// browser follows), so this checks what makes a control keyboard-reachable: it is focusable in tab order.
test("every control is in the tab order, named, and focusable", async () => {
  const user = userEvent.setup();
  renderInFluent(<App services={fakeServices([cleanSrGrid()])} />);
  await screen.findByText("Service Requests", { selector: "h3" });
  await user.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByText(/No problems found/);
  await user.click(screen.getByRole("button", { name: "Columns of Service Requests" }));

  const controls = [
    ...screen.getAllByRole("button"),
    ...screen.getAllByRole("combobox"),
    ...screen.getAllByRole("checkbox"),
  ];
  expect(controls.length).toBeGreaterThan(12);
  for (const control of controls) {
    expect(control).toHaveAccessibleName();
    expect(control.tabIndex).toBeGreaterThanOrEqual(0);
    act(() => control.focus());
    expect(control).toHaveFocus();
  }
});
