/**
 * The national path's SQL coercions against src/sec's readers, cell by cell. DuckDB takes fast paths on
 * the common forms (plain ISO dates through its own date cast, Device IDs through its UUID cast); each
 * must accept exactly what the workbook path's readers accept, and give the same value, on the forms
 * around their edges.
 */
import { FIRST_YEAR, LAST_YEAR } from "../../src/reports/check";
import { DuckSession, type SqlValue } from "../../src/cli/national/session";
import {
  dateValue,
  eui64Form,
  eui64Key,
  eui64Text,
  eui64Value,
  eui64ValueOfValid,
  inputExpression,
  monthIndexValue,
  numberValue,
} from "../../src/cli/national/sql-coerce";
import { sqlString } from "../../src/cli/national/sql-text";
import {
  formatSerialIso,
  isCanonicalEui64,
  isCellProblem,
  normaliseEui64,
  parseMonthKey,
  readDate,
  readMonth,
  readNumber,
} from "../../src/sec";

const ID_TEXTS = [
  "90-B3-D5-1F-30-01-00-00",
  "90-b3-d5-1f-30-01-00-00",
  "90b3d51f30010000",
  "90B3D51F30010000",
  "90:b3:d5:1f:30:01:00:00",
  " 90b3d51f30010000 ",
  "90-B3-D5-1F-30-01-00-01",
  "90-b3-d5-1f-30-01-00-0g",
  "{90b3d51f30010000}",
  "90b3d51f3001000",
  "9-0B3-D5-1F-30-01-00-00",
  "--90b3d51f30010000",
  "90b3d51f3001000-",
  "-90b3d51f3001000",
  "90-B3-D5-1F-30-01-0000",
  "90--B3-D5-1F-30-01-00-0",
  "90-B3:D5-1F-30-01-00-00",
  "90:B3:D5:1F:30:01:00:0-",
  "9-:B3:D5:1F:30:01:00:00",
  "90 B3 D5 1F 30 01 00 00",
  "90-B3-D5-1F-30-01-00-00-",
  "0x90b3d51f300100",
  "90B3D51F3001000G",
  "+0b3d51f30010000",
  "90_B3_D5_1F_30_01_00_00",
  "90-B3-D5-1F-30-01-00-{0",
  "",
];

const DATE_TEXTS = [
  "2018-01-31",
  "2018-1-31",
  "2018-01-3",
  "2016-02-29",
  "2018-02-29",
  "2018-02-30",
  "2018-13-01",
  "2018-00-10",
  "1900-01-01",
  "1899-12-31",
  "0017-01-01",
  "2018-01-31T10:00",
  "2018-01-31 10:00:00",
  "2018-01-31x",
  "2018-01-31T",
  "2018/01/31",
  "31/01/2018",
  "31/02/2018",
  "20180131",
  "43131",
  "43131.75",
  " 2018-01-31 ",
  "２018-01-31",
  "2018-01-+1",
  "",
];

/** Counts as files write them, and the texts around the one- and two-digit fast path. */
const NUMBER_TEXTS = [
  "0",
  "7",
  "07",
  "42",
  "100",
  "007",
  " 5 ",
  "+1",
  "-2",
  "1.5",
  ".5",
  "5.",
  "1e3",
  "1,000",
  "12,34",
  "1_000",
  "0x1F",
  "٣",
  "５",
  "5 5",
  "a",
  "",
];

const MONTH_TEXTS = [
  ...DATE_TEXTS,
  "2018-01",
  "2018-1",
  "Jan-2018",
  "January 2018",
  "1999-12-31",
  "2000-01-01",
  "2099-12-31",
  "2100-01-01",
];

let session: DuckSession;

beforeAll(async () => {
  session = await DuckSession.open();
});

afterAll(async () => {
  await session.close();
});

/** `select` (SQL over the trimmed input column `x`) for each text, in order. */
async function eachText(texts: readonly string[], select: (x: string) => string): Promise<SqlValue[][]> {
  const x = inputExpression("x", "text");
  const values = texts.map((text, index) => `(${index}, ${sqlString(text)})`).join(", ");
  const rows = await session.rows(
    `SELECT ${select(x)} FROM (VALUES ${values}) t(position, x) ORDER BY position`
  );
  return rows.map((row) => row.map((value) => (typeof value === "bigint" ? Number(value) : value)));
}

