/**
 * The built task pane in Chromium against the in-memory workbook: a new user's first reports, bad input,
 * and generating a month twice. Needs `npm run build` first (npm test runs it) and /usr/bin/chromium.
 */
import type { Page } from "playwright-core";
import {
  paneSessionPerFile,
  hostSnapshot,
  hostWorkbook,
  JANUARY_2018_SHEETS,
  JANUARY_2018_TABLES,
  SAMPLE_MONTH_LABEL,
  screenshot,
  setCellValues,
  waitForInputsRead,
} from "./harness";
import type { E2EWindow } from "./page-api";

const panes = paneSessionPerFile();

async function insertSampleAndCheck(page: Page): Promise<void> {
  await waitForInputsRead(page);
  await page.getByRole("button", { name: "Insert sample data" }).click();
  await page.getByText("Sample data inserted").waitFor();
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText(/No problems found|problems?\. Choose one/).waitFor();
}

async function generate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Generate" }).click();
}

async function waitForResult(page: Page): Promise<void> {
  await page.getByRole("heading", { name: `Reports for ${SAMPLE_MONTH_LABEL}` }).waitFor();
}

test("a new user inserts the sample, checks it and writes every January 2018 report sheet and table", async () => {
  const { page } = await panes.open();
  await waitForInputsRead(page);
  await screenshot(page, "light-01-start");
  await insertSampleAndCheck(page);
  await expect(page.getByText(/No problems found\. 7 months of data\./).isVisible()).resolves.toBe(true);
  // The latest month in the data is chosen for the user.
  await expect(page.getByRole("combobox", { name: "Month" }).textContent()).resolves.toContain(
    SAMPLE_MONTH_LABEL
  );

  await generate(page);
  await waitForResult(page);
  await screenshot(page, "light-05-result");

  const workbook = await hostWorkbook(page);
  expect(workbook.sheets).toEqual([
    "Sheet1",
    "Service Requests",
    "CSRs",
    "Devices",
    "Service Metrics",
    ...JANUARY_2018_SHEETS,
  ]);
  for (const [name, expected] of Object.entries(JANUARY_2018_TABLES)) {
    const table = workbook.tables.find((t) => t.name === name);
    expect({ name, sheet: table?.sheet, headers: table?.headers }).toEqual({
      name,
      sheet: expected.sheet,
      headers: expected.columns,
    });
  }

  // The result: the due date the seed paper gives, and a card of headline figures per report.
  await expect(page.getByText("Due to the SEC Panel by 14 February 2018.").isVisible()).resolves.toBe(true);
  const cards = page.getByRole("list", { name: "Reports written" }).getByRole("listitem");
  await expect(cards.getByRole("heading").allInnerTexts()).resolves.toEqual([
    "Service Requests",
    "CSRs",
    "Post commissioning",
    "Cover paper",
  ]);
  const figures = await cards.evaluateAll((items) =>
    items.map((item) =>
      Array.from(item.querySelectorAll("dt")).map(
        (term) => `${term.textContent} ${term.nextElementSibling?.textContent}`
      )
    )
  );
  expect(figures).toEqual([
    [
      expect.stringMatching(/^Over \d+$/),
      expect.stringMatching(/^Under \d+$/),
      expect.stringMatching(/^No forecast \d+$/),
      expect.stringMatching(/^Metric breaches \d+$/),
    ],
    [
      expect.stringMatching(/^Over \d+$/),
      expect.stringMatching(/^Under \d+$/),
      expect.stringMatching(/^No forecast \d+$/),
    ],
    [
      expect.stringMatching(/^Devices listed \d+$/),
      expect.stringMatching(/^Added \d+$/),
      expect.stringMatching(/^Removed \d+$/),
    ],
    [],
  ]);

  // One link per sheet written, on its report's card; each opens its sheet in the workbook.
  const links = page.getByRole("list", { name: "Reports written" }).getByRole("button");
  await expect(links.allInnerTexts()).resolves.toEqual(JANUARY_2018_SHEETS);
  for (const sheet of [...JANUARY_2018_SHEETS].reverse()) {
    await page.getByRole("button", { name: sheet, exact: true }).click();
    await page.waitForFunction(
      (name) => (window as unknown as E2EWindow).__excelHost.activeSheet() === name,
      sheet
    );
  }
  expect((await hostWorkbook(page)).activeSheet).toBe(JANUARY_2018_SHEETS[0]);
});

/** The sample with a negative Forecast (F3) and an invalid User ID (B4) on the Service Requests sheet. */
async function breakSample(page: Page): Promise<void> {
  await setCellValues(page, "Service Requests", "F3", [[-5]]);
  await setCellValues(page, "Service Requests", "B4", [["not-an-id"]]);
}

