import { eui64FromHalves, eui64FromNumber, isCanonicalEui64, normaliseEui64 } from "../../src/sec/eui64";

describe("normaliseEui64", () => {
  it.each([
    ["90-B3-D5-1F-30-01-00-00", "90-B3-D5-1F-30-01-00-00"],
    ["90-b3-d5-1f-30-01-00-00", "90-B3-D5-1F-30-01-00-00"],
    ["90b3d51f30010000", "90-B3-D5-1F-30-01-00-00"],
    ["90B3D51F30010000", "90-B3-D5-1F-30-01-00-00"],
    ["90:b3:d5:1f:30:01:00:00", "90-B3-D5-1F-30-01-00-00"],
    ["  90-B3-D5-1F-30-01-00-00 ", "90-B3-D5-1F-30-01-00-00"],
    ["\t90b3d51f30010000\n", "90-B3-D5-1F-30-01-00-00"],
    ["ffffffffffffffff", "FF-FF-FF-FF-FF-FF-FF-FF"],
  ])("%p -> %p", (input, expected) => {
    expect(normaliseEui64(input)).toBe(expected);
  });

  it.each([
    ["too short", "90b3d51f300100"],
    ["too long", "90b3d51f3001000000"],
    ["not hex", "90b3d51f3001000g"],
    ["mixed separators", "90-B3:D5-1F-30-01-00-00"],
    ["separator missing", "90-B3-D51F-30-01-00-00-"],
    ["other separator", "90.B3.D5.1F.30.01.00.00"],
    ["inner spaces", "90 B3 D5 1F 30 01 00 00"],
    ["empty", ""],
  ])("rejects %s", (_, input) => {
    expect(normaliseEui64(input)).toBeNull();
  });

  it.each([[null], [undefined], [9013], [true], [{}]])("rejects the non-text value %p", (input) => {
    expect(normaliseEui64(input)).toBeNull();
  });

  it("tells canonical IDs apart and makes them from numbers", () => {
    expect(isCanonicalEui64("90-B3-D5-1F-30-01-00-00")).toBe(true);
    expect(isCanonicalEui64("90b3d51f30010000")).toBe(false);
    expect(eui64FromNumber(1)).toBe("00-00-00-00-00-00-00-01");
    expect(eui64FromNumber(0x1f3001)).toBe("00-00-00-00-00-1F-30-01");
    expect(() => eui64FromNumber(-1)).toThrow(RangeError);
  });

  it("makes the canonical ID of a 64-bit number from its high and low 32 bits", () => {
    expect(eui64FromHalves(0, 0)).toBe("00-00-00-00-00-00-00-00");
    expect(eui64FromHalves(0x90b3d51f, 0x30010000)).toBe("90-B3-D5-1F-30-01-00-00");
    expect(eui64FromHalves(2 ** 32 - 1, 2 ** 32 - 1)).toBe("FF-FF-FF-FF-FF-FF-FF-FF");
    expect(eui64FromHalves(0x00000001, 0x80000000)).toBe("00-00-00-01-80-00-00-00");
    expect(eui64FromHalves(0, 0x1f3001)).toBe(eui64FromNumber(0x1f3001));
  });
});
