/**
 * The Devices input at national scale: every check and the whole Post Commissioning model run inside
 * DuckDB, in SQL built from the rule constants of src/sec; only the figures and the listed devices that
 * fit on a sheet come back to JavaScript, as the same PciModel the workbook path builds.
 */
import {
  type MonthKey,
  addMonths,
  formatMonthLong,
  formatMonthShort,
  lastDayOfMonthSerial,
  monthKey,
  parseMonthKey,
  ymdFromSerial,
} from "../../sec/dates";
import {
  describeCellValue,
  isBlankCell,
  isCellProblem,
  readDate,
  readInterrogated,
  readMonth,
  readWholeCount,
  readYesNo,
  WHOLE_COUNT_LIMIT,
} from "../../sec/coerce";
import {
  PCI_CRITERIA,
  PCI_DUE_AFTER_DAYS,
  PCI_MINIMUM_SECURITY_CREDENTIAL_REQUESTS,
  pciCriterionBit,
} from "../../sec/pci";
import { eui64FromHalves } from "../../sec/eui64";
import { DEVICE_TYPES, type DeviceRecord, type Problem } from "../../reports/check";
import { type InputField, fieldLabel } from "../../reports/inputs";
import { type ReportOptions, dueDateOf } from "../../reports/options";
import { PCI_COLUMNS, PCI_SHEET_LIST_LIMIT } from "../../reports/pci/layout";
import type { PciGroupRow, PciModel, PciMonth } from "../../reports/pci/model";
import type { DuckSession, SqlValue } from "./session";
import {
  codeValue,
  dateValue,
  eui64Form,
  eui64Key,
  eui64Text,
  eui64Value,
  eui64ValueOfValid,
  inputExpression,
  interrogatedValues,
  isBlank,
  monthIndexValue,
  numberValue,
  serialOfDate,
  supplierValue,
  yesNoValue,
} from "./sql-coerce";
import { type TableFile, fileRelation, lineWord } from "./sources";
import { type ColumnCategory, isWholeNumberType, sqlIdentifier, sqlString, sqlStringList } from "./sql-text";

/** At most this many problems are listed; all are counted. */
export const LISTED_PROBLEMS = 100;

const TREND_MONTHS = 6;

/** How often the pass over every row reports how far it has got. */
const PROGRESS_INTERVAL_MS = 5000;

/** The device fields in the order their problems are listed for a row. */
const CHECKED_FIELDS = [
  "period",
  "deviceId",
  "deviceType",
  "commissioned",
  "interrogated",
  "recoveryAnchor",
  "issueSecurityCredentials",
  "updateSecurityCredentialsDevice",
  "updateSecurityCredentialsKrp",
] as const satisfies readonly InputField[];
type CheckedField = (typeof CHECKED_FIELDS)[number];

const COUNT_COLUMNS = {
  issueSecurityCredentials: "issue_sc",
  updateSecurityCredentialsDevice: "update_sc_device",
  updateSecurityCredentialsKrp: "update_sc_krp",
} as const;

function monthIndexOf(period: MonthKey): number {
  const { year, month } = parseMonthKey(period);
  return year * 12 + month - 1;
}

