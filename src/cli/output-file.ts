/**
 * Temporary files and the final name of the runner's output.
 *
 * Every temporary file is tracked from the moment it is named, so that an interruption (Ctrl-C, SIGTERM,
 * SIGHUP) removes it before the process exits. The final name is claimed exclusively: a hard link fails
 * when the name exists, so of two runs writing to one name, exactly one gets it and the other is told.
 */
import * as fs from "fs";

const tracked = new Set<string>();

/** Remembers a temporary file to remove if the process is interrupted. */
export function trackTempFile(file: string): void {
  tracked.add(file);
}

export function untrackTempFile(file: string): void {
  tracked.delete(file);
}

/** Removes every tracked temporary file now (synchronously: a signal handler cannot wait). */
export function removeTrackedTempFiles(): void {
  for (const file of tracked) {
    try {
      fs.rmSync(file, { force: true, recursive: true });
    } catch {
      // Nothing more can be done while exiting; the name is still printed by the caller.
    }
  }
  tracked.clear();
}

/** The final name is taken (by another run, or since the run started). */
export class OutputExistsError extends Error {
  override readonly name = "OutputExistsError";
  constructor(readonly target: string) {
    super(`output file already exists: ${target}`);
  }
}

/**
 * Gives a finished temporary file its final name. With `replace`, an existing file is replaced
 * (atomically); without it, the name is claimed only if free, else OutputExistsError.
 */
export async function claimOutput(temp: string, target: string, replace: boolean): Promise<void> {
  if (replace) {
    await fs.promises.rename(temp, target);
    return;
  }
  try {
    await fs.promises.link(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new OutputExistsError(target);
    throw error;
  }
  await fs.promises.rm(temp, { force: true });
}

/** Exit statuses for the signals that end a run: 128 + the signal's number, as shells report them. */
export const SIGNAL_EXIT_STATUS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * On Ctrl-C, SIGTERM or SIGHUP: remove the temporary files, say so on stderr, exit with 128 + signal.
 * Call once, from the entry point.
 */
export function exitCleanlyOnSignals(err: (line: string) => void): void {
  for (const signal of Object.keys(SIGNAL_EXIT_STATUS) as (keyof typeof SIGNAL_EXIT_STATUS)[]) {
    process.once(signal, () => {
      removeTrackedTempFiles();
      err(`interrupted (${signal}): nothing written`);
      process.exit(SIGNAL_EXIT_STATUS[signal]);
    });
  }
}
