/**
 * axe-core on the built pane in Chromium (real layout, so colour contrast is checked too), in every main
 * state of the pane, in Office's light and dark themes. Violations of impact serious or critical fail.
 */
import type { Page } from "playwright-core";
import {
  paneSessionPerFile,
  axeViolations,
  describeFindings,
  screenshot,
  setCellValues,
  waitForInputsRead,
  type AxeFinding,
} from "./harness";
import type { E2EWindow, ThemeName } from "./page-api";

const panes = paneSessionPerFile();

const FAILING_IMPACTS = new Set(["serious", "critical"]);

/** Runs axe in the current state, saves a screenshot, and collects what fails. */
async function audit(page: Page, state: string, failures: string[]): Promise<AxeFinding[]> {
  await screenshot(page, state);
  const findings = await axeViolations(page);
  const failing = findings.filter((f) => f.impact !== null && FAILING_IMPACTS.has(f.impact));
  if (failing.length > 0) failures.push(`${state}:\n${describeFindings(failing)}`);
  return findings;
}

/** Relative luminance (0 black .. 1 white) of the pane's background, as the browser painted it. */
function paneBackgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const provider = document.querySelector(".fui-FluentProvider");
    if (!provider) throw new Error("No FluentProvider on the page.");
    const match = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(provider).backgroundColor);
    if (!match) throw new Error(`Unexpected background ${getComputedStyle(provider).backgroundColor}`);
    const [r, g, b] = match.slice(1).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
}

describe.each<ThemeName>(["light", "dark"])("in Office's %s theme", (theme) => {
  test("every main state of the pane has no serious or critical axe violation", async () => {
    const { page } = await panes.open({ theme });
    const failures: string[] = [];
    const state = (n: number, name: string) => `${theme}-a11y-${String(n).padStart(2, "0")}-${name}`;

    // The pane follows Office's theme.
    const luminance = await paneBackgroundLuminance(page);
    if (theme === "dark") expect(luminance).toBeLessThan(0.3);
    else expect(luminance).toBeGreaterThan(0.9);

    await waitForInputsRead(page);
    await audit(page, state(1, "start"), failures);

    await page.getByRole("button", { name: "Insert sample data" }).click();
    await page.getByText("Sample data inserted").waitFor();
    await page.getByRole("button", { name: "Columns of Service Requests" }).click();
    await page
      .getByRole("combobox", { name: /Period \(required\)/ })
      .first()
      .waitFor();
    await audit(page, state(2, "inputs-found"), failures);

    // Problems: a negative count and an invalid ID, read again and checked.
    await setCellValues(page, "Service Requests", "F3", [[-5]]);
    await setCellValues(page, "Service Requests", "B4", [["not-an-id"]]);
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByRole("list", { name: "Problems" }).waitFor();
    await audit(page, state(3, "problems"), failures);

    // Progress: hold the workbook's syncs so the pane stays mid-write while axe looks at it.
    await page.getByRole("checkbox", { name: /Leave out the 2 bad rows/ }).check();
    await page.evaluate(() => (window as unknown as E2EWindow).__e2e.holdSyncs());
    await page.getByRole("button", { name: "Generate" }).click();
    await page.getByRole("progressbar").waitFor();
    await page.waitForFunction(() => (window as unknown as E2EWindow).__e2e.heldSyncCount() > 0);
    await audit(page, state(4, "progress"), failures);
    await page.evaluate(() => (window as unknown as E2EWindow).__e2e.releaseSyncs());

    await page.getByRole("heading", { name: "Reports for January 2018" }).waitFor();
    await audit(page, state(5, "result"), failures);

    await page.getByRole("button", { name: "Generate" }).click();
    await page.getByRole("alertdialog").waitFor();
    await audit(page, state(6, "replace-dialog"), failures);
    await page.getByRole("button", { name: "Keep both" }).click();
    await page.getByRole("heading", { name: "Reports for January 2018" }).waitFor();

    // An error: the workbook fails the next request.
    await page.evaluate(() => (window as unknown as E2EWindow).__excelHost.failSync(1));
    await page.getByRole("button", { name: "Generate" }).click();
    await page.getByText("The reports were not written").waitFor();
    await audit(page, state(7, "error"), failures);

    if (failures.length > 0)
      throw new Error(`axe found serious or critical violations:\n${failures.join("\n")}`);
  });
});
