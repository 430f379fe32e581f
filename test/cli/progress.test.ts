/** Large inputs (over 100,000 rows) report progress on stderr: rows read, then each stage. */
import { promises as fs } from "fs";
import * as path from "path";
import { runCli } from "../../src/cli/run";
import { makeTempDir, writeServiceRequestsXlsx } from "./helpers";

describe("progress on stderr", () => {
  it("prints rows read and the stages for a 100,001-row input, and the summary on stdout", async () => {
    const dir = await makeTempDir("progress");
    try {
      const input = path.join(dir, "big.xlsx");
      await writeServiceRequestsXlsx(input, 100_001, (index) => (index % 3 === 0 ? 120 : 100));
      const out: string[] = [];
      const err: string[] = [];
      const status = await runCli([input], { out: (line) => out.push(line), err: (line) => err.push(line) });
      expect(status).toBe(0);
      expect(err.map((line) => line.replace(/ \(\d+\.\d s\)$/, ""))).toEqual([
        "Reading Service Requests: 100,000 rows",
        "Checking 100,001 rows",
        "Building reports for 2018-01",
        `Writing 2 sheets to ${path.join(dir, "DCC-reports-2018-01.xlsx")}`,
        "Done",
      ]);
      expect(out[0]).toBe(path.join(dir, "DCC-reports-2018-01.xlsx"));
      expect(out[1]).toBe("SR Variance Jan-2018: 100,001 Users, 33,334 exceptions (Over 33,334)");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
