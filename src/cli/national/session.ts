/**
 * One embedded DuckDB for a run: in memory, its memory bounded by DuckDB's own limit (it spills to a
 * temporary folder in the OS temp dir beyond it), and that folder removed when the run ends or is
 * interrupted.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { trackTempFile, untrackTempFile } from "../output-file";
import { sqlString } from "./sql-text";

/** DuckDB's memory limit: the runner's peak stays within about this plus the report workbook. */
export const DUCKDB_MEMORY_LIMIT = "2GB";

/** A value as the queries give it to JavaScript (they cast to these types). */
export type SqlValue = string | number | boolean | bigint | null;

export class DuckSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly tempDirectory: string
  ) {}

  static async open(): Promise<DuckSession> {
    const tempDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "dcc-duckdb-"));
    // Removed with the runner's other temporary files if it is interrupted (DuckDB spills here).
    trackTempFile(tempDirectory);
    try {
      const instance = await DuckDBInstance.create(":memory:", {
        memory_limit: process.env.DCC_DUCKDB_MEMORY_LIMIT ?? DUCKDB_MEMORY_LIMIT,
        temp_directory: tempDirectory,
      });
      const connection = await instance.connect();
      // Dates and timestamps are read as written, whatever the machine's time zone.
      await connection.run(`SET TimeZone = ${sqlString("UTC")}`);
      // DuckDB tracks how far a query has got only with its progress bar on (runWithProgress reads it).
      await connection.run("SET enable_progress_bar = true");
      await connection.run("SET enable_progress_bar_print = false");
      return new DuckSession(instance, connection, tempDirectory);
    } catch (error) {
      await fs.rm(tempDirectory, { recursive: true, force: true });
      untrackTempFile(tempDirectory);
      throw error;
    }
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /**
   * Runs a statement, calling `report` every `everyMs` while it runs (a pass over tens of millions of
   * rows takes minutes) with DuckDB's own estimate of the share done (0 to 100), or null when DuckDB
   * has none (it gives none for some plans).
   */
  async runWithProgress(
    sql: string,
    report: (percent: number | null) => void,
    everyMs: number
  ): Promise<void> {
    const timer = setInterval(() => {
      const { percentage } = this.connection.progress;
      report(percentage > 0 ? percentage : null);
    }, everyMs);
    try {
      await this.connection.run(sql);
    } finally {
      clearInterval(timer);
    }
  }

  /** Every row, as arrays of JavaScript values. */
  async rows(sql: string): Promise<SqlValue[][]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowsJS() as SqlValue[][];
  }

  /**
   * Every column of a query whose columns are all DOUBLE, as arrays (NULL as NaN), read from DuckDB's
   * vectors chunk by chunk: the node API's row conversion costs microseconds a value, which at a
   * listed-device table of a million rows is tens of seconds.
   */
  async numberColumns(sql: string): Promise<Float64Array[]> {
    const result = await this.connection.run(sql);
    const chunks = [];
    let rowCount = 0;
    for (
      let chunk = await result.fetchChunk();
      chunk !== null && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      chunks.push(chunk);
      rowCount += chunk.rowCount;
    }
    const columns = Array.from({ length: result.columnCount }, () => new Float64Array(rowCount));
    let offset = 0;
    for (const chunk of chunks) {
      // rowCount and getColumnVector each call into the native binding: once a chunk, not once a value.
      const chunkRows = chunk.rowCount;
      columns.forEach((column, index) => {
        const vector = chunk.getColumnVector(index);
        for (let row = 0; row < chunkRows; row++) {
          const value = vector.getItem(row);
          column[offset + row] = typeof value === "number" ? value : NaN;
        }
      });
      offset += chunkRows;
    }
    return columns;
  }

  /** Column names and DuckDB types of a query, without running it over the data. */
  async describe(sql: string): Promise<{ name: string; type: string }[]> {
    const rows = await this.rows(`DESCRIBE ${sql}`);
    return rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  }

  /** The first row's first value as a number (for counts). */
  async count(sql: string): Promise<number> {
    const rows = await this.rows(sql);
    return Number(rows[0]?.[0] ?? 0);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await fs.rm(this.tempDirectory, { recursive: true, force: true });
    untrackTempFile(this.tempDirectory);
  }
}
