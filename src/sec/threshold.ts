/**
 * Monthly Service Metrics against their Monthly Service Thresholds (SEC H3.24(b)). The metrics and
 * thresholds come from the DCC User Interface Services Schedule as data; this module only compares.
 * Comparisons are exact on the numbers given: 0.05 against a threshold of 0.05 is not above it.
 */

/** Which side of the threshold is a breach. */
export const BREACH_WHEN = ["above", "at or above", "below", "at or below"] as const;
export type BreachWhen = (typeof BREACH_WHEN)[number];

/** The default when Breach When is blank. */
export const DEFAULT_BREACH_WHEN: BreachWhen = "above";

export type MetricStatus = "Breach" | "Within" | "No value";
export const METRIC_STATUSES: readonly MetricStatus[] = ["Breach", "Within", "No value"];

/** "At  or_Above" -> "at or above": lower case, words split on spaces, hyphens and underscores. */
function words(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((word) => word !== "")
    .join(" ");
}

/**
 * Breach When from text in any case and spacing (also "at-or-above", "AT_OR_BELOW"); blank is
 * "above"; null when it is none of the four.
 */
export function parseBreachWhen(text: string | null | undefined): BreachWhen | null {
  if (text === null || text === undefined || text.trim() === "") return DEFAULT_BREACH_WHEN;
  const normalised = words(text);
  return BREACH_WHEN.find((when) => when === normalised) ?? null;
}

/** Whether `value` breaches `threshold` on the side `when` says. */
export function isBreach(value: number, threshold: number, when: BreachWhen): boolean {
  switch (when) {
    case "above":
      return value > threshold;
    case "at or above":
      return value >= threshold;
    case "below":
      return value < threshold;
    case "at or below":
      return value <= threshold;
  }
}

/** Breach or Within, or No value for a blank value (shown and counted, never a breach). */
export function metricStatus(value: number | null, threshold: number, when: BreachWhen): MetricStatus {
  if (value === null) return "No value";
  return isBreach(value, threshold, when) ? "Breach" : "Within";
}