test("bad input is listed with its cells, each selects its cell, and nothing is written until left out", async () => {
  const { page } = await panes.open();
  await insertSampleAndCheck(page);
  await breakSample(page);
  // The user edits the sheet and checks again: the check must see the edited cells.
  await page.getByRole("button", { name: "Check", exact: true }).click();
  const problems = page.getByRole("list", { name: "Problems" }).getByRole("button");
  await problems.first().waitFor();
  await screenshot(page, "light-03-problems");
  const texts = await problems.allInnerTexts();
  expect(texts).toHaveLength(2);
  expect(texts.find((t) => t.startsWith("'Service Requests'!F3"))).toMatch(/-5 is negative/);
  expect(texts.find((t) => t.startsWith("'Service Requests'!B4"))).toMatch(/not-an-id.*not a valid User ID/s);

  // Choosing a problem selects its cell in the workbook.
  for (const address of ["B4", "F3"]) {
    await problems.filter({ hasText: `'Service Requests'!${address}` }).click();
    await page.waitForFunction((a) => {
      const selected = (window as unknown as E2EWindow).__excelHost.selectedRange();
      return selected?.sheet === "Service Requests" && selected.address === a;
    }, address);
  }

  // Generate is blocked, and says why; the workbook gets nothing.
  const before = await hostSnapshot(page);
  const generateButton = page.getByRole("button", { name: "Generate" });
  await expect(generateButton.isDisabled()).resolves.toBe(true);
  await expect(page.getByText("Fix the 2 problems or leave out the bad rows.").isVisible()).resolves.toBe(
    true
  );
  await generateButton.click({ force: true });
  expect(await hostSnapshot(page)).toEqual(before);

  // Leaving the bad rows out lets it write, without the left-out User.
  await page.getByRole("checkbox", { name: "Leave out the 2 bad rows" }).check();
  await generate(page);
  await waitForResult(page);
  const workbook = await hostWorkbook(page);
  expect(workbook.sheets.slice(before.sheets.length)).toEqual(JANUARY_2018_SHEETS);
});

test("once the bad cells are fixed, Check passes and Generate writes", async () => {
  const { page } = await panes.open();
  await insertSampleAndCheck(page);
  const original = await page.evaluate(() => {
    const host = (window as unknown as E2EWindow).__excelHost;
    return [host.values("Service Requests", "F3")[0][0], host.values("Service Requests", "B4")[0][0]];
  });
  await breakSample(page);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByRole("list", { name: "Problems" }).waitFor();
  await expect(page.getByRole("button", { name: "Generate" }).isDisabled()).resolves.toBe(true);

  await setCellValues(page, "Service Requests", "F3", [[original[0]]]);
  await setCellValues(page, "Service Requests", "B4", [[original[1]]]);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText(/No problems found/).waitFor();
  await generate(page);
  await waitForResult(page);
  expect((await hostWorkbook(page)).sheets.slice(-4)).toEqual(JANUARY_2018_SHEETS);
});

test("generating a month twice asks first: Keep both leaves the first sheets as they were, Replace replaces them", async () => {
  const { page } = await panes.open();
  await insertSampleAndCheck(page);
  await generate(page);
  await waitForResult(page);
  // The user's own note on a report sheet: it must survive a declined replace.
  await setCellValues(page, "SR Variance Jan-2018", "Z200", [["my note"]]);
  const firstRun = await hostSnapshot(page);
  const firstSheets = firstRun.sheets.filter((s) => JANUARY_2018_SHEETS.includes(s.name));
  expect(firstSheets).toHaveLength(4);

  await generate(page);
  const dialog = page.getByRole("alertdialog", { name: "Replace 4 existing sheets?" });
  await dialog.waitFor();
  await screenshot(page, "light-06-replace-dialog");
  await expect(dialog.getByRole("listitem").allInnerTexts()).resolves.toEqual(JANUARY_2018_SHEETS);
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await waitForResult(page);

  const kept = await hostSnapshot(page);
  const keptNames = JANUARY_2018_SHEETS.map((name) => `${name} (2)`);
  expect(kept.sheets.filter((s) => JANUARY_2018_SHEETS.includes(s.name))).toEqual(firstSheets);
  expect(kept.sheets.map((s) => s.name)).toEqual([...firstRun.sheets.map((s) => s.name), ...keptNames]);
  expect(kept.tables.filter((t) => firstRun.tables.some((f) => f.name === t.name))).toEqual(firstRun.tables);
  expect(
    kept.tables
      .filter((t) => t.sheet === "SR Variance Jan-2018 (2)")
      .map((t) => t.name)
      .sort()
  ).toEqual([
    "SR_2018_01_2",
    "SR_Exceptions_2018_01_2",
    "SR_Metric_Breaches_2018_01_2",
    "SR_Metric_Summary_2018_01_2",
    "SR_Metrics_2018_01_2",
    "SR_Services_2018_01_2",
  ]);
  await expect(
    page.getByRole("list", { name: "Reports written" }).getByRole("button").allInnerTexts()
  ).resolves.toEqual(keptNames);

  // Asked again and answered Replace: the first sheets are rewritten (the note goes), the copies stay.
  await generate(page);
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Replace" }).click();
  await waitForResult(page);
  const replaced = await hostSnapshot(page);
  // Same names (the rewritten sheets are added at the end), no third copy.
  expect(replaced.sheets.map((s) => s.name).sort()).toEqual(kept.sheets.map((s) => s.name).sort());
  const srSheet = replaced.sheets.find((s) => s.name === "SR Variance Jan-2018");
  expect(JSON.stringify(srSheet?.values)).not.toContain("my note");
  expect(replaced.sheets.filter((s) => keptNames.includes(s.name))).toEqual(
    kept.sheets.filter((s) => keptNames.includes(s.name))
  );
  expect(replaced.tables.map((t) => t.name).sort()).toEqual(kept.tables.map((t) => t.name).sort());
});

