import {
  BREACH_WHEN,
  type BreachWhen,
  isBreach,
  metricStatus,
  parseBreachWhen,
} from "../../src/sec/threshold";

describe("metricStatus: every row of SPEC's Breach When table", () => {
  const cases: Array<[string, number | null, number, BreachWhen, string]> = [
    ["above: greater is a breach", 6, 5, "above", "Breach"],
    ["above: equal is not", 5, 5, "above", "Within"],
    ["above: less is not", 4, 5, "above", "Within"],
    ["at or above: greater is a breach", 6, 5, "at or above", "Breach"],
    ["at or above: equal is a breach", 5, 5, "at or above", "Breach"],
    ["at or above: less is not", 4, 5, "at or above", "Within"],
    ["below: less is a breach", 4, 5, "below", "Breach"],
    ["below: equal is not", 5, 5, "below", "Within"],
    ["below: greater is not", 6, 5, "below", "Within"],
    ["at or below: less is a breach", 4, 5, "at or below", "Breach"],
    ["at or below: equal is a breach", 5, 5, "at or below", "Breach"],
    ["at or below: greater is not", 6, 5, "at or below", "Within"],
    ["percentages: 0.05 against 0.05 above is exact", 0.05, 0.05, "above", "Within"],
    ["percentages: 0.1 + 0.2 is above 0.3 as numbers", 0.1 + 0.2, 0.3, "above", "Breach"],
    ["percentages: just under the threshold", 0.0499, 0.05, "at or above", "Within"],
    ["negative values: -1 is above -2", -1, -2, "above", "Breach"],
    ["negative values: -3 is below -2", -3, -2, "below", "Breach"],
    ["negative threshold, equal, at or below", -2, -2, "at or below", "Breach"],
    ["zero against zero, above", 0, 0, "above", "Within"],
    ["no value is shown, never a breach (above)", null, 5, "above", "No value"],
    ["no value is shown, never a breach (at or below)", null, 5, "at or below", "No value"],
  ];
  it.each(cases)("%s", (_name, value, threshold, when, expected) => {
    expect(metricStatus(value, threshold, when)).toBe(expected);
  });
});

describe("parseBreachWhen", () => {
  it.each([
    [null, "above"],
    [undefined, "above"],
    ["", "above"],
    ["  ", "above"],
    ["above", "above"],
    ["ABOVE", "above"],
    ["At or Above", "at or above"],
    ["at-or-above", "at or above"],
    ["AT_OR_BELOW", "at or below"],
    ["  below ", "below"],
    ["at  or   below", "at or below"],
  ])("%p -> %p", (text, expected) => {
    expect(parseBreachWhen(text)).toBe(expected);
  });

  it.each([">", "over", "at above", "aboveor", "equal"])("%p is none of the four", (text) => {
    expect(parseBreachWhen(text)).toBeNull();
  });

  it("reads back every normalised form as itself", () => {
    for (const when of BREACH_WHEN) expect(parseBreachWhen(when)).toBe(when);
  });
});

describe("isBreach", () => {
  it("the inclusive and exclusive forms differ only at equality", () => {
    for (const [value, threshold] of [
      [1, 2],
      [2, 2],
      [3, 2],
      [-0.5, 0.25],
    ]) {
      const equal = value === threshold;
      expect(isBreach(value, threshold, "at or above")).toBe(isBreach(value, threshold, "above") || equal);
      expect(isBreach(value, threshold, "at or below")).toBe(isBreach(value, threshold, "below") || equal);
    }
  });
});
