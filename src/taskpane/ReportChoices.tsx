import { Checkbox, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import * as React from "react";
import { REPORTS, type ReportChoice } from "../reports";
import { formatMonthLong, type MonthKey } from "../sec";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  reports: { display: "flex", flexDirection: "column" },
});

export interface ReportChoicesProps {
  /** Months in the checked data; empty before Check. */
  months: readonly MonthKey[];
  month: MonthKey | null;
  reports: readonly ReportChoice[];
  redactCsr: boolean;
  disabled: boolean;
  onMonth: (month: MonthKey) => void;
  onReport: (report: ReportChoice, on: boolean) => void;
  onRedactCsr: (on: boolean) => void;
}

/** Which month, which reports, and whether to redact CSR names. */
export function ReportChoices(props: ReportChoicesProps): React.JSX.Element {
  const styles = useStyles();
  const { months, month, reports, redactCsr, disabled } = props;
  const monthsReady = months.length > 0;
  return (
    <div className={styles.root}>
      <Field
        label="Month"
        orientation="horizontal"
        hint={monthsReady ? undefined : "Check the inputs to list the months in the data."}
      >
        <Select
          disabled={disabled || !monthsReady}
          value={month ?? ""}
          onChange={(_event, data) => {
            if (data.value !== "") props.onMonth(data.value);
          }}
        >
          {month === null && <option value="">Choose a month</option>}
          {[...months].reverse().map((key) => (
            <option key={key} value={key}>
              {formatMonthLong(key)}
            </option>
          ))}
        </Select>
      </Field>
      <div role="group" aria-label="Reports" className={styles.reports}>
        {REPORTS.map((report) => (
          <Checkbox
            key={report.id}
            label={report.label}
            checked={reports.includes(report.id)}
            disabled={disabled}
            onChange={(_event, data) => props.onReport(report.id, data.checked === true)}
          />
        ))}
      </div>
      <Checkbox
        label="Redact CSR names (SEC L8.10)"
        checked={redactCsr}
        disabled={disabled}
        onChange={(_event, data) => props.onRedactCsr(data.checked === true)}
      />
    </div>
  );
}