/** Check and Generate lie within the first 700 px of the pane, in the page's flow (not stuck over content). */
async function expectCheckAndGenerateInFirst700Px(page: Page): Promise<void> {
  const layout = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const buttons = Array.from(document.querySelectorAll("button")).filter((button) =>
      ["Check", "Generate"].includes(button.innerText.trim())
    );
    const row = buttons[0]?.parentElement;
    const before = row?.previousElementSibling;
    return {
      buttons: buttons.map((button) => ({
        name: button.innerText.trim(),
        top: button.getBoundingClientRect().top + window.scrollY,
        bottom: button.getBoundingClientRect().bottom + window.scrollY,
      })),
      rowTop: row ? row.getBoundingClientRect().top : NaN,
      contentAboveBottom: before ? before.getBoundingClientRect().bottom : NaN,
    };
  });
  expect(layout.buttons.map((button) => button.name)).toEqual(["Check", "Generate"]);
  for (const button of layout.buttons) {
    expect(button.top).toBeGreaterThanOrEqual(0);
    expect(button.bottom).toBeLessThanOrEqual(700);
  }
  expect(layout.rowTop).toBeGreaterThanOrEqual(layout.contentAboveBottom);
}

test("at 360 × 700 px with the sample data, Check and Generate are within the first 700 px", async () => {
  const { page } = await panes.open();
  await page.setViewportSize({ width: 360, height: 700 });
  await waitForInputsRead(page);
  await page.getByRole("button", { name: "Insert sample data" }).click();
  await page.getByText("Sample data inserted").waitFor();
  // One line per input; no column mapping open, since every required column was found.
  await expect(page.getByRole("list", { name: "Inputs found" }).getByRole("listitem").count()).resolves.toBe(
    4
  );
  await expect(page.getByRole("combobox", { name: /Period/ }).count()).resolves.toBe(0);
  await screenshot(page, "light-02-sample-data");
  await expectCheckAndGenerateInFirst700Px(page);

  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText(/No problems found/).waitFor();
  await screenshot(page, "light-04-checked");
  await expectCheckAndGenerateInFirst700Px(page);
});

test("a missing required column opens that input's mapping by itself; Check and Generate stay in view", async () => {
  const { page } = await panes.open();
  await page.setViewportSize({ width: 360, height: 700 });
  await insertSampleAndCheck(page);
  const actualColumn = await page.evaluate(() => {
    const headers = (window as unknown as E2EWindow).__excelHost.sheetValues("Service Requests")[0];
    return String.fromCharCode(65 + headers.indexOf("Actual"));
  });
  await setCellValues(page, "Service Requests", `${actualColumn}1`, [["Qty"]]);
  await page.getByRole("button", { name: "Refresh" }).click();
  const actual = page.getByRole("combobox", { name: "Actual (required)" });
  await actual.waitFor();
  await expect(page.getByText("Missing required column: Actual. Choose below.").isVisible()).resolves.toBe(
    true
  );
  // Only the input that needs a choice is open.
  await expect(page.getByRole("combobox", { name: /^Period/ }).count()).resolves.toBe(1);
  // What fits in 360 × 700: the sticky Check and Generate over the open mapping.
  await screenshot(page, "light-07-missing-column", { fullPage: false });
  for (const name of ["Check", "Generate"]) {
    const box = await page.getByRole("button", { name, exact: true }).boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 700).toBe(true);
  }

  await actual.selectOption({ label: `Qty (${actualColumn})` });
  await expect(page.getByText(/Missing required column/).count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText(/No problems found/).waitFor();
});