function monthOfIndex(index: number): MonthKey {
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

function ddmmyyyy(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

export interface DeviceMonth {
  rows: number;
  /** Devices commissioned for more than seven days at the month's end. */
  due: number;
}

export interface DeviceCheck {
  /** The first LISTED_PROBLEMS problems, in line order. */
  problems: Problem[];
  /** Every problem, counted. */
  problemTotal: number;
  /** Months with rows, sorted. */
  months: MonthKey[];
  rowCount: number;
}

/** The Devices table of one file, as views over the file (nothing is loaded until a query runs). */
export class NationalDevices {
  private readonly monthsSeen = new Map<MonthKey, DeviceMonth>();

  constructor(
    private readonly session: DuckSession,
    private readonly table: TableFile
  ) {}

  private column(field: InputField): TableFile["columns"][number] | undefined {
    const index = this.table.fields[field];
    return index === undefined ? undefined : this.table.columns[index];
  }

  private category(field: InputField): ColumnCategory {
    return this.column(field)?.category ?? "text";
  }

  /**
   * Two chains of views over the file. scan_typed and scan_checked serve the passes over every row: no
   * line numbers (numbering a CSV file's lines is a window over the whole file) and the Device ID checked
   * by how it is written (eui64Form) rather than parsed. dev_typed … dev give each row's line and parsed
   * values, for naming problems, which only a file with problems needs.
   */
  async createViews(): Promise<void> {
    const { file, format } = this.table;
    await this.createTypedView("scan", fileRelation(file, format, false), false);
    await this.createTypedView("dev", fileRelation(file, format, true), true);
    const x = inputColumn;
    const c = (field: InputField): ColumnCategory => this.category(field);
    await this.session.run(
      `CREATE OR REPLACE TEMP VIEW scan_checked AS SELECT *, ` +
        `(${this.flagsSql("id_form IS NULL", "device_type IS NULL")
          .map((flag) => `(${flag})::INTEGER`)
          .join(" + ")}) AS problem_count ` +
        `FROM (SELECT *, ${eui64Form(rawName("deviceId"), c("deviceId"))} AS id_form, ` +
        `${codeValue(x("deviceType"), c("deviceType"), DEVICE_TYPES)} AS device_type ` +
        `FROM (SELECT *, ${this.identityInputs(["deviceType"])} FROM scan_typed))`
    );
    await this.session.run(
      `CREATE OR REPLACE TEMP VIEW dev_values AS SELECT *, ${this.identitySql()} ` +
        `FROM (SELECT *, ${this.identityInputs()} FROM dev_typed)`
    );
    const flags = this.flagsSql("id IS NULL", "device_type IS NULL");
    await this.session.run(
      `CREATE OR REPLACE TEMP VIEW dev AS SELECT *, (${CHECK_FLAGS.join(" OR ")}) AS bad FROM (SELECT *, ` +
        `${flags.map((flag, index) => `${flag} AS ${CHECK_FLAGS[index]}`).join(", ")} FROM dev_values)`
    );
  }

  /**
   * `<prefix>_typed`: the input columns (the identity ones untrimmed, as `raw_…`: trimming is not free on
   * every row) and what the seven-day rule and the criteria read, with each row's failed criteria (mask).
   * The Device ID, Type and Supplier are parsed in the layers above, each chain as it needs them.
   */
  private async createTypedView(prefix: string, source: string, withLine: boolean): Promise<void> {
    const inputs = CHECKED_FIELDS.filter((field) => !IDENTITY_FIELDS.includes(field)).map(
      (field) => `${inputExpression(this.column(field)?.name, this.category(field))} AS ${inputColumn(field)}`
    );
    for (const field of IDENTITY_FIELDS) {
      const name = this.column(field)?.name;
      inputs.push(
        `${name === undefined ? "CAST(NULL AS VARCHAR)" : sqlIdentifier(name)} AS ${sqlIdentifier(rawName(field))}`
      );
    }
    if (withLine) inputs.unshift("__line AS line");
    const x = inputColumn;
    const c = (field: InputField): ColumnCategory => this.category(field);
    const interrogated = interrogatedValues(x("interrogated"), c("interrogated"));
    const counts = Object.entries(COUNT_COLUMNS).map(
      ([field, name]) => `${numberValue(x(field as InputField), c(field as InputField))} AS ${name}`
    );
    await this.session.run(
      `CREATE OR REPLACE TEMP VIEW ${prefix}_typed AS SELECT *, ` +
        `coalesce(commissioned < measured - ${PCI_DUE_AFTER_DAYS}, false) AS due, ${failureMaskSql()} AS mask ` +
        `FROM (SELECT *, last_day(make_date(month // 12, month % 12 + 1, 1)) AS measured FROM (SELECT *, ` +
        `${monthIndexValue(x("period"), c("period"))} AS month, ` +
        `${dateValue(x("commissioned"), c("commissioned"))} AS commissioned, ` +
        `${interrogated.answer} AS interrogated_answer, ${interrogated.date} AS interrogated_date, ` +
        `${yesNoValue(x("recoveryAnchor"), c("recoveryAnchor"))} AS recovery_anchor, ` +
        `${counts.join(", ")} FROM (SELECT ${inputs.join(", ")} FROM ${source})))`
    );
  }

  /**
   * One SQL truth value per check, in CHECK_FLAGS order, over a typed view; the identity checks are given
   * (the two chains test the Device ID differently).
   */
  private flagsSql(badDeviceId: string, badDeviceType: string): string[] {
    const x = inputColumn;
    const c = (field: InputField): ColumnCategory => this.category(field);
    const countBad = (field: keyof typeof COUNT_COLUMNS): string => {
      const value = COUNT_COLUMNS[field];
      // readWholeCount's rule: a number, finite, not negative, whole and below WHOLE_COUNT_LIMIT. A column
      // of a whole-number type (typed Parquet) holds only finite whole numbers: two tests are left.
      const type = this.column(field)?.type;
      if (type !== undefined && isWholeNumberType(type)) {
        return `coalesce(${value} < 0 OR ${value} >= ${WHOLE_COUNT_LIMIT}, false)`;
      }
      return (
        `(NOT ${isBlank(x(field), c(field))} AND (${value} IS NULL OR NOT isfinite(${value}) OR ${value} < 0 ` +
        `OR ${value} <> floor(${value}) OR ${value} >= ${WHOLE_COUNT_LIMIT}))`
      );
    };
    return [
      "month IS NULL",
      badDeviceId,
      badDeviceType,
      `(NOT ${isBlank(x("commissioned"), c("commissioned"))} AND commissioned IS NULL)`,
      "(interrogated_answer IS NULL AND interrogated_date IS NULL)",
      "recovery_anchor IS NULL",
      countBad("issueSecurityCredentials"),
      countBad("updateSecurityCredentialsDevice"),
      countBad("updateSecurityCredentialsKrp"),
      "coalesce(commissioned > measured, false)",
    ];
  }

  /** The identity input columns trimmed (in_deviceId …), from the raw ones the typed views pass through. */
  private identityInputs(fields: readonly InputField[] = IDENTITY_FIELDS): string {
    return fields
      .map((field) => `${inputExpression(rawName(field), this.category(field))} AS ${inputColumn(field)}`)
      .join(", ");
  }

  /**
   * The Device ID as a number and the Device Type in upper case, from the trimmed identity columns;
   * `checked` where every row has passed the checks, so that the ID need not be tested again.
   */
  private identitySql(checked = false): string {
    const x = inputColumn;
    const c = (field: InputField): ColumnCategory => this.category(field);
    const id =
      checked && c("deviceId") === "text"
        ? eui64ValueOfValid(x("deviceId"))
        : eui64Value(x("deviceId"), c("deviceId"));
    return `${id} AS id, ` + `${codeValue(x("deviceType"), c("deviceType"), DEVICE_TYPES)} AS device_type`;
  }

  /**
   * Every check over every row; lists the first problems by line and counts them all. `report` is called
   * now and then during the pass over the file (see DuckSession.runWithProgress).
   */
  async check(report: (percent: number | null) => void = () => undefined): Promise<DeviceCheck> {
    // The pass over every row: each month's rows, problems and due Devices, and the rows the Post
    // Commissioning lists are made of (due, failing a criterion: a few in a hundred), kept so that the
    // file is not read again for them. For Parquet, the rows are counted by groups (passed, due, ID form)
    // rather than with a FILTER for each count (every FILTER is one more test of every row), and
    // duplicates are looked for in a pass of their own (duplicateSuspects): inside this statement,
    // DuckDB's count of distinct keys costs about twice what it costs alone. A CSV file's text is dearer
    // to read again than that, so for CSV this pass counts them too, per month.
    const duplicatesInPass = this.table.format === "csv";
    const candidates =
      `list(struct_pack(${CANDIDATE_FIELDS.map(sqlIdentifier).join(", ")})) ` +
      `FILTER (WHERE problem_count = 0 AND due AND mask <> 0) AS candidates`;
    await this.session.runWithProgress(
      duplicatesInPass
        ? `CREATE OR REPLACE TEMP TABLE dev_months AS SELECT month, count(*) AS rows, ` +
            `sum(problem_count) AS problems, count(*) FILTER (WHERE problem_count = 0) AS good_rows, ` +
            `count(*) FILTER (WHERE problem_count = 0 AND due) AS due_rows, ` +
            `count(*) FILTER (WHERE id_form = 1) AS other_id_forms, count(*) FILTER (WHERE problem_count = 0) - ` +
            `count(DISTINCT hash(${this.deviceKeySql()})) FILTER (WHERE problem_count = 0) AS suspects, ` +
            `${candidates} FROM scan_checked GROUP BY month`
        : `CREATE OR REPLACE TEMP TABLE dev_months AS SELECT month, count(*) AS rows, ` +
            `sum(problem_count) AS problems, CASE WHEN problem_count = 0 THEN count(*) ELSE 0 END AS good_rows, ` +
            `CASE WHEN problem_count = 0 AND due THEN count(*) ELSE 0 END AS due_rows, ` +
            `CASE WHEN id_form = 1 THEN count(*) ELSE 0 END AS other_id_forms, NULL AS suspects, ` +
            `${candidates} FROM scan_checked GROUP BY month, problem_count = 0, due, id_form = 1`,
      report,
      PROGRESS_INTERVAL_MS
    );
    const perMonth = await this.session.rows(
      `SELECT month, sum(rows)::DOUBLE, sum(problems)::DOUBLE, sum(good_rows)::DOUBLE, sum(due_rows)::DOUBLE, ` +
        `sum(other_id_forms)::DOUBLE, sum(suspects)::DOUBLE FROM dev_months GROUP BY month`
    );
    let rowCount = 0;
    let problemTotal = 0;
    let otherIdForms = 0;
    let suspects = 0;
    for (const [month, rows, problems, goodRows, dueRows, otherForms, monthSuspects] of perMonth) {
      rowCount += Number(rows);
      problemTotal += Number(problems);
      otherIdForms += Number(otherForms);
      suspects += Number(monthSuspects ?? 0);
      if (month !== null && Number(goodRows) > 0) {
        this.monthsSeen.set(monthOfIndex(Number(month)), { rows: Number(goodRows), due: Number(dueRows) });
      }
    }
    // With problems, some rows are out of the duplicate count: it is made exactly, by the Devices' numbers,
    // as it is when the hashes of the keys suggest a duplicate.
    if (!duplicatesInPass && problemTotal === 0)
      suspects = await this.duplicateSuspects(otherIdForms > 0, report);
    const duplicates = problemTotal > 0 || suspects > 0 ? await this.duplicateCount() : 0;
    const problems: Problem[] = [];
    if (problemTotal > 0) problems.push(...(await this.rowProblems()));

    // Duplicates among the rows that passed: a second row for the same Device and month.
    if (duplicates > 0) {
      problemTotal += duplicates;
      problems.push(...(await this.duplicateProblems()));
    }
    problems.sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      problems: problems.slice(0, LISTED_PROBLEMS),
      problemTotal,
      months: [...this.monthsSeen.keys()].sort(),
      rowCount,
    };
  }

  private problem(line: number, field: InputField, detail: string): Problem {
    const col = this.table.fields[field] ?? this.table.columns.length;
    const header = this.column(field)?.name ?? fieldLabel("devices", field);
    const where = `${lineWord(this.table.format)} ${line}`;
    return {
      kind: "devices",
      sheet: this.table.label,
      row: line - 1,
      col,
      address: where,
      message: `${this.table.label} ${where}, ${header}: ${detail}`,
    };
  }

  /** A cell as the TypeScript readers see it, so that messages are the workbook path's own words. */
  private rawValueSql(field: InputField): string {
    const x = inputColumn(field);
    switch (this.category(field)) {
      case "number":
        return `CAST(${x} AS DOUBLE)`;
      case "date":
        return `strftime(${x}, '%Y-%m-%d')`;
      case "timestamp":
        return `strftime(${x}, '%Y-%m-%d %H:%M:%S')`;
      default:
        return x;
    }
  }

  private async rowProblems(): Promise<Problem[]> {
    const raws = CHECKED_FIELDS.map((field) => this.rawValueSql(field));
    const rows = await this.session.rows(
      `SELECT line::DOUBLE, ${raws.join(", ")}, ${CHECK_FLAGS.join(", ")}, ` +
        `${serialOfDate("commissioned")}, ${serialOfDate("measured")}, month FROM dev WHERE bad ` +
        `ORDER BY line LIMIT ${LISTED_PROBLEMS}`
    );
    const problems: Problem[] = [];
    for (const row of rows) {
      const line = Number(row[0]);
      const raw = row.slice(1, 1 + CHECKED_FIELDS.length);
      const flags = row.slice(1 + CHECKED_FIELDS.length, 1 + 2 * CHECKED_FIELDS.length + 1);
      CHECKED_FIELDS.forEach((field, index) => {
        if (flags[index] === true)
          problems.push(this.problem(line, field, cellProblemText(field, raw[index])));
      });
      if (flags[CHECKED_FIELDS.length] === true) {
        const [commissioned, measured, month] = row.slice(-3).map(Number);
        problems.push(
          this.problem(
            line,
            "commissioned",
            `Commissioned ${ddmmyyyy(commissioned)} is after the measurement date ${ddmmyyyy(measured)} ` +
              `(the last day of ${formatMonthLong(monthOfIndex(month))})`
          )
        );
      }
    }
    return problems;
  }

  /**
   * The Device's key as text, in scan_checked: the ID as written where it is canonical (nearly every row of
   * a machine-written file: no parse, no copy), its canonical text where it is in another accepted form,
   * so that every spelling of one Device has one key; NULL where the ID is not an EUI-64.
   */
  private deviceKeySql(): string {
    const raw = rawName("deviceId");
    const trimmed = inputExpression(raw, this.category("deviceId"));
    return (
      `(CASE WHEN id_form = 0 THEN ${sqlIdentifier(raw)} ` +
      `WHEN id_form = 1 THEN ${eui64Text(eui64ValueOfValid(trimmed))} END)`
    );
  }

  /**
   * For a file whose every row passed every check: how many rows fewer there are than distinct Devices in
   * their month, by a hash of the Device ID (DuckDB counts distinct 64-bit values fastest). Two Devices
   * whose IDs hash alike would show the same as a duplicate, so anything but 0 is counted again by
   * duplicateCount. Where every ID is in canonical form, its text is the Device's key as it stands;
   * otherwise each is keyed (eui64Key), so that two spellings of one Device are one Device.
   */
  private async duplicateSuspects(
    otherIdForms: boolean,
    report: (percent: number | null) => void
  ): Promise<number> {
    const raw = rawName("deviceId");
    const key = otherIdForms
      ? eui64Key(inputExpression(raw, this.category("deviceId")), this.category("deviceId"))
      : sqlIdentifier(raw);
    await this.session.runWithProgress(
      `CREATE OR REPLACE TEMP TABLE dev_suspects AS SELECT sum(rows - devices)::DOUBLE AS suspects FROM ` +
        `(SELECT count(*) AS rows, count(DISTINCT hash(${key})) AS devices FROM scan_typed GROUP BY month)`,
      report,
      PROGRESS_INTERVAL_MS
    );
    return this.session.count("SELECT suspects FROM dev_suspects");
  }

  /** Rows that passed every check and repeat a Device's month, counted by the Devices' numbers. */
  private async duplicateCount(): Promise<number> {
    return this.session.count(
      `SELECT sum(extra)::DOUBLE FROM (SELECT count(*) - count(DISTINCT id) AS extra FROM dev WHERE NOT bad GROUP BY month)`
    );
  }

  private async duplicateProblems(): Promise<Problem[]> {
    await this.session.run(
      `CREATE OR REPLACE TEMP TABLE dev_duplicates AS SELECT month, id, min(line) AS first_line ` +
        `FROM dev WHERE NOT bad GROUP BY month, id HAVING count(*) > 1`
    );
    const rows = await this.session.rows(
      `SELECT d.line::DOUBLE, k.first_line::DOUBLE, d.month, ${eui64Text("d.id")} FROM dev d ` +
        `JOIN dev_duplicates k ON d.month = k.month AND d.id = k.id WHERE NOT d.bad AND d.line > k.first_line ` +
        `ORDER BY d.line LIMIT ${LISTED_PROBLEMS}`
    );
    return rows.map(([line, firstLine, month, id]) =>
      this.problem(
        Number(line),
        "deviceId",
        `duplicate row: Device ${String(id)} already has a row for ${formatMonthLong(monthOfIndex(Number(month)))} ` +
          `(${lineWord(this.table.format)} ${Number(firstLine)})`
      )
    );
  }

  /**
   * The PCI model for options.period, computed in DuckDB; the whole list of listed devices is written to
   * `listFile` as CSV, and at most PCI_SHEET_LIST_LIMIT of them come back for the sheet.
   */
  async pciModel(options: ReportOptions, listFile: string): Promise<PciModel> {
    const { period } = options;
    const last = monthIndexOf(period);
    const first = last - TREND_MONTHS;
    // The candidates of the seven months, kept by check(); only they get their identity parsed. They are
    // unnested into a table first: parsed straight from the unnest, DuckDB works on one thread. A file has
    // few Suppliers, so each distinct one is put in canonical form once.
    await this.session.run(
      `CREATE OR REPLACE TEMP TABLE pci_base AS SELECT month, unnest(candidates, recursive := true) ` +
        `FROM dev_months WHERE month BETWEEN ${first} AND ${last} AND candidates IS NOT NULL`
    );
    const supplier = inputColumn("supplierId");
    await this.session.run(
      `CREATE OR REPLACE TEMP TABLE pci_rows AS SELECT month, ${this.identitySql(true)}, names.supplier, commissioned, ` +
        `measured, interrogated_answer, interrogated_date, recovery_anchor, issue_sc, update_sc_device, update_sc_krp, mask ` +
        `FROM (SELECT *, ${this.identityInputs()} FROM pci_base) rows JOIN (SELECT ${supplier} AS written, ` +
        `${supplierValue(supplier, this.category("supplierId"))} AS supplier FROM ` +
        `(SELECT DISTINCT ${this.identityInputs(["supplierId"])} FROM pci_base)) names ` +
        `ON names.written IS NOT DISTINCT FROM rows.${supplier}`
    );
    await this.session.run("DROP TABLE pci_base");
    const months: MonthKey[] = [];
    for (let back = TREND_MONTHS; back >= 0; back--) months.push(addMonths(period, -back));
    const hasData = (month: MonthKey): boolean => this.monthsSeen.has(month);

    const criteriaSql = PCI_CRITERIA.map(
      (criterion) => `(count(*) FILTER (WHERE mask & ${pciCriterionBit(criterion)} <> 0))::DOUBLE`
    );
    const listedByMonth = new Map<number, number[]>();
    for (const [month, listed, ...criteria] of await this.session.rows(
      `SELECT month, count(*)::DOUBLE, ${criteriaSql.join(", ")} FROM pci_rows GROUP BY month`
    )) {
      listedByMonth.set(Number(month), [Number(listed), ...criteria.map(Number)]);
    }
    const addedByMonth = await this.countsByMonth(
      `SELECT c.month, count(*)::DOUBLE FROM pci_rows c ANTI JOIN pci_rows p ON p.month = c.month - 1 AND p.id = c.id GROUP BY c.month`
    );
    const removedByMonth = await this.countsByMonth(
      `SELECT p.month + 1, count(*)::DOUBLE FROM pci_rows p ANTI JOIN pci_rows c ON c.month = p.month + 1 AND c.id = p.id GROUP BY p.month`
    );
    const trend: PciMonth[] = [];
    for (let position = 1; position < months.length; position++) {
      const month = months[position];
      const index = monthIndexOf(month);
      const seen = this.monthsSeen.get(month);
      const monthHasData = seen !== undefined;
      const comparable = monthHasData && hasData(months[position - 1]);
      const listed = listedByMonth.get(index) ?? [0, 0, 0, 0, 0, 0];
      trend.push({
        period: month,
        label: formatMonthShort(month),
        hasData: monthHasData,
        previousHasData: hasData(months[position - 1]),
        snapshotDevices: seen?.rows ?? 0,
        dueDevices: seen?.due ?? 0,
        listed: monthHasData ? listed[0] : null,
        added: comparable ? (addedByMonth.get(index) ?? 0) : null,
        removed: comparable ? (removedByMonth.get(index) ?? 0) : null,
        criteria: monthHasData ? listed.slice(1) : null,
      });
    }
    const current = trend[trend.length - 1];
    const comparable = current.hasData && current.previousHasData;

    await this.session.run(
      `CREATE OR REPLACE TEMP VIEW pci_current AS SELECT c.*, p.id IS NULL AS is_new FROM ` +
        `(SELECT * FROM pci_rows WHERE month = ${last}) c LEFT JOIN ` +
        `(SELECT id FROM pci_rows WHERE month = ${last - 1}) p ON p.id = c.id`
    );
    await this.session.run(
      `CREATE OR REPLACE TEMP VIEW pci_removed AS SELECT p.* FROM (SELECT * FROM pci_rows WHERE month = ${last - 1}) p ` +
        `ANTI JOIN (SELECT id FROM pci_rows WHERE month = ${last}) c ON c.id = p.id`
    );
    await this.writeListCsv(listFile, comparable);

    // The sheet's rows come back as numbers only (strings cost the node API far more each): the ID as its
    // two halves, the Device Type by its place in DEVICE_TYPES, the Supplier by a code into a short list.
    await this.session.run(
      `CREATE OR REPLACE TEMP TABLE pci_suppliers AS SELECT supplier, row_number() OVER (ORDER BY supplier) - 1 AS code ` +
        `FROM (SELECT DISTINCT supplier FROM pci_current)`
    );
    const suppliers = (await this.session.rows("SELECT supplier FROM pci_suppliers ORDER BY code")).map(
      (row) => String(row[0])
    );
    const [
      high,
      low,
      typeCode,
      supplierCode,
      commissioned,
      mask,
      isNew,
      answer,
      interrogatedOn,
      anchor,
      issue,
      device,
      krp,
    ] = await this.session.numberColumns(
      `SELECT ${[
        ...idHalves("c.id"),
        `coalesce(list_position(${sqlStringList(DEVICE_TYPES)}, c.device_type), 0)`,
        "s.code",
        serialOfDate("c.commissioned"),
        "c.mask",
        "c.is_new",
        "c.interrogated_answer",
        serialOfDate("c.interrogated_date"),
        "c.recovery_anchor",
        "coalesce(c.issue_sc, 0)",
        "coalesce(c.update_sc_device, 0)",
        "coalesce(c.update_sc_krp, 0)",
      ]
        .map((value) => `CAST(${value} AS DOUBLE)`)
        .join(", ")} ` +
        `FROM pci_current c JOIN pci_suppliers s ON s.supplier = c.supplier ORDER BY c.id LIMIT ${PCI_SHEET_LIST_LIMIT}`
    );
    const devices: DeviceRecord[] = [];
    const listedMasks = new Uint8Array(high.length);
    const listedNew = new Uint8Array(high.length);
    const addedIds: string[] = [];
    for (let position = 0; position < high.length; position++) {
      const deviceId = eui64FromHalves(high[position], low[position]);
      devices.push({
        period,
        deviceId,
        deviceType: typeCode[position] === 0 ? "" : DEVICE_TYPES[typeCode[position] - 1],
        supplierId: suppliers[supplierCode[position]],
        commissioned: commissioned[position],
        interrogated: Number.isNaN(interrogatedOn[position])
          ? answer[position] === 1
          : interrogatedOn[position],
        recoveryAnchor: anchor[position] === 1,
        issueSecurityCredentials: issue[position],
        updateSecurityCredentialsDevice: device[position],
        updateSecurityCredentialsKrp: krp[position],
        // Not known here: the passes over every row do not number the lines (see createViews), and
        // nothing in a report reads a listed device's source row.
        sourceRow: -1,
      });
      listedMasks[position] = mask[position];
      if (comparable && isNew[position] === 1) {
        listedNew[position] = 1;
        addedIds.push(deviceId);
      }
    }
    const removedIds: string[] = [];
    if (comparable) {
      const [removedHigh, removedLow] = await this.session.numberColumns(
        `SELECT ${idHalves("id")
          .map((half) => `CAST(${half} AS DOUBLE)`)
          .join(", ")} FROM pci_removed ORDER BY id LIMIT ${PCI_SHEET_LIST_LIMIT}`
      );
      removedHigh.forEach((half, index) => removedIds.push(eui64FromHalves(half, removedLow[index])));
    }

    return {
      kind: "pci",
      period,
      periodLabel: formatMonthLong(period),
      dueDate: dueDateOf(options),
      measured: lastDayOfMonthSerial(period),
      current,
      trend,
      monthsWithoutData: trend.filter((month) => !month.hasData).map((month) => month.period),
      devices,
      listedIndexes: Int32Array.from(devices, (_, index) => index),
      listedMasks,
      listedNew,
      addedIds,
      removedIds,
      byType: await this.groupRows("device_type", comparable, typeOrder()),
      bySupplier: await this.groupRows("supplier", comparable, "key = '', key"),
    };
  }

  private async countsByMonth(sql: string): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    for (const [month, n] of await this.session.rows(sql)) counts.set(Number(month), Number(n));
    return counts;
  }

  /** Listed, added and removed by Device Type or Supplier ID; a removed device counts under its previous key. */
  private async groupRows(key: string, comparable: boolean, orderBy: string): Promise<PciGroupRow[]> {
    const rows = await this.session.rows(
      `WITH l AS (SELECT ${key} AS key, count(*) AS listed, count(*) FILTER (WHERE is_new) AS added FROM pci_current GROUP BY ALL), ` +
        `r AS (SELECT ${key} AS key, count(*) AS removed FROM pci_removed GROUP BY ALL) ` +
        `SELECT key, coalesce(listed, 0)::DOUBLE, coalesce(added, 0)::DOUBLE, coalesce(removed, 0)::DOUBLE FROM ` +
        `(SELECT coalesce(l.key, r.key) AS key, listed, added, removed FROM l FULL JOIN r ON l.key = r.key) ` +
        `ORDER BY ${orderBy}`
    );
    return rows
      .filter(([, listed]) => comparable || Number(listed) > 0)
      .map(([groupKey, listed, added, removed]) => ({
        key: String(groupKey),
        listed: Number(listed),
        added: comparable ? Number(added) : null,
        removed: comparable ? Number(removed) : null,
      }));
  }

  /** The whole list, in the sheet table's columns, written by DuckDB itself. */
  private async writeListCsv(listFile: string, comparable: boolean): Promise<void> {
    const reasons = `concat_ws(',', ${PCI_CRITERIA.map(
      (criterion) => `CASE WHEN mask & ${pciCriterionBit(criterion)} <> 0 THEN '${criterion}' END`
    ).join(", ")})`;
    const isNew = comparable ? `CASE WHEN is_new THEN 'Yes' ELSE 'No' END` : "CAST(NULL AS VARCHAR)";
    const values = [
      eui64Text("id"),
      "device_type",
      "supplier",
      "strftime(commissioned, '%Y-%m-%d')",
      "date_diff('day', commissioned, measured)",
      reasons,
      isNew,
    ];
    const columns = values.map((value, index) => `${value} AS ${sqlIdentifier(PCI_COLUMNS[index])}`);
    await this.session.run(
      `COPY (SELECT ${columns.join(", ")} FROM pci_current ORDER BY id) TO ${sqlString(listFile)} (HEADER, DELIMITER ',')`
    );
  }
}

