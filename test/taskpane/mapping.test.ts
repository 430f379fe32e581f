import { INPUT_FIELDS, detectInputs, mapColumns } from "../../src/reports";
import { inputKey, remapInput, withOverride } from "../../src/taskpane/mapping";
import { cleanSrGrid } from "./fakes";

const functions = { mapColumns, INPUT_FIELDS };

describe("column corrections", () => {
  test("a header holds one field: choosing it for another field takes it away from the first", () => {
    const [input] = detectInputs([cleanSrGrid()]);
    expect(input.columns.userId).toBe(1);
    const remapped = remapInput(input, { userName: 1 }, functions);
    expect(remapped.columns.userName).toBe(1);
    expect(remapped.columns.userId).toBeUndefined();
    expect(remapped.missing).toEqual(["userId"]);
    // Fixing it back by choosing User ID's own column.
    const fixed = remapInput(input, withOverride({ userName: 1 }, "userId", 1), functions);
    expect(fixed.columns.userId).toBe(1);
    expect(fixed.columns.userName).toBe(2);
    expect(fixed.missing).toEqual([]);
  });

  test("null removes an optional field; choices beyond the headers are ignored", () => {
    const [input] = detectInputs([cleanSrGrid()]);
    const remapped = remapInput(input, { userRole: null, forecast: 40 }, functions);
    expect(remapped.columns.userRole).toBeUndefined();
    expect(remapped.columns.forecast).toBe(4);
    expect(remapped.missing).toEqual([]);
  });

  test("the input key is stable for the same source and differs by sheet, table and position", () => {
    const [input] = detectInputs([cleanSrGrid()]);
    expect(inputKey(input)).toBe(inputKey(detectInputs([cleanSrGrid()])[0]));
    const moved = { ...input, source: { ...input.source, row: 3 } };
    expect(inputKey(moved)).not.toBe(inputKey(input));
  });
});
