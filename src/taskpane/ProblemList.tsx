import { Body1, Caption1, createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Problem } from "../reports";
import { sheetReference } from "../reports/address";

/** More than this many problems are counted, not listed: the list stays quick to render and to read. */
export const PROBLEMS_SHOWN = 500;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    maxHeight: "320px",
    overflowY: "auto",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  focus: createFocusOutlineStyle(),
  location: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground1,
  },
});

/** The problem's message without its leading "Sheet!A1: ", which the list shows on its own line. */
export function problemDetail(problem: Problem): string {
  const prefix = `${problemLocation(problem)}: `;
  return problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
}

/** Sheet!A1, quoted the way Excel quotes sheet names. */
export function problemLocation(problem: Problem): string {
  return `${sheetReference(problem.sheet)}!${problem.address}`;
}

export interface ProblemListProps {
  problems: readonly Problem[];
  /** Called when a problem is chosen (click, Enter or Space): go to its cell. */
  onChoose: (problem: Problem) => void;
}

/** Each problem is a button naming its cell; choosing one selects the cell in the workbook. */
export function ProblemList({ problems, onChoose }: ProblemListProps): React.JSX.Element {
  const styles = useStyles();
  const shown = problems.length > PROBLEMS_SHOWN ? problems.slice(0, PROBLEMS_SHOWN) : problems;
  const more = problems.length - shown.length;
  return (
    <div>
      <ul className={styles.list} aria-label="Problems">
        {shown.map((problem, index) => (
          <li key={`${index}:${problem.sheet}!${problem.address}`}>
            <button
              type="button"
              className={`${styles.item} ${styles.focus}`}
              onClick={() => onChoose(problem)}
              title={`Go to ${problemLocation(problem)}`}
            >
              <Caption1 className={styles.location}>{problemLocation(problem)}</Caption1>
              <Body1>{problemDetail(problem)}</Body1>
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && <Caption1>and {more.toLocaleString("en-GB")} more</Caption1>}
    </div>
  );
}
