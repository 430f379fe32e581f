/**
 * The task pane's effects: the actions that read and write the workbook and build the reports, each
 * dispatching to the reducer in paneState.ts. Services (workbook and report builder) come in as a
 * parameter, so tests run the same hook against fakes or the in-memory host. Heavy work (check,
 * build, write) runs in async handlers after a yield, so a Spinner shows first.
 */
import * as React from "react";
import {
  auditInfo,
  type DetectedInput,
  type InputField,
  type ReportChoice,
  type ReportOptions,
  type SourceGrid,
} from "../reports";
import type { MonthKey } from "../sec";
import { inputKey, remapInput } from "./mapping";
import { generateBlockedReason } from "./paneSelectors";
import { initialPaneState, paneReducer, type PaneMessage, type PaneState } from "./paneState";
import type { PaneServices } from "./services";

/** The grids that are no input, as the pane names them. */
function unusedNames(services: PaneServices, grids: SourceGrid[]): string[] {
  return services
    .unusedGrids(grids)
    .map((grid) => (grid.table ? `${grid.sheet} (table ${grid.table})` : grid.sheet));
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Lets React paint (a Spinner, a progress bar) before synchronous work starts. */
function yieldToRender(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ReportPane {
  state: PaneState;
  /** The inputs with the user's column choices applied. */
  inputs: DetectedInput[];
  refresh: () => Promise<void>;
  insertSampleData: () => Promise<void>;
  chooseColumn: (input: DetectedInput, field: InputField, column: number | null) => void;
  check: () => Promise<void>;
  goToCell: (sheet: string, address: string) => Promise<void>;
  chooseMonth: (month: MonthKey) => void;
  toggleReport: (report: ReportChoice, on: boolean) => void;
  setRedactCsr: (on: boolean) => void;
  setLeaveOutBadRows: (on: boolean) => void;
  generate: () => Promise<void>;
  cancel: () => void;
  answerReplace: (replace: boolean) => void;
  generateBlockedReason: string | null;
}

export function useReportPane(services: PaneServices): ReportPane {
  const [state, dispatch] = React.useReducer(paneReducer, initialPaneState);
  const inputs = React.useMemo(
    () => state.detected.map((input) => remapInput(input, state.overrides[inputKey(input)] ?? {}, services)),
    [state.detected, state.overrides, services]
  );
  // Handlers read the latest state through refs, so they stay stable and never act on a stale render.
  const latest = React.useRef({ state, inputs });
  latest.current = { state, inputs };
  const abortRef = React.useRef<AbortController | null>(null);
  const replaceAnswerRef = React.useRef<((replace: boolean) => void) | null>(null);

  const readInputs = React.useCallback(
    async (message?: PaneMessage): Promise<void> => {
      try {
        const grids = await services.readWorkbookInputs();
        dispatch({
          type: "inputsRead",
          detected: services.detectInputs(grids),
          unused: unusedNames(services, grids),
          message,
        });
      } catch (error) {
        dispatch({
          type: "finished",
          message: { intent: "error", title: "Could not read the workbook", text: errorText(error) },
        });
      }
    },
    [services]
  );

  const refresh = React.useCallback(async (): Promise<void> => {
    dispatch({ type: "started", task: "reading" });
    await readInputs();
  }, [readInputs]);

  const insertSampleData = React.useCallback(async (): Promise<void> => {
    dispatch({ type: "started", task: "inserting" });
    let written: string[];
    try {
      written = await services.insertSampleData(await services.sampleWorkbook());
    } catch (error) {
      dispatch({
        type: "finished",
        message: { intent: "error", title: "Could not insert sample data", text: errorText(error) },
      });
      return;
    }
    await readInputs({
      intent: "success",
      title: "Sample data inserted",
      text: `Added ${written.join(", ")}. Check, then Generate.`,
    });
  }, [services, readInputs]);

  const chooseColumn = React.useCallback((input: DetectedInput, field: InputField, column: number | null) => {
    dispatch({ type: "columnChosen", key: inputKey(input), field, column });
  }, []);

  const check = React.useCallback(async (): Promise<void> => {
    dispatch({ type: "started", task: "checking" });
    try {
      // Check what the workbook holds now: cells may have been edited since the inputs were read.
      const grids = await services.readWorkbookInputs();
      const detected = services.detectInputs(grids);
      await yieldToRender();
      const { overrides, month: current } = latest.current.state;
      const inputs = detected.map((input) => remapInput(input, overrides[inputKey(input)] ?? {}, services));
      const data = await services.checkInputs(inputs);
      const month =
        current !== null && data.months.includes(current) ? current : await services.latestMonth(data);
      dispatch({ type: "checked", detected, unused: unusedNames(services, grids), data, month });
    } catch (error) {
      dispatch({
        type: "finished",
        message: { intent: "error", title: "Could not check the inputs", text: errorText(error) },
      });
    }
  }, [services]);

  const goToCell = React.useCallback(
    async (sheet: string, address: string): Promise<void> => {
      try {
        await services.selectCell(sheet, address);
      } catch (error) {
        dispatch({
          type: "finished",
          message: { intent: "error", title: `Could not go to ${sheet}!${address}`, text: errorText(error) },
        });
      }
    },
    [services]
  );

  const askReplace = React.useCallback((existing: string[]): Promise<boolean> => {
    return new Promise<boolean>((resolve) => {
      replaceAnswerRef.current = resolve;
      dispatch({ type: "replaceAsked", existing });
    });
  }, []);

  const answerReplace = React.useCallback((replace: boolean) => {
    const answer = replaceAnswerRef.current;
    replaceAnswerRef.current = null;
    dispatch({ type: "replaceAnswered" });
    answer?.(replace);
  }, []);

  const generate = React.useCallback(async (): Promise<void> => {
    const { state: current } = latest.current;
    if (generateBlockedReason(current) !== null || current.checked === null || current.month === null) return;
    const data = current.checked;
    const options: ReportOptions = {
      period: current.month,
      reports: current.reports,
      redactCsr: current.redactCsr,
    };
    const controller = new AbortController();
    abortRef.current = controller;
    dispatch({ type: "started", task: "building" });
    try {
      await yieldToRender();
      const audit = await auditInfo(data, options, services.sha256Lines);
      // One build: the summary shown afterwards comes from the same models as the sheets.
      const { layouts, summary } = await services.buildReports(data, { ...options, audit });
      if (controller.signal.aborted) throw new DOMException("Cancelled", "AbortError");
      dispatch({ type: "started", task: "writing" });
      const written = await services.writeLayouts(layouts, {
        confirmReplace: askReplace,
        onProgress: (progress) => dispatch({ type: "progress", progress: { ...progress } }),
        signal: controller.signal,
      });
      dispatch({ type: "generated", result: { sheets: written.sheets, summary, notes: written.notes } });
    } catch (error) {
      dispatch({
        type: "finished",
        message: controller.signal.aborted
          ? {
              intent: "warning",
              title: "Cancelled",
              text: "No reports were written; the workbook is unchanged.",
            }
          : { intent: "error", title: "The reports were not written", text: errorText(error) },
      });
    } finally {
      abortRef.current = null;
      // A write that ended while the question was open: answer it so nothing waits forever.
      if (replaceAnswerRef.current) answerReplace(false);
    }
  }, [services, askReplace, answerReplace]);

  const cancel = React.useCallback(() => {
    abortRef.current?.abort();
  }, []);

  return {
    state,
    inputs,
    refresh,
    insertSampleData,
    chooseColumn,
    check,
    goToCell,
    chooseMonth: React.useCallback((month: MonthKey) => dispatch({ type: "monthChosen", month }), []),
    toggleReport: React.useCallback(
      (report: ReportChoice, on: boolean) => dispatch({ type: "reportToggled", report, on }),
      []
    ),
    setRedactCsr: React.useCallback((on: boolean) => dispatch({ type: "redactSet", on }), []),
    setLeaveOutBadRows: React.useCallback((on: boolean) => dispatch({ type: "leaveOutSet", on }), []),
    generate,
    cancel,
    answerReplace,
    generateBlockedReason: generateBlockedReason(state),
  };
}
