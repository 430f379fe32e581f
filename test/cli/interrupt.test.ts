/**
 * The runner as a process: an interruption leaves no temporary file, two runs never share an output,
 * and relative paths are the caller's (npm's INIT_CWD).
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  SAMPLE_INPUT,
  interruptedRun,
  listDir,
  makeTempDir,
  runCli,
  writeServiceRequestsXlsx,
} from "./helpers";

describe("interruptions", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = await makeTempDir("interrupt");
    input = path.join(dir, "big.xlsx");
    // Over 100,000 rows: the runner prints its stages, which say when to interrupt it.
    await writeServiceRequestsXlsx(input, 100_001, (index) => 90 + (index % 30));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each<[NodeJS.Signals, number, RegExp]>([
    ["SIGTERM", 143, /^Writing /m],
    ["SIGINT", 130, /^Reading Service Requests/m],
    ["SIGHUP", 129, /^Writing /m],
  ])(
    "%s leaves no temporary file (beside the output or in the temp folder) and exits %i",
    async (signal, status, when) => {
      // The old streaming reader left a 100 MB tmp-<pid>-* copy of the input in the temp folder, and the
      // old writer its .tmp beside the output.
      const tempDir = path.join(dir, `tmp-${signal}`);
      const outDir = path.join(dir, `out-${signal}`);
      await fs.mkdir(tempDir);
      await fs.mkdir(outDir);
      const out = path.join(outDir, "reports.xlsx");
      const whileWriting = when.test("Writing ");
      const result = await interruptedRun(
        [input, "--out", out],
        tempDir,
        when,
        signal,
        whileWriting ? outDir : undefined
      );
      expect(result.sent).toBe(true);
      expect(await listDir(outDir)).toEqual([]);
      // Node itself may keep a compile cache in TMPDIR; the runner's own files are tmp-* and dcc-*.
      expect((await listDir(tempDir)).filter((name) => /^(tmp|dcc)-/.test(name))).toEqual([]);
      expect(result.status).toBe(status);
      expect(result.stderr).toContain(`interrupted (${signal}): nothing written`);
    }
  );
});

describe("two runs at once", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = await makeTempDir("concurrent");
    input = path.join(dir, "input.xlsx");
    await fs.copyFile(SAMPLE_INPUT, input);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("into one --out without --replace: one writes, the other says it already exists", async () => {
    const out = path.join(dir, "reports.xlsx");
    const results = await Promise.all([runCli([input, "--out", out]), runCli([input, "--out", out])]);
    expect(results.map((result) => result.status).sort()).toEqual([0, 2]);
    expect(results.find((result) => result.status === 2)?.stderr).toContain("already exists");
    expect(await listDir(dir)).toEqual(["input.xlsx", "reports.xlsx"]);
    await fs.rm(out);
  });

  it("without --out: two different names", async () => {
    const results = await Promise.all([runCli([input]), runCli([input])]);
    expect(results.map((result) => result.status)).toEqual([0, 0]);
    expect(results.map((result) => result.stdout.split("\n")[0]).sort()).toEqual([
      path.join(dir, "DCC-reports-2018-01 (2).xlsx"),
      path.join(dir, "DCC-reports-2018-01.xlsx"),
    ]);
  });
});

describe("paths", () => {
  it("takes the input and --out from the folder npm was run in (INIT_CWD)", async () => {
    const dir = await makeTempDir("init-cwd");
    try {
      await fs.copyFile(SAMPLE_INPUT, path.join(dir, "mine.xlsx"));
      const result = await runCli(["mine.xlsx", "--out", "reports.xlsx"], { INIT_CWD: dir });
      expect(result.status).toBe(0);
      expect(result.stdout.split("\n")[0]).toBe(path.join(dir, "reports.xlsx"));
      expect(await listDir(dir)).toEqual(["mine.xlsx", "reports.xlsx"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
