/** What the pane derives from its state (pure, tested apart from the effects). */
import type { PaneState } from "./paneState";

/** Why Generate cannot run now, or null when it can. */
export function generateBlockedReason(state: PaneState): string | null {
  if (state.busy !== null) return "Busy.";
  if (state.checked === null) return "Check the inputs first.";
  if (state.month === null) return "The data has no months to report.";
  if (state.reports.length === 0) return "Choose at least one report.";
  const problems = state.checked.problems.length;
  if (problems > 0 && !state.leaveOutBadRows) {
    return `Fix the ${problems === 1 ? "problem" : `${problems} problems`} or leave out the bad rows.`;
  }
  return null;
}
