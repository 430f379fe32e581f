/**
 * The national case's baseline, run as its own process: the hand-written DuckDB queries of
 * national-data.ts (January's list as CSV, the six-month trend), in an embedded DuckDB with the runner's
 * memory limit. Usage: national-hand-query.ts <input> <parquet|csv> <list.csv>
 */
import { DuckSession } from "../../src/cli/national/session";
import { handWrittenQueries } from "./national-data";

async function main(): Promise<void> {
  const [input, format, listFile] = process.argv.slice(2);
  if (format !== "parquet" && format !== "csv")
    throw new Error(`format must be parquet or csv, not ${format}`);
  const session = await DuckSession.open();
  try {
    for (const sql of handWrittenQueries(input, format, listFile)) {
      const rows = await session.rows(sql);
      process.stdout.write(
        `${JSON.stringify(rows, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value))}\n`
      );
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
