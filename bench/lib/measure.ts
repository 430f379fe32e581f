/** Timing, memory and result plumbing shared by the bench cases. */
import * as fs from "fs";
import * as os from "os";

/** One row of the results table (and of bench/results.json). */
export interface CaseResult {
  name: string;
  /** Median of `runs`. */
  median: number;
  unit: string;
  /** Every timed measurement, in `unit`, in the order taken (warm-ups excluded). */
  runs: number[];
  /** median ÷ baseline median, for cases measured against a hand loop. */
  ratio?: number;
  /** The baseline's median, in `unit`. */
  baseline?: number;
  /**
   * Median CPU time of the process (user + system, GC threads included) over the same runs, in `unit`:
   * less sensitive than wall time to other work on a shared machine. Targets are judged on wall time.
   */
  cpuMedian?: number;
  /** The ratio to the hand loop by CPU time. */
  cpuRatio?: number;
  /** The target, as a person reads it, e.g. "ratio ≤ 2" or "≤ 10 s"; "report" when there is none. */
  target: string;
  /** Whether the target is met; null when the case only reports a figure. */
  met: boolean | null;
  /** A short note on how it was measured (inputs, repeats). */
  note?: string;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus.length > 0 ? cpus[0].model.trim() : "unknown",
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** CPU time this process has used (all threads, user + system), in milliseconds. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Runs `fn` and returns its result with the wall time and process CPU time it took, in milliseconds. */
export function timed<T>(fn: () => T): { result: T; ms: number; cpuMs: number } {
  const startCpu = cpuMs();
  const start = nowMs();
  const result = fn();
  return { result, ms: nowMs() - start, cpuMs: cpuMs() - startCpu };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = nowMs();
  const result = await fn();
  return { result, ms: nowMs() - start };
}

/** A full collection when node runs with --expose-gc (the cases do), so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}

function statusField(field: string, pid: number | "self" = "self"): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    // The process has gone, or this is not Linux.
    return null;
  }
}

/** Peak resident memory of a process in bytes since it started or since resetPeakRss (Linux VmHWM). */
export function peakRssBytes(pid: number | "self" = "self"): number | null {
  return statusField("VmHWM", pid);
}

/**
 * Starts the peak-resident-memory count again from the current size (Linux: writing 5 to clear_refs), so the
 * peak measured covers the timed work, not building its inputs. Falls back to sampling when unavailable.
 */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

export const MB = 1024 * 1024;

/** Prints progress where a person watching sees it, without mixing it into the results stream. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** How a case process hands its results to bench/run.ts: one marked JSON line on stdout. */
export const RESULT_MARKER = "BENCH_RESULTS ";

export function emitResults(results: CaseResult[]): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(results)}\n`);
}

/** Runs a case's main function and reports a failure loudly (exit 1) instead of a silent empty result. */
export function runCaseMain(main: () => Promise<CaseResult[]>): void {
  main().then(emitResults, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
