/**
 * Runs a TypeScript script in a fresh node process (as `npm run report` does) and measures its wall time
 * and peak resident memory: `/usr/bin/time -v` when present, otherwise VmHWM polled from /proc.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CACHE_DIR } from "./device-workbook";
import { nowMs, peakRssBytes } from "./measure";

const GNU_TIME = "/usr/bin/time";
const REPO = path.join(__dirname, "..", "..");

export interface TimedRun {
  seconds: number;
  peakRss: number;
  stdout: string;
}

function maxRssFromGnuTime(report: string): number | null {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return match === null ? null : Number(match[1]) * 1024;
}

/** `node -r ./scripts/register-ts.js ...scriptAndArgs` (as `npm run report` runs) from the repository root; rejects on a non-zero exit. */
export function runTimedNode(scriptAndArgs: readonly string[]): Promise<TimedRun> {
  const nodeArgs = ["-r", "./scripts/register-ts.js", ...scriptAndArgs];
  const useGnuTime = fs.existsSync(GNU_TIME);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const timeReport = path.join(CACHE_DIR, `time-report-${process.pid}.txt`);
  const command = useGnuTime ? GNU_TIME : process.execPath;
  const args = useGnuTime ? ["-v", "-o", timeReport, process.execPath, ...nodeArgs] : nodeArgs;
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(command, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Without GNU time, poll the child's own high-water mark while it runs.
    let polledPeak = 0;
    const poll = useGnuTime
      ? undefined
      : setInterval(() => {
          if (child.pid !== undefined) polledPeak = Math.max(polledPeak, peakRssBytes(child.pid) ?? 0);
        }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (nowMs() - start) / 1000;
      if (poll !== undefined) clearInterval(poll);
      if (code !== 0) {
        reject(new Error(`${scriptAndArgs[0]} exited with ${String(code)}:\n${stderr.slice(-2000)}`));
        return;
      }
      const peakRss = useGnuTime ? maxRssFromGnuTime(fs.readFileSync(timeReport, "utf8")) : polledPeak;
      if (peakRss === null) {
        reject(new Error(`no peak memory in ${timeReport}`));
        return;
      }
      resolve({ seconds, peakRss, stdout });
    });
  });
}
