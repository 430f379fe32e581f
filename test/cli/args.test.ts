/** Command-line parsing: every option, both spellings, and one clear message per mistake. */
import { UsageError, parseArgs } from "../../src/cli/args";

describe("parseArgs", () => {
  it("defaults: the sample input, latest month, every report, no redaction, no replacing", () => {
    expect(parseArgs([])).toEqual({
      help: false,
      redactCsr: false,
      replace: false,
      verbose: false,
      input: undefined,
    });
  });

  it("reads every option, as `--name value` or `--name=value`", () => {
    expect(
      parseArgs([
        "in.xlsx",
        "--period",
        "2018-01",
        "--out=out.xlsx",
        "--only",
        "csr,sr",
        "--redact-csr",
        "--replace",
        "--verbose",
      ])
    ).toEqual({
      help: false,
      input: "in.xlsx",
      period: "2018-01",
      out: "out.xlsx",
      only: ["csr", "sr"],
      redactCsr: true,
      replace: true,
      verbose: true,
    });
    expect(parseArgs(["--period=2017-12", "--only=PCI"])).toMatchObject({ period: "2017-12", only: ["pci"] });
  });

  it("ignores a bare -- separator (npm passes it through)", () => {
    expect(parseArgs(["--", "in.xlsx"]).input).toBe("in.xlsx");
  });

  it.each([
    [["--nope"], 'unknown option "--nope" (see --help)'],
    [["--out", "report.csv"], '--out: "report.csv" must end in .xlsx'],
    [
      ["--period", "x".repeat(10_000)],
      `--period: "${"x".repeat(60)}…" (10,000 characters) is not a month as YYYY-MM`,
    ],
    [["--period"], "--period needs a value"],
    [["--period", "2018-13"], '--period: "2018-13" is not a month as YYYY-MM'],
    [["--period", "2018-1"], '--period: "2018-1" is not a month as YYYY-MM'],
    [["--only", "sr,,csr"], '--only: unknown report "" (choose from sr, csr, pci)'],
    [["--only", "devices"], '--only: unknown report "devices" (choose from sr, csr, pci)'],
    [["--out", "--replace"], "--out needs a value"],
    [["--replace=yes"], "--replace takes no value"],
    [["a.xlsx", "b.xlsx"], "expected one input file, got 2: a.xlsx b.xlsx"],
  ])("%j -> %s", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});