/** A 64-bit Device number as its high and low 32 bits (eui64FromHalves makes its text). */
function idHalves(id: string): [string, string] {
  return [`${id} >> 32`, `${id} & 4294967295`];
}

/** The view column of a field's input cell ("in_period"), apart from the typed values' names. */
function inputColumn(field: InputField): string {
  return sqlIdentifier(`in_${field}`);
}

/** Fields whose text is parsed only where needed: the PCI query parses them for the rows it keeps. */
const IDENTITY_FIELDS: readonly InputField[] = ["deviceId", "deviceType", "supplierId"];

/** The view column name of an identity field's cell as in the file, untrimmed ("raw_deviceId"). */
function rawName(field: InputField): string {
  return `raw_${field}`;
}

/** Every check's flag: the per-cell ones in CHECKED_FIELDS order, then "commissioned after the measurement date". */
const CHECK_FLAGS = [
  "bad_period",
  "bad_device_id",
  "bad_device_type",
  "bad_commissioned",
  "bad_interrogated",
  "bad_recovery_anchor",
  "bad_issue_sc",
  "bad_update_sc_device",
  "bad_update_sc_krp",
  "bad_after",
];

/** The bits (pciCriterionBit) of the criteria a row fails at its measurement date. */
function failureMaskSql(): string {
  const bits = PCI_CRITERIA.map(
    (criterion) => `(CASE WHEN ${failureSql(criterion)} THEN ${pciCriterionBit(criterion)} ELSE 0 END)`
  );
  return `(${bits.join(" | ")})`;
}

