/**
 * The new user's path with the keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys; no mouse), in the
 * built pane in Chromium, checking at every stop that the focused element shows that it has focus.
 */
import type { Page } from "playwright-core";
import {
  paneSessionPerFile,
  focusStop,
  hostWorkbook,
  JANUARY_2018_SHEETS,
  screenshot,
  waitForInputsRead,
} from "./harness";
import type { E2EWindow } from "./page-api";

const panes = paneSessionPerFile();

/** Every focus stop visited, for the failure message. */
let trail: string[] = [];

/** Presses a key and checks the focus that results: on an element, marked focus-visible, and the element
 *  left behind looks different without focus (so the indicator was really drawn). */
async function press(page: Page, key: string, wrapping = false): Promise<string> {
  await page.keyboard.press(key);
  const stop = await focusStop(page);
  trail.push(`${key} -> ${stop.description}`);
  const where = `after ${trail.length} keys:\n  ${trail.join("\n  ")}`;
  if (stop.description === "body") {
    // Tab past the last control leaves the page (to the browser's own UI) once before it wraps around.
    if (wrapping && !/-> body$/.test(trail[trail.length - 2] ?? "")) return stop.description;
    throw new Error(`Focus was lost (nothing focused) ${where}`);
  }
  if (!stop.marked) throw new Error(`${stop.description} has focus but is not marked focus-visible ${where}`);
  if (stop.previous && !stop.previous.changed) {
    throw new Error(`${stop.previous.description} looked the same with and without focus ${where}`);
  }
  return stop.description;
}

/** Tabs (forward) until the focused element's description matches; fails after a full lap of the pane. */
async function tabTo(page: Page, target: RegExp): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (target.test(await press(page, "Tab", true))) return;
  }
  throw new Error(`Tab never reached ${target}:\n  ${trail.join("\n  ")}`);
}

/** The focused element's description, without pressing anything. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el
      ? `${el.getAttribute("role") ?? el.tagName.toLowerCase()} ${(el as HTMLElement).innerText ?? ""}`
      : "";
  });
}

test("keyboard only: insert the sample, check, choose January 2018, generate and open a sheet, focus always visible", async () => {
  trail = [];
  const { page } = await panes.open();
  await waitForInputsRead(page);

  await tabTo(page, /^button "Insert sample data"$/);
  await screenshot(page, "keyboard-01-focus-insert");
  await page.keyboard.press("Enter");
  await page.getByText("Sample data inserted").waitFor();

  // An input's columns open with Enter and show the detected mapping; they close again with Space.
  await tabTo(page, /^button "Columns of Service Requests"$/);
  await page.keyboard.press("Enter");
  await page
    .getByRole("combobox", { name: /Period \(required\)/ })
    .first()
    .waitFor();
  await page.keyboard.press("Space");
  await page
    .getByRole("combobox", { name: /Period \(required\)/ })
    .first()
    .waitFor({ state: "hidden" });

  await tabTo(page, /^button "Check"$/);
  await page.keyboard.press("Space");
  await page.getByText(/No problems found/).waitFor();

  // The month: the arrow keys move through the months (newest first) while it has focus.
  await tabTo(page, /^select "Month"$/);
  const month = page.getByRole("combobox", { name: "Month" });
  await expect(month.inputValue()).resolves.toBe("2018-01");
  await screenshot(page, "keyboard-02-focus-month");
  await press(page, "ArrowDown");
  await expect(month.inputValue()).resolves.toBe("2017-12");
  await press(page, "ArrowUp");
  await expect(month.inputValue()).resolves.toBe("2018-01");
  await expect(focused(page)).resolves.toMatch(/^select /);

  // Reports: Space toggles a checkbox off and on again.
  await tabTo(page, /^input "CSR forecast variance/);
  const csr = page.getByRole("checkbox", { name: /CSR forecast variance/ });
  await page.keyboard.press("Space");
  await expect(csr.isChecked()).resolves.toBe(false);
  await page.keyboard.press("Space");
  await expect(csr.isChecked()).resolves.toBe(true);

  await tabTo(page, /^button "Generate"$/);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Reports for January 2018" }).waitFor();

  // Shift+Tab walks back too; then forward to the first sheet link, which opens its sheet.
  await press(page, "Shift+Tab");
  await tabTo(page, new RegExp(`^button "${JANUARY_2018_SHEETS[1]}"$`));
  await screenshot(page, "keyboard-03-focus-sheet-link");
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    (name) => (window as unknown as E2EWindow).__excelHost.activeSheet() === name,
    JANUARY_2018_SHEETS[1]
  );
  expect((await hostWorkbook(page)).sheets.slice(-4)).toEqual(JANUARY_2018_SHEETS);
});

test("keyboard only: the replace question is answered with the keyboard, and Escape keeps both", async () => {
  trail = [];
  const { page } = await panes.open();
  await waitForInputsRead(page);
  await tabTo(page, /^button "Insert sample data"$/);
  await page.keyboard.press("Enter");
  await page.getByText("Sample data inserted").waitFor();
  await tabTo(page, /^button "Check"$/);
  await page.keyboard.press("Enter");
  await page.getByText(/No problems found/).waitFor();
  await tabTo(page, /^button "Generate"$/);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Reports for January 2018" }).waitFor();

  // Second time: the dialog takes focus; Tab stays inside it; Escape answers "Keep both".
  await tabTo(page, /^button "Generate"$/);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await expect(dialog.evaluate((el) => el.contains(document.activeElement))).resolves.toBe(true);
  for (let i = 0; i < 4; i++) {
    await press(page, "Tab");
    await expect(dialog.evaluate((el) => el.contains(document.activeElement))).resolves.toBe(true);
  }
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "SR Variance Jan-2018 (2)", exact: true }).waitFor();
  expect((await hostWorkbook(page)).sheets.slice(-8)).toEqual([
    ...JANUARY_2018_SHEETS,
    ...JANUARY_2018_SHEETS.map((name) => `${name} (2)`),
  ]);
});