describe("national path: SQL coercions agree with the workbook path's readers", () => {
  it("Device IDs: a key exactly where the ID is valid, the same key for the same Device, the same number", async () => {
    const rows = await eachText(
      ID_TEXTS,
      (x) => `CAST(${eui64Key(x, "text")} AS VARCHAR), ${eui64Text(eui64Value(x, "text"))}`
    );
    const devicesByKey = new Map<string, Set<string>>();
    rows.forEach(([key, number], index) => {
      const canonical = normaliseEui64(ID_TEXTS[index]);
      expect({ text: ID_TEXTS[index], valid: key !== null }).toEqual({
        text: ID_TEXTS[index],
        valid: canonical !== null,
      });
      expect(number).toBe(canonical);
      if (key !== null && canonical !== null) {
        const devices = devicesByKey.get(String(key)) ?? new Set<string>();
        devices.add(canonical);
        devicesByKey.set(String(key), devices);
      }
    });
    // Six spellings of one Device share one key; another Device has its own.
    expect([...devicesByKey.values()].map((devices) => devices.size)).toEqual([1, 1]);
    expect(devicesByKey.size).toBe(2);
  });

  it("Device IDs: eui64Form tells the canonical form (0) from the other accepted forms (1) and from bad IDs (NULL)", async () => {
    const values = ID_TEXTS.map((text, index) => `(${index}, ${sqlString(text)})`).join(", ");
    const rows = await session.rows(
      `SELECT ${eui64Form("x", "text")}, ${eui64Text(
        `CASE WHEN ${eui64Form("x", "text")} IS NOT NULL ` +
          `THEN ${eui64ValueOfValid(inputExpression("x", "text"))} END`
      )} ` + `FROM (VALUES ${values}) t(position, x) ORDER BY position`
    );
    rows.forEach(([form, number], index) => {
      const text = ID_TEXTS[index];
      const canonical = normaliseEui64(text);
      const expected = canonical === null ? null : isCanonicalEui64(text) ? 0 : 1;
      expect({ text, form }).toEqual({ text, form: expected });
      // Once a row has passed, its number comes from eui64ValueOfValid without the test again.
      expect({ text, number }).toEqual({ text, number: canonical });
    });
    expect(rows.filter(([form]) => form === 0).length).toBeGreaterThan(0);
    expect(rows.filter(([form]) => form === 1).length).toBeGreaterThan(3);
  });

  it("numbers: numberValue gives readNumber's number, and NULL where readNumber finds a problem or a blank", async () => {
    const rows = await eachText(NUMBER_TEXTS, (x) => numberValue(x, "text"));
    const expected = NUMBER_TEXTS.map((text) => {
      const number = readNumber(text);
      return number === null || isCellProblem(number) ? null : number;
    });
    expect(rows.map(([number]) => number)).toEqual(expected);
  });

  it("dates: dateValue gives readDate's date, and NULL where readDate finds a problem", async () => {
    const rows = await eachText(DATE_TEXTS, (x) => `strftime(${dateValue(x, "text")}, '%Y-%m-%d')`);
    const expected = DATE_TEXTS.map((text) => {
      const date = readDate(text);
      return date === null || isCellProblem(date) ? null : formatSerialIso(date);
    });
    expect(rows.map(([serial]) => serial)).toEqual(expected);
  });

  it("months: monthIndexValue gives readMonth's month within the reporting years", async () => {
    const rows = await eachText(MONTH_TEXTS, (x) => monthIndexValue(x, "text"));
    const expected = MONTH_TEXTS.map((text) => {
      const month = readMonth(text);
      if (month === null || isCellProblem(month)) return null;
      const { year, month: number } = parseMonthKey(month);
      return year >= FIRST_YEAR && year <= LAST_YEAR ? year * 12 + number - 1 : null;
    });
    expect(rows.map(([index]) => index)).toEqual(expected);
  });
});

describe("national path: DuckDB session", () => {
  it("reports how far a long statement has got while it runs", async () => {
    await session.run("CREATE OR REPLACE TEMP TABLE progress_rows AS SELECT range AS i FROM range(4000000)");
    const reports: (number | null)[] = [];
    await session.runWithProgress(
      "CREATE OR REPLACE TEMP TABLE progress_probe AS SELECT count(DISTINCT hash(i)) AS n FROM progress_rows",
      (percent) => reports.push(percent),
      10
    );
    const percentages = reports.filter((percent): percent is number => percent !== null);
    expect(percentages.length).toBeGreaterThan(0);
    for (const percent of percentages) expect(percent).toBeGreaterThan(0);
    for (const percent of percentages) expect(percent).toBeLessThanOrEqual(100);
    expect(await session.count("SELECT n FROM progress_probe")).toBe(4000000);
  });
});
