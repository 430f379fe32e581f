import { Checkbox, Dropdown, Field, makeStyles, Option, Switch, tokens } from "@fluentui/react-components";
import * as React from "react";
import { REPORTS, type ReportChoice } from "../reports";
import { formatMonthLong, type MonthKey } from "../sec";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
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
        hint={monthsReady ? undefined : "Check the inputs to list the months in the data."}
      >
        <Dropdown
          disabled={disabled || !monthsReady}
          placeholder="Choose a month"
          value={month === null ? "" : formatMonthLong(month)}
          selectedOptions={month === null ? [] : [month]}
          onOptionSelect={(_event, data) => {
            if (data.optionValue !== undefined) props.onMonth(data.optionValue);
          }}
        >
          {[...months].reverse().map((key) => (
            <Option key={key} value={key} text={formatMonthLong(key)}>
              {formatMonthLong(key)}
            </Option>
          ))}
        </Dropdown>
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
      <Switch
        label="Redact CSR names (SEC L8.10)"
        checked={redactCsr}
        disabled={disabled}
        onChange={(_event, data) => props.onRedactCsr(data.checked)}
      />
    </div>
  );
}