/** What the Post Commissioning lists read of a row, kept by check() for the rows that may be listed. */
const CANDIDATE_FIELDS = [
  ...IDENTITY_FIELDS.map(rawName),
  "commissioned",
  "measured",
  "interrogated_answer",
  "interrogated_date",
  "recovery_anchor",
  "issue_sc",
  "update_sc_device",
  "update_sc_krp",
  "mask",
];

/** SQL true when a device fails a criterion at its measurement date (pciFailureMask's rules). */
function failureSql(criterion: (typeof PCI_CRITERIA)[number]): string {
  const minimum = PCI_MINIMUM_SECURITY_CREDENTIAL_REQUESTS;
  switch (criterion) {
    case "a":
      return `NOT (CASE WHEN interrogated_date IS NOT NULL THEN interrogated_date <= measured ELSE interrogated_answer END)`;
    case "b":
      return "NOT recovery_anchor";
    case "c":
      return `NOT (coalesce(issue_sc, 0) >= ${minimum})`;
    case "d":
      return `NOT (coalesce(update_sc_device, 0) >= ${minimum})`;
    case "e":
      return `NOT (coalesce(update_sc_krp, 0) >= ${minimum})`;
  }
}

/** Device Types in the SPEC's order, "" (not given) last: as buildPciModel orders them. */
function typeOrder(): string {
  return `coalesce(list_position(${sqlStringList(DEVICE_TYPES)}, key), ${DEVICE_TYPES.length + 1})`;
}

