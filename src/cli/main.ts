/** Entry point: `npm run report -- [input.xlsx] [options]` (see --help). */
import { runCli } from "./run";

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // An unexpected failure (a bug, not bad input): show it whole and fail as an I/O error.
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exitCode = 1;
  }
);
