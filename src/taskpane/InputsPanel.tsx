import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  ChevronDown16Regular,
  ChevronUp16Regular,
  ErrorCircle16Filled,
  Warning16Filled,
} from "@fluentui/react-icons";
import * as React from "react";
import { columnLetters } from "../reports/address";
import {
  INPUT_LABELS,
  type DetectedInput,
  type InputField,
  type InputFieldInfo,
  type InputKind,
} from "../reports";
import { headerLabel, inputKey } from "./mapping";

const NO_COLUMN = "none";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  line: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, minHeight: "28px" },
  status: { flexShrink: 0, display: "flex" },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  rows: { color: tokens.colorNeutralForeground2, flexGrow: 1 },
  problem: { color: tokens.colorPaletteRedForeground1, paddingLeft: tokens.spacingHorizontalXXL },
  mapping: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface InputsPanelProps {
  inputs: readonly DetectedInput[];
  inputFields: Record<InputKind, InputFieldInfo[]>;
  /** Tables and ranges that are no input (left alone). */
  unused: readonly string[];
  /** false until the workbook has been read once. */
  inputsRead: boolean;
  /** Problems the last check found, per input (by inputKey); absent before a check. */
  problemCounts: ReadonlyMap<string, number> | null;
  disabled: boolean;
  onChooseColumn: (input: DetectedInput, field: InputField, column: number | null) => void;
}

function rowsText(count: number): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? "row" : "rows"}`;
}

function describeSource(input: DetectedInput): string {
  const { sheet, table } = input.source;
  return table ? `Sheet ${sheet}, table ${table}` : `Sheet ${sheet}`;
}

/** The inputs found in the workbook: one line each, the column mapping opened where it needs a choice. */
export function InputsPanel({
  inputs,
  inputFields,
  unused,
  inputsRead,
  problemCounts,
  disabled,
  onChooseColumn,
}: InputsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const notUsed = unused.length > 0 && (
    <Caption1 className={styles.rows}>Not used (no input&apos;s columns): {unused.join(", ")}</Caption1>
  );
  if (inputsRead && inputs.length === 0) {
    return (
      <>
        <Body1>
          No input tables found. Add tables with headers such as Period, User ID, Forecast and Actual, or
          insert the sample data.
        </Body1>
        {notUsed}
      </>
    );
  }
  return (
    <>
      <ul className={styles.list} aria-label="Inputs found">
        {inputs.map((input) => (
          <InputLine
            key={inputKey(input)}
            input={input}
            fields={inputFields[input.kind]}
            problems={problemCounts?.get(inputKey(input)) ?? null}
            disabled={disabled}
            onChooseColumn={onChooseColumn}
          />
        ))}
      </ul>
      {notUsed}
    </>
  );
}

interface InputLineProps {
  input: DetectedInput;
  fields: InputFieldInfo[];
  /** Problems found in this input by the last check; null before a check. */
  problems: number | null;
  disabled: boolean;
  onChooseColumn: InputsPanelProps["onChooseColumn"];
}

function InputLine({ input, fields, problems, disabled, onChooseColumn }: InputLineProps): React.JSX.Element {
  const styles = useStyles();
  const missing = input.missing.length > 0;
  // Open by itself only when a required column was not found; it then stays open while the user fixes it.
  const [open, setOpen] = React.useState(missing);
  React.useEffect(() => {
    if (missing) setOpen(true);
  }, [missing]);
  const name = INPUT_LABELS[input.kind];
  const mappingId = `columns-${inputKey(input).replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const labelOf = (field: InputField): string => fields.find((info) => info.field === field)?.label ?? field;
  const missingText = `Missing required ${input.missing.length === 1 ? "column" : "columns"}: ${input.missing
    .map(labelOf)
    .join(", ")}`;
  return (
    <li className={styles.item}>
      <div className={styles.line} title={describeSource(input)}>
        <StatusIcon missing={missing} problems={problems} />
        <Body1Strong as="h3" className={styles.name}>
          {name}
        </Body1Strong>
        <Caption1 className={styles.rows}>{rowsText(input.rowCount)}</Caption1>
        <Button
          size="small"
          appearance="subtle"
          icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
          iconPosition="after"
          aria-expanded={open}
          aria-controls={mappingId}
          aria-label={`Columns of ${name}`}
          onClick={() => setOpen(!open)}
        >
          Columns
        </Button>
      </div>
      {missing && <Caption1 className={styles.problem}>{missingText}. Choose below.</Caption1>}
      {open && (
        <div id={mappingId} className={styles.mapping} role="group" aria-label={`Columns of ${name}`}>
          <Caption1>
            {describeSource(input)}, {rowsText(input.rowCount)}
          </Caption1>
          <ColumnMapping input={input} fields={fields} disabled={disabled} onChooseColumn={onChooseColumn} />
        </div>
      )}
    </li>
  );
}

/** The input's state at a glance; the label is what a screen reader says for it. */
function StatusIcon({ missing, problems }: { missing: boolean; problems: number | null }): React.JSX.Element {
  const styles = useStyles();
  if (missing) {
    return (
      <span
        className={`${styles.status} ${styles.error}`}
        role="img"
        aria-label="A required column is missing"
      >
        <ErrorCircle16Filled />
      </span>
    );
  }
  if (problems !== null && problems > 0) {
    const label = `${problems.toLocaleString("en-GB")} ${problems === 1 ? "problem" : "problems"} found`;
    return (
      <span className={`${styles.status} ${styles.warning}`} role="img" aria-label={label}>
        <Warning16Filled />
      </span>
    );
  }
  const label = problems === null ? "All required columns found" : "Checked: no problems";
  return (
    <span className={`${styles.status} ${styles.ok}`} role="img" aria-label={label}>
      <CheckmarkCircle16Filled />
    </span>
  );
}

interface ColumnMappingProps {
  input: DetectedInput;
  fields: InputFieldInfo[];
  disabled: boolean;
  onChooseColumn: InputsPanelProps["onChooseColumn"];
}

/** One native drop-down per field, listing the input's headers with their column letters. */
function ColumnMapping({ input, fields, disabled, onChooseColumn }: ColumnMappingProps): React.JSX.Element {
  const headers = input.source.values[0] ?? [];
  const optionText = headers.map(
    (header, index) => `${headerLabel(header, index)} (${columnLetters(input.source.col + index)})`
  );
  return (
    <>
      {fields.map(({ field, label, required }) => {
        const column = input.columns[field];
        const missing = input.missing.includes(field);
        return (
          <Field
            key={field}
            size="small"
            label={required ? `${label} (required)` : label}
            validationState={missing ? "error" : "none"}
            validationMessage={missing ? "Choose the column that holds this." : undefined}
          >
            <Select
              size="small"
              disabled={disabled}
              value={column === undefined ? (required ? "" : NO_COLUMN) : String(column)}
              onChange={(_event, data) => {
                onChooseColumn(input, field, data.value === NO_COLUMN ? null : Number(data.value));
              }}
            >
              {required ? (
                column === undefined && (
                  <option value="" disabled>
                    Choose a column
                  </option>
                )
              ) : (
                <option value={NO_COLUMN}>(none)</option>
              )}
              {optionText.map((text, index) => (
                <option key={index} value={String(index)}>
                  {text}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </>
  );
}
