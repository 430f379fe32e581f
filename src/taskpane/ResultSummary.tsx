import { Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { EXCEPTION_STATUSES, reportDefinition, type VarianceHeadline } from "../reports";
import type { GenerationResult } from "./useReportPane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
});

const count = (value: number | null): string => (value === null ? "no data" : value.toLocaleString("en-GB"));

function percentText(value: number | null): string {
  return value === null ? "no forecast" : `${(value * 100).toFixed(1)}% of forecast`;
}

function varianceLine(name: string, headline: VarianceHeadline): string {
  const byStatus = EXCEPTION_STATUSES.filter((status) => headline.exceptionsByStatus[status] > 0)
    .map((status) => `${headline.exceptionsByStatus[status]} ${status}`)
    .join(", ");
  const exceptions = `${headline.exceptions} ${headline.exceptions === 1 ? "exception" : "exceptions"}`;
  return (
    `${name}: ${exceptions}${byStatus ? ` (${byStatus})` : ""}; ` +
    `${headline.parties} ${headline.parties === 1 ? "party" : "parties"}, actual ${percentText(headline.percent)}`
  );
}

export interface ResultSummaryProps {
  result: GenerationResult;
  /** Activates a written sheet. */
  onOpenSheet: (sheet: string) => void;
}

/** What was written: headline figures and a link to each new sheet. */
export function ResultSummary({ result, onOpenSheet }: ResultSummaryProps): React.JSX.Element {
  const styles = useStyles();
  const { summary, sheets } = result;
  return (
    <section className={styles.root} aria-labelledby="result-title">
      <Subtitle2 as="h2" id="result-title">
        Reports for {summary.periodLabel}
      </Subtitle2>
      <Body1>Due to the SEC Panel by {summary.dueDate}.</Body1>
      <ul className={styles.list} aria-label="Headline figures">
        {summary.sr && <li>{varianceLine(reportDefinition("sr").summaryLabel, summary.sr)}</li>}
        {summary.csr && <li>{varianceLine(reportDefinition("csr").summaryLabel, summary.csr)}</li>}
        {summary.pci && (
          <li>
            {reportDefinition("pci").summaryLabel}: {count(summary.pci.listed)} devices listed,{" "}
            {count(summary.pci.added)} added, {count(summary.pci.removed)} removed
          </li>
        )}
      </ul>
      <Caption1>Sheets written</Caption1>
      <ul className={styles.list} aria-label="Sheets written">
        {sheets.map((sheet) => (
          <li key={sheet.written}>
            <Link as="button" onClick={() => onOpenSheet(sheet.written)}>
              {sheet.written}
            </Link>
          </li>
        ))}
      </ul>
      {result.notes.map((note) => (
        <Body1 key={note}>{note}</Body1>
      ))}
    </section>
  );
}
