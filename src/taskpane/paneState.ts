/**
 * The task pane's state: what it shows and is doing, the actions that change it, and the one pure
 * reducer that applies them (tested apart from the effects in useReportPane.ts).
 */
import {
  REPORT_ORDER,
  type CheckedData,
  type DetectedInput,
  type InputField,
  type ReportChoice,
  type ReportSummary,
} from "../reports";
import type { MonthKey } from "../sec";
import { withOverride, type ColumnOverrides } from "./mapping";

/** What the pane is doing; null when idle. */
export type BusyTask = "reading" | "inserting" | "checking" | "building" | "writing";

export interface WriteProgress {
  stage: string;
  done: number;
  total: number;
}

export interface PaneMessage {
  intent: "error" | "warning" | "success" | "info";
  title: string;
  text: string;
}

export interface GenerationResult {
  /** Each layout's sheet name and the name it was written under (differs when the user kept both). */
  sheets: { layout: string; written: string }[];
  summary: ReportSummary;
  /** What the user should know about the sheets written (from the writer). */
  notes: string[];
}

export interface PaneState {
  busy: BusyTask | null;
  /** Inputs as detected, before the user's column choices. */
  detected: DetectedInput[];
  /** Tables and ranges that are no input, named for the pane ("Notes", "Prices (table Rates)"). */
  unused: string[];
  /** The user's column choices per input (see inputKey). */
  overrides: Record<string, ColumnOverrides>;
  inputsRead: boolean;
  /** The last check of the current inputs; null until Check runs, and again after the inputs change. */
  checked: CheckedData | null;
  month: MonthKey | null;
  reports: ReportChoice[];
  redactCsr: boolean;
  leaveOutBadRows: boolean;
  progress: WriteProgress | null;
  /** Existing sheets the write would replace, while the user is being asked. */
  replaceRequest: string[] | null;
  result: GenerationResult | null;
  message: PaneMessage | null;
}

export const initialPaneState: PaneState = {
  busy: null,
  detected: [],
  unused: [],
  overrides: {},
  inputsRead: false,
  checked: null,
  month: null,
  reports: [...REPORT_ORDER],
  redactCsr: false,
  leaveOutBadRows: false,
  progress: null,
  replaceRequest: null,
  result: null,
  message: null,
};

export type PaneAction =
  | { type: "started"; task: BusyTask }
  | { type: "inputsRead"; detected: DetectedInput[]; unused: string[]; message?: PaneMessage }
  | {
      type: "checked";
      detected: DetectedInput[];
      unused: string[];
      data: CheckedData;
      month: MonthKey | null;
    }
  | { type: "columnChosen"; key: string; field: InputField; column: number | null }
  | { type: "monthChosen"; month: MonthKey }
  | { type: "reportToggled"; report: ReportChoice; on: boolean }
  | { type: "redactSet"; on: boolean }
  | { type: "leaveOutSet"; on: boolean }
  | { type: "progress"; progress: WriteProgress }
  | { type: "replaceAsked"; existing: string[] }
  | { type: "replaceAnswered" }
  | { type: "generated"; result: GenerationResult }
  | { type: "finished"; message?: PaneMessage };

/** The inputs as just read: leaving out bad rows was a choice about the data as it was before. */
function withInputsRead(state: PaneState, detected: DetectedInput[], unused: string[]): PaneState {
  return { ...state, busy: null, detected, unused, inputsRead: true, leaveOutBadRows: false };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "started":
      return {
        ...state,
        busy: action.task,
        message: null,
        progress: null,
        result: action.task === "building" ? null : state.result,
      };
    case "inputsRead":
      // The data may have changed: an earlier check no longer describes it.
      return {
        ...withInputsRead(state, action.detected, action.unused),
        checked: null,
        message: action.message ?? null,
      };
    case "checked":
      return {
        ...withInputsRead(state, action.detected, action.unused),
        checked: action.data,
        month: action.month,
      };
    case "columnChosen": {
      const overrides = withOverride(state.overrides[action.key] ?? {}, action.field, action.column);
      return {
        ...state,
        overrides: { ...state.overrides, [action.key]: overrides },
        checked: null,
        leaveOutBadRows: false,
      };
    }
    case "monthChosen":
      return { ...state, month: action.month };
    case "reportToggled": {
      const chosen = new Set(state.reports);
      if (action.on) chosen.add(action.report);
      else chosen.delete(action.report);
      return { ...state, reports: REPORT_ORDER.filter((report) => chosen.has(report)) };
    }
    case "redactSet":
      return { ...state, redactCsr: action.on };
    case "leaveOutSet":
      return { ...state, leaveOutBadRows: action.on };
    case "progress":
      return { ...state, progress: action.progress };
    case "replaceAsked":
      return { ...state, replaceRequest: action.existing };
    case "replaceAnswered":
      return { ...state, replaceRequest: null };
    case "generated":
      return { ...state, busy: null, progress: null, replaceRequest: null, result: action.result };
    case "finished":
      return { ...state, busy: null, progress: null, replaceRequest: null, message: action.message ?? null };
  }
}
