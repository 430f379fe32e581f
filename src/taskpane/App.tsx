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
  Subtitle1,
  Title3,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { GenerateProgress } from "./GenerateProgress";
import { InputsPanel } from "./InputsPanel";
import { ProblemList } from "./ProblemList";
import { ReplaceDialog } from "./ReplaceDialog";
import { ReportChoices } from "./ReportChoices";
import { ResultSummary } from "./ResultSummary";
import type { PaneServices } from "./services";
import { useReportPane, type BusyTask } from "./useReportPane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

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

  const busy = state.busy !== null;
  const generating = state.busy === "building" || state.busy === "writing";
  const checked = state.checked;
  const problemCount = checked?.problems.length ?? 0;
  const hasInputs = inputs.length > 0;

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
        <Subtitle1 as="h2" id="inputs-title">
          Inputs found
        </Subtitle1>
        <div className={styles.buttons}>
          {/* disabledFocusable: a button that is busy keeps the keyboard focus instead of dropping it. */}
          <Button disabledFocusable={busy} onClick={() => void pane.refresh()}>
            Refresh
          </Button>
          <Button disabledFocusable={busy} onClick={() => void pane.insertSampleData()}>
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
          disabled={busy}
          onChooseColumn={pane.chooseColumn}
        />
      </section>

      <section className={styles.section} aria-labelledby="check-title">
        <Subtitle1 as="h2" id="check-title">
          Check
        </Subtitle1>
        <div className={styles.buttons}>
          <Button
            appearance={checked ? "secondary" : "primary"}
            disabled={!busy && !hasInputs}
            disabledFocusable={busy}
            onClick={() => void pane.check()}
          >
            Check
          </Button>
        </div>
        {state.busy === "checking" && <Spinner size="tiny" label={BUSY_TEXT.checking} />}
        {checked && problemCount === 0 && (
          <Body1>
            No problems found. {checked.months.length} {checked.months.length === 1 ? "month" : "months"} of
            data.
          </Body1>
        )}
        {checked && problemCount > 0 && (
          <>
            <Body1 role="status">
              {problemCount.toLocaleString("en-GB")} {problemCount === 1 ? "problem" : "problems"}. Choose one
              to go to its cell.
            </Body1>
            <ProblemList
              problems={checked.problems}
              onChoose={(problem) => void pane.goToCell(problem.sheet, problem.address)}
            />
            <Checkbox
              label={`Leave out the ${checked.badRowCount.toLocaleString("en-GB")} bad ${
                checked.badRowCount === 1 ? "row" : "rows"
              }`}
              checked={state.leaveOutBadRows}
              disabled={busy}
              onChange={(_event, data) => pane.setLeaveOutBadRows(data.checked === true)}
            />
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="reports-title">
        <Subtitle1 as="h2" id="reports-title">
          Reports
        </Subtitle1>
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
        <div className={styles.buttons}>
          <Button
            appearance={checked ? "primary" : "secondary"}
            disabled={!busy && pane.generateBlockedReason !== null}
            disabledFocusable={busy}
            aria-describedby={pane.generateBlockedReason && !busy ? "generate-hint" : undefined}
            onClick={() => void pane.generate()}
          >
            Generate
          </Button>
        </div>
        {pane.generateBlockedReason && !busy && (
          <Caption1 id="generate-hint">{pane.generateBlockedReason}</Caption1>
        )}
        {generating && (
          <GenerateProgress
            progress={state.progress}
            fallbackStage={BUSY_TEXT[state.busy ?? "building"]}
            onCancel={pane.cancel}
          />
        )}
        {state.result && !busy && (
          <ResultSummary result={state.result} onOpenSheet={(sheet) => void pane.goToCell(sheet, "A1")} />
        )}
      </section>

      <ReplaceDialog existing={state.replaceRequest} onAnswer={pane.answerReplace} />

      <Caption1>
        In any cell: =DCC.SECVARIANCE(actual, forecast), =DCC.PCIFLAG(…), =DCC.SECDUEDATE(&quot;2018-01&quot;)
        and =DCC.SECWORKDAY(start, days).
      </Caption1>
    </main>
  );
}
