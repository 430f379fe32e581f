import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { DetectedInput, Problem } from "../reports";
import { GenerateProgress } from "./GenerateProgress";
import { InputsPanel } from "./InputsPanel";
import { inputKey } from "./mapping";
import { ProblemList } from "./ProblemList";
import { ReportChoices } from "./ReportChoices";
import type { PaneServices } from "./services";
import type { BusyTask } from "./paneState";
import { useReportPane } from "./useReportPane";

// Shown only after a click: fetched with the code behind Check and Generate, not with the page.
const ReplaceDialog = React.lazy(() =>
  import(/* webpackChunkName: "after-click" */ "./ReplaceDialog").then((module) => ({
    default: module.ReplaceDialog,
  }))
);
const ResultCards = React.lazy(() =>
  import(/* webpackChunkName: "after-click" */ "./ResultCards").then((module) => ({
    default: module.ResultCards,
  }))
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  headingText: { flexGrow: 1, margin: 0 },
  // Check and Generate stay in view: they stick to the bottom of the pane when a long mapping pushes them down.
  actions: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Problems found by the last check, per input (see inputKey): the input with the problem's kind and sheet. */
function problemCountsByInput(
  inputs: readonly DetectedInput[],
  problems: readonly Problem[]
): Map<string, number> {
  const counts = new Map<string, number>(inputs.map((input) => [inputKey(input), 0]));
  for (const problem of problems) {
    const input = inputs.find(
      (candidate) => candidate.kind === problem.kind && candidate.source.sheet === problem.sheet
    );
    if (input) counts.set(inputKey(input), (counts.get(inputKey(input)) ?? 0) + 1);
  }
  return counts;
}

const BUSY_TEXT: Record<BusyTask, string> = {
  reading: "Reading the workbook…",
  inserting: "Inserting sample data…",
  checking: "Checking the inputs…",
  building: "Building the reports…",
  writing: "Writing the reports…",
};

export interface AppProps {
  /** Workbook and report functions: defaultPaneServices in Excel; tests pass fakes or the in-memory host. */
  services: PaneServices;
}

/** The task pane: find the inputs, check them, choose the reports, write them. */
export function App({ services }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const pane = useReportPane(services);
  const { state, inputs } = pane;
  const { refresh } = pane;
  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  // A new message appears at the top of the pane, usually out of view of the button that caused it.
  const messageRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.message === null) return;
    messageRef.current?.scrollIntoView?.({ block: "nearest" });
    if (state.message.intent === "error") messageRef.current?.focus();
  }, [state.message]);

  // Mounted on the first question and kept, so that closing plays out and releases the page as Fluent expects.
  const dialogNeeded = React.useRef(false);
  if (state.replaceRequest !== null) dialogNeeded.current = true;

  const busy = state.busy !== null;
  const generating = state.busy === "building" || state.busy === "writing";
  const checked = state.checked;
  const problemCount = checked?.problems.length ?? 0;
  const hasInputs = inputs.length > 0;
  const problemCounts = React.useMemo(
    () => (checked ? problemCountsByInput(inputs, checked.problems) : null),
    [inputs, checked]
  );

  return (
    <main className={styles.root} aria-labelledby="pane-title">
      <Title3 as="h1" id="pane-title">
        DCC SEC Reporting
      </Title3>

      {state.message && (
        <MessageBar
          ref={messageRef}
          tabIndex={-1}
          intent={state.message.intent}
          politeness={state.message.intent === "error" ? "assertive" : "polite"}
        >
          <MessageBarBody>
            <MessageBarTitle>{state.message.title}</MessageBarTitle>
            {state.message.text}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="inputs-title">
        <div className={styles.heading}>
          <Subtitle2 as="h2" id="inputs-title" className={styles.headingText}>
            Inputs
          </Subtitle2>
          {/* disabledFocusable: a button that is busy keeps the keyboard focus instead of dropping it. */}
          <Button
            size="small"
            appearance="subtle"
            disabledFocusable={busy}
            onClick={() => void pane.refresh()}
          >
            Refresh
          </Button>
          <Button
            size="small"
            appearance={hasInputs ? "subtle" : "primary"}
            disabledFocusable={busy}
            onClick={() => void pane.insertSampleData()}
          >
            Insert sample data
          </Button>
        </div>
        {(state.busy === "reading" || state.busy === "inserting") && (
          <Spinner size="tiny" label={BUSY_TEXT[state.busy]} />
        )}
        <InputsPanel
          inputs={inputs}
          inputFields={services.INPUT_FIELDS}
          unused={state.unused}
          inputsRead={state.inputsRead}
          problemCounts={problemCounts}
          disabled={busy}
          onChooseColumn={pane.chooseColumn}
        />
      </section>

      <section className={styles.section} aria-labelledby="reports-title">
        <Subtitle2 as="h2" id="reports-title">
          Reports
        </Subtitle2>
        <ReportChoices
          months={checked?.months ?? []}
          month={state.month}
          reports={state.reports}
          redactCsr={state.redactCsr}
          disabled={busy}
          onMonth={pane.chooseMonth}
          onReport={pane.toggleReport}
          onRedactCsr={pane.setRedactCsr}
        />
      </section>

      <div className={styles.actions} role="group" aria-label="Check and generate">
        <Button
          appearance={checked ? "secondary" : "primary"}
          disabled={!busy && !hasInputs}
          disabledFocusable={busy}
          onClick={() => void pane.check()}
        >
          Check
        </Button>
        <Button
          appearance={checked ? "primary" : "secondary"}
          disabled={!busy && pane.generateBlockedReason !== null}
          disabledFocusable={busy}
          aria-describedby={pane.generateBlockedReason && !busy ? "generate-hint" : undefined}
          onClick={() => void pane.generate()}
        >
          Generate
        </Button>
        {pane.generateBlockedReason && !busy && (
          <Caption1 id="generate-hint" className={styles.hint}>
            {pane.generateBlockedReason}
          </Caption1>
        )}
      </div>

      {state.busy === "checking" && <Spinner size="tiny" label={BUSY_TEXT.checking} />}
      {generating && (
        <GenerateProgress
          progress={state.progress}
          fallbackStage={BUSY_TEXT[state.busy ?? "building"]}
          onCancel={pane.cancel}
        />
      )}

      {checked && problemCount === 0 && !state.result && (
        <Body1>
          No problems found. {checked.months.length} {checked.months.length === 1 ? "month" : "months"} of
          data.
        </Body1>
      )}
      {checked && problemCount > 0 && (
        <section className={styles.section} aria-labelledby="problems-title">
          <Body1 role="status" id="problems-title">
            {problemCount.toLocaleString("en-GB")} {problemCount === 1 ? "problem" : "problems"}. Choose one
            to go to its cell.
          </Body1>
          <Checkbox
            label={`Leave out the ${checked.badRowCount.toLocaleString("en-GB")} bad ${
              checked.badRowCount === 1 ? "row" : "rows"
            }`}
            checked={state.leaveOutBadRows}
            disabled={busy}
            onChange={(_event, data) => pane.setLeaveOutBadRows(data.checked === true)}
          />
          <ProblemList
            problems={checked.problems}
            onChoose={(problem) => void pane.goToCell(problem.sheet, problem.address)}
          />
        </section>
      )}

      <React.Suspense fallback={null}>
        {state.result && !busy && (
          <ResultCards result={state.result} onOpenSheet={(sheet) => void pane.goToCell(sheet, "A1")} />
        )}
        {dialogNeeded.current && (
          <ReplaceDialog existing={state.replaceRequest} onAnswer={pane.answerReplace} />
        )}
      </React.Suspense>

      <Caption1 className={styles.hint}>
        In any cell: =DCC.SECVARIANCE(actual, forecast), =DCC.PCIFLAG(…), =DCC.SECDUEDATE(&quot;2018-01&quot;)
        and =DCC.SECWORKDAY(start, days).
      </Caption1>
    </main>
  );
}
