/** The cover paper's sheet. */
import type { SheetLayout } from "../layout";
import { reportSheetName } from "../registry";
import { DATE_FORMAT, SheetBuilder } from "../sheet/builder";
import type { CoverModel } from "./model";

const COVER_WIDTHS = [70, 18, 16, 28, 24];

export function buildCoverLayout(model: CoverModel): SheetLayout {
  const sheet = new SheetBuilder(
    reportSheetName("cover", model.period),
    "cover",
    model.classification,
    COVER_WIDTHS.slice()
  );
  sheet.line(model.title, { bold: true, fontSize: 16 });
  sheet.labelValue("Action", model.action);
  sheet.labelValue("Period", model.periodLabel);
  const classificationRow = sheet.labelValue("Classification", model.classification);
  sheet.style(classificationRow, 1, 1, 1, { bold: true, horizontalAlignment: "Left" });
  sheet.layout.headerRows = classificationRow + 1;
  sheet.blank();

  sheet.heading("1. Purpose");
  for (const text of model.purpose) sheet.line(text);
  sheet.blank();

  sheet.heading("2. Monthly Reporting");
  if (model.reports.length === 0) {
    sheet.line("No reports are included this month.");
  } else {
    sheet.line("This month the following reports are included:");
    const headerRow = sheet.next++;
    sheet.put(headerRow, 0, [["Report", "Period", "Due date", "Sheet", "Classification"]]);
    sheet.style(headerRow, 0, 1, 5, { bold: true });
    for (const report of model.reports) {
      const row = sheet.next++;
      sheet.put(row, 0, [
        [
          `${report.appendix}: ${report.title} (${report.section})`,
          report.periodLabel,
          report.dueDate,
          report.sheetName,
          report.classification,
        ],
      ]);
      sheet.style(row, 2, 1, 1, { numberFormat: DATE_FORMAT, horizontalAlignment: "Left" });
    }
    if (model.reportsNote) sheet.line(model.reportsNote, { italic: true });
  }
  sheet.blank();

  sheet.heading("3. Headline figures");
  if (model.headlines.length === 0) sheet.line("No reports are included, so there are no figures.");
  for (const headline of model.headlines)
    sheet.labelValue(headline.label, headline.value, headline.numberFormat);
  sheet.blank();

  sheet.heading("4. Recommendation");
  sheet.line(model.recommendation, { bold: true });
  sheet.blank();
  sheet.line(model.classificationText, { italic: true });
  sheet.blank();

  sheet.heading("Annex A: DCC Report Types", 14);
  for (const entry of model.annex) {
    sheet.line(entry.title, { bold: true });
    for (const text of entry.lines) sheet.line(text);
    sheet.blank();
  }
  return sheet.layout;
}
