import {
  Body1,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  EXCEPTION_STATUSES,
  reportDefinition,
  reportSheetName,
  type MetricsHeadline,
  type ReportChoice,
  type VarianceHeadline,
} from "../reports";
import type { GenerationResult } from "./paneState";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  figures: {
    display: "grid",
    // Three figures a row, four on the SR card with Service Metrics: as many columns as fit.
    gridTemplateColumns: "repeat(auto-fit, minmax(4.5rem, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  // The value above its label (the label first for screen readers); values on one line when a label wraps.
  figure: { display: "flex", flexDirection: "column-reverse", justifyContent: "flex-end" },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  attention: { color: tokens.colorPaletteRedForeground1 },
});

const count = (value: number | null): string => (value === null ? "–" : value.toLocaleString("en-GB"));

export interface ResultCardsProps {
  result: GenerationResult;
  /** Activates a written sheet. */
  onOpenSheet: (sheet: string) => void;
}

interface Figure {
  label: string;
  value: number | null;
  /** Drawn in red when above zero: an exception the Panel will ask about. */
  attention?: boolean;
}

/** What was written: each report's headline figures on a card, with the due date and a link to its sheet. */
export function ResultCards({ result, onOpenSheet }: ResultCardsProps): React.JSX.Element {
  const styles = useStyles();
  const { summary, sheets } = result;
  // The name each sheet was written under (a kept-both write adds " (2)").
  const written = (layout: string): string =>
    sheets.find((sheet) => sheet.layout === layout)?.written ?? layout;
  const sheetOf = (id: ReportChoice | "cover"): string => reportSheetName(id, summary.period);
  const titleOf = (id: ReportChoice): string => reportDefinition(id).summaryLabel;
  const link = (layout: string) => (
    <Link as="button" onClick={() => onOpenSheet(written(layout))}>
      {written(layout)}
    </Link>
  );
  return (
    <section className={styles.root} aria-labelledby="result-title">
      <Subtitle2 as="h2" id="result-title">
        Reports for {summary.periodLabel}
      </Subtitle2>
      <Body1>Due to the SEC Panel by {summary.dueDate}.</Body1>
      <ul className={styles.cards} aria-label="Reports written">
        {summary.sr && (
          <ReportCard
            title={titleOf("sr")}
            sheetLink={link(sheetOf("sr"))}
            figures={[...varianceFigures(summary.sr), ...metricFigures(summary.metrics)]}
          >
            {varianceNote(summary.sr)}
            {summary.metrics && `. ${metricsNote(summary.metrics)}`}
          </ReportCard>
        )}
        {summary.csr && (
          <ReportCard
            title={titleOf("csr")}
            sheetLink={link(sheetOf("csr"))}
            figures={varianceFigures(summary.csr)}
          >
            {varianceNote(summary.csr)}
          </ReportCard>
        )}
        {summary.pci && (
          <ReportCard
            title={titleOf("pci")}
            sheetLink={link(sheetOf("pci"))}
            figures={[
              { label: "Devices listed", value: summary.pci.listed, attention: true },
              { label: "Added", value: summary.pci.added },
              { label: "Removed", value: summary.pci.removed },
            ]}
          >
            {summary.pci.listed === null ? "No device snapshot for this month." : undefined}
          </ReportCard>
        )}
        <ReportCard title="Cover paper" sheetLink={link(sheetOf("cover"))} figures={[]} />
      </ul>
      {result.notes.map((note) => (
        <Body1 key={note}>{note}</Body1>
      ))}
    </section>
  );
}

function varianceFigures(headline: VarianceHeadline): Figure[] {
  return EXCEPTION_STATUSES.map((status) => ({
    label: status,
    value: headline.exceptionsByStatus[status],
    attention: true,
  }));
}

/** The Service Metrics breaches, when there is a Service Metrics input. */
function metricFigures(metrics: MetricsHeadline | undefined): Figure[] {
  return metrics ? [{ label: "Metric breaches", value: metrics.breaches, attention: true }] : [];
}

function metricsNote(metrics: MetricsHeadline): string {
  const noValue = metrics.noValue > 0 ? `, ${metrics.noValue} with no value` : "";
  return `${metrics.breaches} of ${metrics.metrics} service metrics breached${noValue}`;
}

function varianceNote(headline: VarianceHeadline): string {
  const exceptions = `${headline.exceptions} ${headline.exceptions === 1 ? "exception" : "exceptions"}`;
  const parties = `${headline.parties} ${headline.parties === 1 ? "party" : "parties"}`;
  const percent =
    headline.percent === null ? "no forecast" : `actual ${(headline.percent * 100).toFixed(1)}% of forecast`;
  return `${exceptions}; ${parties}, ${percent}`;
}

interface ReportCardProps {
  title: string;
  sheetLink: React.JSX.Element;
  figures: Figure[];
  children?: React.ReactNode;
}

function ReportCard({ title, sheetLink, figures, children }: ReportCardProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <li>
      <Card size="small">
        <CardHeader header={<Subtitle2 as="h3">{title}</Subtitle2>} description={sheetLink} />
        {figures.length > 0 && (
          <dl className={styles.figures}>
            {figures.map((figure) => (
              <div key={figure.label} className={styles.figure}>
                <dt className={styles.label}>{figure.label}</dt>
                <dd
                  className={`${styles.value} ${figure.attention && (figure.value ?? 0) > 0 ? styles.attention : ""}`}
                >
                  {count(figure.value)}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {children && <Caption1>{children}</Caption1>}
      </Card>
    </li>
  );
}
