/** Entry point: `npm run report -- [input.xlsx] [options]` (see --help). */
import { exitCleanlyOnSignals } from "./output-file";
import { EXIT_PRODUCT_FAULT, runCli } from "./run";

const err = (line: string): void => {
  process.stderr.write(line + "\n");
};

exitCleanlyOnSignals(err);

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + "\n"),
  err,
  // npm runs scripts from the project folder and gives the folder the user ran it from as INIT_CWD.
  cwd: process.env.INIT_CWD ?? process.cwd(),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // Bad input and bad options are answered inside runCli: anything reaching here is a bug.
    err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    err(
      "This is a fault in the report builder, not in your input: please report it to the add-in's " +
        "maintainers with the command you ran and the lines above. Nothing was written."
    );
    process.exitCode = EXIT_PRODUCT_FAULT;
  }
);
