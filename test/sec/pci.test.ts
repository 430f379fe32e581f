import {
  PCI_A,
  PCI_B,
  PCI_C,
  PCI_CRITERIA,
  PCI_D,
  PCI_DUE_AFTER_DAYS,
  PCI_E,
  pciCriterionBit,
  daysCommissioned,
  isPciDue,
  pciFailureMask,
  pciMaskCriteria,
  pciReasonsText,
} from "../../src/sec/pci";

const MEASURED = 43131; // 31 January 2018

describe("PCI due date (more than seven days commissioned)", () => {
  it.each([
    [MEASURED - 8, 8, true],
    [MEASURED - 7, 7, false], // exactly seven days is not due
    [MEASURED - 1, 1, false],
    [MEASURED, 0, false],
    [MEASURED - 400, 400, true],
  ])("commissioned %i: %i days, due %p", (commissioned, days, due) => {
    expect(daysCommissioned(commissioned, MEASURED)).toBe(days);
    expect(isPciDue(commissioned, MEASURED)).toBe(due);
  });

  it("counts whole days, ignoring times of day", () => {
    expect(daysCommissioned(MEASURED - 7 + 0.9, MEASURED + 0.1)).toBe(7);
    expect(isPciDue(MEASURED - 8 + 0.99, MEASURED)).toBe(true);
    expect(PCI_DUE_AFTER_DAYS).toBe(7);
  });
});

describe("pciFailureMask", () => {
  const complete = (): Parameters<typeof pciFailureMask> => [MEASURED, true, true, 2, 2, 2];

  it("is 0 for a Device meeting every criterion", () => {
    expect(pciFailureMask(...complete())).toBe(0);
    expect(pciFailureMask(MEASURED, MEASURED - 3, true, 5, 3, 2)).toBe(0);
  });

  it.each([
    ["a: not interrogated", [MEASURED, false, true, 2, 2, 2], PCI_A],
    ["a: interrogation blank", [MEASURED, null, true, 2, 2, 2], PCI_A],
    ["a: interrogated after the measurement date", [MEASURED, MEASURED + 1, true, 2, 2, 2], PCI_A],
    ["b: no recovery anchor", [MEASURED, true, false, 2, 2, 2], PCI_B],
    ["c: one Issue Security Credentials", [MEASURED, true, true, 1, 2, 2], PCI_C],
    ["d: one Update Security Credentials (Device)", [MEASURED, true, true, 2, 1, 2], PCI_D],
    ["e: no Update Security Credentials (KRP)", [MEASURED, true, true, 2, 2, 0], PCI_E],
  ] as [string, Parameters<typeof pciFailureMask>, number][])(
    "%s fails only that criterion",
    (_, args, mask) => {
      expect(pciFailureMask(...args)).toBe(mask);
    }
  );

  it("counts an interrogation on the measurement day itself, whatever the time", () => {
    expect(pciFailureMask(MEASURED, MEASURED, true, 2, 2, 2)).toBe(0);
    expect(pciFailureMask(MEASURED, MEASURED + 0.9, true, 2, 2, 2)).toBe(0);
  });

  it("combines failures", () => {
    expect(pciFailureMask(MEASURED, false, false, 0, 0, 0)).toBe(PCI_A | PCI_B | PCI_C | PCI_D | PCI_E);
    expect(pciFailureMask(MEASURED, false, true, 0, 2, 1)).toBe(PCI_A | PCI_C | PCI_E);
  });
});

describe("PCI reasons", () => {
  it.each([
    [0, "", []],
    [PCI_A, "a", ["a"]],
    [PCI_A | PCI_C | PCI_E, "a,c,e", ["a", "c", "e"]],
    [PCI_B | PCI_D, "b,d", ["b", "d"]],
    [31, "a,b,c,d,e", ["a", "b", "c", "d", "e"]],
  ])("mask %i is %p", (mask, text, criteria) => {
    expect(pciReasonsText(mask)).toBe(text);
    expect(pciMaskCriteria(mask)).toEqual(criteria);
  });

  it("has a text for every mask, in criterion order", () => {
    for (let mask = 0; mask < 32; mask++) {
      const letters = pciReasonsText(mask) === "" ? [] : pciReasonsText(mask).split(",");
      expect(letters).toEqual(PCI_CRITERIA.filter((criterion) => (mask & pciCriterionBit(criterion)) !== 0));
    }
  });

  it("rejects masks that are not criteria", () => {
    expect(() => pciReasonsText(32)).toThrow(RangeError);
    expect(() => pciReasonsText(-1)).toThrow(RangeError);
    expect(() => pciMaskCriteria(1.5)).toThrow(RangeError);
  });
});
