/** The cover paper for the Panel, modelled on the SECAS "DCC Reporting" paper. */
import { type MonthKey, formatMonthLong } from "../../sec";
import type { Classification } from "../layout";
import { type ReportOptions, dueDateOf } from "../options";
import {
  APPENDIX_ORDER,
  COVER,
  REPORTS,
  type ReportChoice,
  reportDefinition,
  reportSheetName,
} from "../registry";
import type { ReportSummary, VarianceHeadline } from "../summary";

export interface CoverReportEntry {
  kind: ReportChoice;
  /** "Appendix A" … in sheet order. */
  appendix: string;
  title: string;
  section: string;
  sheetName: string;
  periodLabel: string;
  dueDate: number;
  classification: Classification;
}

export interface CoverHeadline {
  label: string;
  value: number | string | null;
  /** Excel number format for a number value. */
  numberFormat?: string;
}

export interface CoverAnnexEntry {
  title: string;
  lines: string[];
}

export interface CoverModel {
  kind: "cover";
  title: string;
  period: MonthKey;
  periodLabel: string;
  classification: Classification;
  action: string;
  purpose: string[];
  reports: CoverReportEntry[];
  reportsNote: string | null;
  headlines: CoverHeadline[];
  recommendation: string;
  classificationText: string;
  annex: CoverAnnexEntry[];
}

const APPENDIX_LETTERS = "ABCDEFGH";
const COUNT = "#,##0";

/** The cover paper for the Panel, modelled on the SECAS "DCC Reporting" paper. */
export function buildCoverModel(options: ReportOptions, summary: ReportSummary): CoverModel {
  const periodLabel = formatMonthLong(options.period);
  const dueDate = dueDateOf(options);
  const chosen = APPENDIX_ORDER.filter((id) => options.reports.includes(id)).map(reportDefinition);
  const reports: CoverReportEntry[] = chosen.map((report, index) => ({
    kind: report.id,
    appendix: `Appendix ${APPENDIX_LETTERS[index]}`,
    title: report.title,
    section: report.section,
    sheetName: reportSheetName(report.id, options.period),
    periodLabel,
    dueDate,
    classification: report.classification,
  }));
  const headlines: CoverHeadline[] = [];
  const varianceHeadlines = (what: string, parties: string, headline: VarianceHeadline): void => {
    headlines.push(
      { label: `${what} forecast`, value: headline.forecast, numberFormat: COUNT },
      { label: `${what} sent`, value: headline.actual, numberFormat: COUNT },
      { label: `${what} sent as % of forecast`, value: headline.percent, numberFormat: "0.0%" },
      { label: `${parties} reported`, value: headline.parties, numberFormat: COUNT },
      { label: `${parties} with exceptions`, value: headline.exceptions, numberFormat: COUNT }
    );
  };
  const { sr, csr, pci } = summary;
  if (sr) varianceHeadlines("Service Requests", "Users", sr);
  if (summary.metrics) {
    headlines.push(
      { label: "Monthly Service Metrics reported", value: summary.metrics.metrics, numberFormat: COUNT },
      { label: "Monthly Service Metric breaches", value: summary.metrics.breaches, numberFormat: COUNT }
    );
  }
  if (csr) varianceHeadlines("CSRs", "Authorised Subscribers", csr);
  if (pci) {
    headlines.push(
      {
        label: "Devices listed in the Post Commissioning Information",
        value: pci.listed ?? "no data",
        numberFormat: COUNT,
      },
      { label: "Devices added since the previous month", value: pci.added ?? "no data", numberFormat: COUNT },
      {
        label: "Devices removed since the previous month",
        value: pci.removed ?? "no data",
        numberFormat: COUNT,
      }
    );
  }
  const annex: CoverAnnexEntry[] = REPORTS.map((report) => ({
    title: report.title,
    lines: [...report.annex],
  }));
  return {
    kind: "cover",
    title: COVER.title,
    period: options.period,
    periodLabel,
    classification: COVER.classification,
    action: "For Information",
    purpose: [
      "This paper gives the Panel the reports that the DCC must provide under the Smart Energy Code (SEC).",
      "Annex A describes each type of report, its contents and how often it is made.",
    ],
    reports,
    reportsNote:
      reports.length > 0
        ? "The reports are classified AMBER and are therefore controlled to the SEC Panel only."
        : null,
    headlines,
    recommendation: "The Panel is requested to NOTE the contents of this paper.",
    classificationText:
      "This document is classified as WHITE in accordance with the Panel Information Policy. " +
      "Information can be shared with the public.",
    annex,
  };
}
