import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  INPUT_LABELS,
  type DetectedInput,
  type InputField,
  type InputFieldInfo,
  type InputKind,
} from "../reports";
import { columnLetters } from "../reports/address";
import { headerLabel, inputKey } from "./mapping";

const NO_COLUMN = "none";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  input: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
});

export interface InputsPanelProps {
  inputs: readonly DetectedInput[];
  inputFields: Record<InputKind, InputFieldInfo[]>;
  /** Tables and ranges that are no input (left alone). */
  unused: readonly string[];
  /** false until the workbook has been read once. */
  inputsRead: boolean;
  disabled: boolean;
  onChooseColumn: (input: DetectedInput, field: InputField, column: number | null) => void;
}

function describeSource(input: DetectedInput): string {
  const { sheet, table } = input.source;
  const rows = `${input.rowCount.toLocaleString("en-GB")} ${input.rowCount === 1 ? "row" : "rows"}`;
  return table ? `Sheet ${sheet}, table ${table} · ${rows}` : `Sheet ${sheet} · ${rows}`;
}

/** The inputs found in the workbook, each with its column mapping shown and correctable. */
export function InputsPanel({
  inputs,
  inputFields,
  unused,
  inputsRead,
  disabled,
  onChooseColumn,
}: InputsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const notUsed = unused.length > 0 && (
    <Caption1>Not used (no input's columns): {unused.join(", ")}</Caption1>
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
        {inputs.map((input) => {
          const key = inputKey(input);
          const labelOf = (field: InputField): string =>
            inputFields[input.kind].find((info) => info.field === field)?.label ?? field;
          return (
            <li key={key} className={styles.input}>
              <Subtitle2 as="h3">{INPUT_LABELS[input.kind]}</Subtitle2>
              <Caption1>{describeSource(input)}</Caption1>
              {input.missing.length > 0 && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    Missing required {input.missing.length === 1 ? "column" : "columns"}:{" "}
                    {input.missing.map(labelOf).join(", ")}. Choose{" "}
                    {input.missing.length === 1 ? "it" : "them"} under Columns.
                  </MessageBarBody>
                </MessageBar>
              )}
              {/* Open from the start when a required column is missing, so the fix is in view. */}
              <Accordion collapsible defaultOpenItems={input.missing.length > 0 ? ["columns"] : []}>
                <AccordionItem value="columns">
                  <AccordionHeader size="small">Columns</AccordionHeader>
                  <AccordionPanel>
                    <ColumnMapping
                      input={input}
                      fields={inputFields[input.kind]}
                      disabled={disabled}
                      onChooseColumn={onChooseColumn}
                      className={styles.fields}
                      dropdownClassName={styles.dropdown}
                    />
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>
            </li>
          );
        })}
      </ul>
      {notUsed}
    </>
  );
}

interface ColumnMappingProps {
  input: DetectedInput;
  fields: InputFieldInfo[];
  disabled: boolean;
  onChooseColumn: InputsPanelProps["onChooseColumn"];
  className: string;
  dropdownClassName: string;
}

function ColumnMapping({
  input,
  fields,
  disabled,
  onChooseColumn,
  className,
  dropdownClassName,
}: ColumnMappingProps): React.JSX.Element {
  const headers = input.source.values[0] ?? [];
  const optionText = headers.map(
    (header, index) => `${headerLabel(header, index)} (${columnLetters(input.source.col + index)})`
  );
  return (
    <div className={className}>
      {fields.map(({ field, label, required }) => {
        const column = input.columns[field];
        const missing = input.missing.includes(field);
        return (
          <Field
            key={field}
            label={required ? `${label} (required)` : label}
            validationState={missing ? "error" : "none"}
            validationMessage={missing ? "Choose the column that holds this." : undefined}
          >
            <Dropdown
              className={dropdownClassName}
              disabled={disabled}
              placeholder="Choose a column"
              value={column === undefined ? (required ? "" : "(none)") : optionText[column]}
              selectedOptions={[column === undefined ? NO_COLUMN : String(column)]}
              onOptionSelect={(_event, data) => {
                const chosen = data.optionValue;
                if (chosen === undefined) return;
                onChooseColumn(input, field, chosen === NO_COLUMN ? null : Number(chosen));
              }}
            >
              {!required && (
                <Option value={NO_COLUMN} text="(none)">
                  (none)
                </Option>
              )}
              {optionText.map((text, index) => (
                <Option key={index} value={String(index)} text={text}>
                  {text}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}