/** The message for a cell a check rejected, in the words of src/sec's readers. */
function cellProblemText(field: CheckedField, raw: SqlValue): string {
  const value = typeof raw === "bigint" ? Number(raw) : raw;
  switch (field) {
    case "period": {
      if (isBlankCell(value)) return "Period is missing";
      const month = readMonth(value);
      if (isCellProblem(month)) return `Period: ${month.message}`;
      if (month !== null)
        return `${describeCellValue(value)} is not a reporting month (${formatMonthLong(month)})`;
      break;
    }
    case "deviceId":
      return isBlankCell(value)
        ? "Device ID is missing"
        : `${describeCellValue(value)} is not a valid Device ID (EUI-64, 16 hex digits)`;
    case "deviceType":
      return `${describeCellValue(value)} is not a Device Type (${DEVICE_TYPES.join(", ")})`;
    case "commissioned": {
      const date = readDate(value);
      if (isCellProblem(date)) return `Commissioned: ${date.message}`;
      break;
    }
    case "interrogated": {
      const answer = readInterrogated(value);
      if (isCellProblem(answer)) return `Interrogated: ${answer.message}`;
      break;
    }
    case "recoveryAnchor": {
      const answer = readYesNo(value);
      if (isCellProblem(answer)) return `Recovery Trust Anchor: ${answer.message}`;
      break;
    }
    default: {
      const count = readWholeCount(value);
      if (isCellProblem(count)) return `${fieldLabel("devices", field)}: ${count.message}`;
    }
  }
  return `${describeCellValue(value)} is not accepted as ${fieldLabel("devices", field)}`;
}
