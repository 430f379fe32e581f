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
  expect(workbook.sheets).toEqual(["Sheet1", "Service Requests", "CSRs", "Devices", ...JANUARY_2018_SHEETS]);
  for (const [name, expected] of Object.entries(JANUARY_2018_TABLES)) {
    const table = workbook.tables.find((t) => t.name === name);
    expect({ name, sheet: table?.sheet, headers: table?.headers }).toEqual({
      name,
      sheet: expected.sheet,
      headers: expected.columns,
    });
  }

  // The summary: the due date the seed paper gives, and the headline figures.
  await expect(page.getByText("Due to the SEC Panel by 14 February 2018.").isVisible()).resolves.toBe(true);
  const headlines = await page
    .getByRole("list", { name: "Headline figures" })
    .getByRole("listitem")
    .allInnerTexts();
  expect(headlines).toEqual([
    expect.stringMatching(/^Service Requests: \d+ exceptions? /),
    expect.stringMatching(/^CSRs: \d+ exceptions? /),
    expect.stringMatching(/^Post commissioning: \d+ devices listed, \d+ added, \d+ removed$/),
  ]);

  // One link per sheet written; each opens its sheet in the workbook.
  const links = page.getByRole("list", { name: "Sheets written" }).getByRole("button");
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

/** The sample with a negative Actual (F3) and an invalid User ID (B4) on the Service Requests sheet. */
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
  ).toEqual(["SR_2018_01_2", "SR_Exceptions_2018_01_2"]);
  await expect(
    page.getByRole("list", { name: "Sheets written" }).getByRole("button").allInnerTexts()
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
