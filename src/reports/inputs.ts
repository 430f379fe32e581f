/**
 * Finding the input tables: which grid holds Service Requests, CSRs or Devices, and which column
 * holds which field. Headers match case-insensitively, ignoring spaces and punctuation, with synonyms.
 */
import type { CellIssue } from "./cell-issues";

/** A block of cells read by a host: an Excel table or a plain range whose first row is the header. */
export interface SourceGrid {
  /** Worksheet name. */
  sheet: string;
  /** Excel table name, if the grid is one. */
  table?: string;
  /** 0-based sheet row of the header row. */
  row: number;
  /** 0-based sheet column of the header row's first cell. */
  col: number;
  /** values[0] = headers; then data rows as the host gives them (numbers, text, booleans, null, "", Date). */
  values: unknown[][];
  /** Cells of the grid the reader could not trust (the pane's error cells): problems where used. */
  issues?: CellIssue[];
}

export type InputKind = "sr" | "csr" | "devices" | "metrics";

/** How each input is named to a person (the pane's input list, the runner's messages). */
export const INPUT_LABELS: Record<InputKind, string> = {
  sr: "Service Requests",
  csr: "CSRs",
  devices: "Devices",
  metrics: "Service Metrics",
};

export type InputField =
  | "period"
  | "userId"
  | "userName"
  | "userRole"
  | "service"
  | "forecast"
  | "actual"
  | "subscriberId"
  | "subscriberName"
  | "deviceId"
  | "deviceType"
  | "supplierId"
  | "commissioned"
  | "interrogated"
  | "recoveryAnchor"
  | "issueSecurityCredentials"
  | "updateSecurityCredentialsDevice"
  | "updateSecurityCredentialsKrp"
  | "metric"
  | "value"
  | "threshold"
  | "breachWhen";

export interface DetectedInput {
  kind: InputKind;
  source: SourceGrid;
  /** Field -> column index within values[] (not the sheet column). */
  columns: Partial<Record<InputField, number>>;
  /** Required fields with no column. */
  missing: InputField[];
  /** Data rows (values.length - 1). */
  rowCount: number;
}

export interface InputFieldInfo {
  field: InputField;
  /** The header a person would write; used in messages. */
  label: string;
  required: boolean;
}

export const INPUT_FIELDS: Record<InputKind, InputFieldInfo[]> = {
  sr: [
    { field: "period", label: "Period", required: true },
    { field: "userId", label: "User ID", required: true },
    { field: "userName", label: "User Name", required: false },
    { field: "userRole", label: "User Role", required: false },
    { field: "service", label: "Service", required: false },
    { field: "forecast", label: "Forecast", required: true },
    { field: "actual", label: "Actual", required: true },
  ],
  csr: [
    { field: "period", label: "Period", required: true },
    { field: "subscriberId", label: "Subscriber ID", required: true },
    { field: "subscriberName", label: "Subscriber Name", required: false },
    { field: "forecast", label: "Forecast", required: true },
    { field: "actual", label: "Actual", required: true },
  ],
  devices: [
    { field: "period", label: "Period", required: true },
    { field: "deviceId", label: "Device ID", required: true },
    { field: "deviceType", label: "Device Type", required: false },
    { field: "supplierId", label: "Supplier ID", required: false },
    { field: "commissioned", label: "Commissioned", required: true },
    { field: "interrogated", label: "Interrogated", required: true },
    { field: "recoveryAnchor", label: "Recovery Trust Anchor", required: true },
    { field: "issueSecurityCredentials", label: "Issue Security Credentials", required: true },
    {
      field: "updateSecurityCredentialsDevice",
      label: "Update Security Credentials (Device)",
      required: true,
    },
    { field: "updateSecurityCredentialsKrp", label: "Update Security Credentials (KRP)", required: true },
  ],
  metrics: [
    { field: "period", label: "Period", required: true },
    { field: "userId", label: "User ID", required: true },
    { field: "userName", label: "User Name", required: false },
    { field: "metric", label: "Metric", required: true },
    { field: "value", label: "Value", required: true },
    { field: "threshold", label: "Threshold", required: true },
    { field: "breachWhen", label: "Breach When", required: false },
  ],
};

/** The label of a field of a kind, as used in messages. */
export function fieldLabel(kind: InputKind, field: InputField): string {
  for (const info of INPUT_FIELDS[kind]) if (info.field === field) return info.label;
  return field;
}

const PERIOD_SYNONYMS = ["period", "month", "reportingmonth", "reportingperiod", "monthofreport", "snapshot"];
const FORECAST_SYNONYMS = [
  "forecast",
  "forecastvolume",
  "forecastvolumes",
  "forecasted",
  "forecastedvolume",
  "forecastcount",
];
const ACTUAL_SYNONYMS = ["actual", "actuals", "sent", "actualvolume", "actualvolumes", "actualcount"];

const USER_ID_SYNONYMS = ["userid", "user", "useridentifier", "usereui64", "userideui64"];
const USER_NAME_SYNONYMS = ["username", "name", "usersname"];

/** Normalised header text (lower case, letters and digits only) -> field, per kind. */
const SYNONYMS: Record<InputKind, Partial<Record<InputField, string[]>>> = {
  sr: {
    period: PERIOD_SYNONYMS,
    userId: USER_ID_SYNONYMS,
    userName: USER_NAME_SYNONYMS,
    userRole: ["userrole", "role", "eligibleuserrole"],
    service: [
      "service",
      "services",
      "servicerequest",
      "servicerequestvariant",
      "servicerequesttype",
      "srvariant",
      "srv",
      "variant",
    ],
    forecast: [...FORECAST_SYNONYMS, "srforecast", "srsforecast", "servicerequestforecast", "forecastsrs"],
    actual: [...ACTUAL_SYNONYMS, "srsent", "srssent", "actualsrs", "servicerequestssent", "srsactual"],
  },
  csr: {
    period: PERIOD_SYNONYMS,
    subscriberId: [
      "subscriberid",
      "subscriber",
      "authorisedsubscriber",
      "authorisedsubscriberid",
      "authorizedsubscriber",
      "authorizedsubscriberid",
      "subscribereui64",
    ],
    subscriberName: ["subscribername", "name", "authorisedsubscribername", "authorizedsubscribername"],
    forecast: [...FORECAST_SYNONYMS, "csrforecast", "csrsforecast", "forecastcsrs"],
    actual: [...ACTUAL_SYNONYMS, "csrsent", "csrssent", "csrs", "actualcsrs", "csrsactual"],
  },
  devices: {
    period: PERIOD_SYNONYMS,
    deviceId: ["deviceid", "device", "deviceeui64", "deviceidentifier", "deviceideui64"],
    deviceType: ["devicetype", "type"],
    supplierId: ["supplierid", "supplier", "supplieruserid", "energysupplier", "responsiblesupplier"],
    commissioned: [
      "commissioned",
      "commissioneddate",
      "datecommissioned",
      "commissioningdate",
      "commissionedon",
      "commissionedat",
    ],
    interrogated: [
      "interrogated",
      "interrogation",
      "dccinterrogation",
      "interrogateddate",
      "dateinterrogated",
      "interrogationdate",
      "successfulinterrogation",
      "successfuldccinterrogation",
      "firstinterrogation",
      "firstsuccessfulinterrogation",
    ],
    recoveryAnchor: [
      "recoverytrustanchor",
      "recoveryanchor",
      "rta",
      "recoverytrustanchorcell",
      "recoverytrustanchorpopulated",
      "recoveryanchorpopulated",
    ],
    issueSecurityCredentials: ["issuesecuritycredentials", "srv617", "issuesc", "issuesecuritycredential"],
    updateSecurityCredentialsDevice: [
      "updatesecuritycredentialsdevice",
      "srv6152",
      "updatescdevice",
      "updatesecuritycredentialdevice",
    ],
    updateSecurityCredentialsKrp: [
      "updatesecuritycredentialskrp",
      "srv6151",
      "updatesckrp",
      "updatesecuritycredentialkrp",
    ],
  },
  metrics: {
    period: PERIOD_SYNONYMS,
    userId: USER_ID_SYNONYMS,
    userName: USER_NAME_SYNONYMS,
    metric: ["metric", "metricname", "servicemetric", "monthlyservicemetric", "measure"],
    value: ["value", "currentvalue", "metricvalue", "result"],
    threshold: ["threshold", "servicethreshold", "monthlyservicethreshold", "metricthreshold"],
    breachWhen: ["breachwhen", "breach", "breachif", "breachesif", "direction"],
  },
};

/** SRV codes found anywhere in a header, e.g. "Issue Security Credentials (SRV 6.17) count". */
const SRV_CODES: [string, InputField][] = [
  ["srv6152", "updateSecurityCredentialsDevice"],
  ["srv6151", "updateSecurityCredentialsKrp"],
  ["srv617", "issueSecurityCredentials"],
];

const LOOKUP: Record<InputKind, Map<string, InputField>> = {
  sr: buildLookup("sr"),
  csr: buildLookup("csr"),
  devices: buildLookup("devices"),
  metrics: buildLookup("metrics"),
};

function buildLookup(kind: InputKind): Map<string, InputField> {
  const lookup = new Map<string, InputField>();
  const synonyms = SYNONYMS[kind];
  for (const { field } of INPUT_FIELDS[kind]) {
    for (const synonym of synonyms[field] ?? []) lookup.set(synonym, field);
  }
  return lookup;
}

/** Lower case, letters and digits only: "User Id" -> "userid", "SRV 6.15.2" -> "srv6152". */
export function normaliseHeader(header: unknown): string {
  if (typeof header !== "string" && typeof header !== "number") return "";
  return String(header)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function fieldOfHeader(kind: InputKind, header: unknown): InputField | undefined {
  const lookup = LOOKUP[kind];
  const whole = normaliseHeader(header);
  if (whole === "") return undefined;
  const exact = lookup.get(whole);
  if (exact) return exact;
  if (typeof header === "string" && header.includes("(")) {
    // "Commissioned (date)" -> "commissioned"; tried after the whole text so "(Device)" still counts.
    const outside = lookup.get(normaliseHeader(header.replace(/\([^)]*\)/g, "")));
    if (outside) return outside;
  }
  if (kind === "devices") {
    for (const [code, field] of SRV_CODES) if (whole.includes(code)) return field;
  }
  return undefined;
}

/** Field -> index in `headers` for one kind. When two columns match a field, the first wins. */
export function mapColumns(kind: InputKind, headers: unknown[]): Partial<Record<InputField, number>> {
  const columns: Partial<Record<InputField, number>> = {};
  for (let index = 0; index < headers.length; index++) {
    const field = fieldOfHeader(kind, headers[index]);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  }
  return columns;
}

function missingFields(kind: InputKind, columns: Partial<Record<InputField, number>>): InputField[] {
  return INPUT_FIELDS[kind]
    .filter((info) => info.required && columns[info.field] === undefined)
    .map((info) => info.field);
}

/** The columns that say which input a table is meant to be; a table without them is not that input. */
const IDENTIFYING_FIELDS: Record<InputKind, readonly InputField[]> = {
  sr: ["userId"],
  csr: ["subscriberId"],
  devices: ["deviceId", "commissioned"],
  metrics: ["userId", "metric"],
};

/** Kinds in the order that wins a tie. */
const DETECTION_ORDER: readonly InputKind[] = ["devices", "csr", "metrics", "sr"];

/**
 * The input a grid's headers make it: of the inputs whose identifying columns it has, the first (in
 * DETECTION_ORDER) that it has every required column of; when it is complete for none, the first
 * it is identified as, so that it is read and told which columns to add. null when it is no input.
 */
function kindOfHeaders(headers: unknown[]): DetectedKind | null {
  let fallback: DetectedKind | null = null;
  for (const kind of DETECTION_ORDER) {
    const columns = mapColumns(kind, headers);
    if (!IDENTIFYING_FIELDS[kind].every((field) => columns[field] !== undefined)) continue;
    const missing = missingFields(kind, columns);
    if (missing.length === 0) return { kind, columns, missing };
    fallback ??= { kind, columns, missing };
  }
  return fallback;
}

interface DetectedKind {
  kind: InputKind;
  columns: Partial<Record<InputField, number>>;
  missing: InputField[];
}

/** The best kind for each grid; grids that match no kind are left out. */
export function detectInputs(grids: SourceGrid[]): DetectedInput[] {
  const detected: DetectedInput[] = [];
  for (const source of grids) {
    if (source.values.length === 0) continue;
    const match = kindOfHeaders(source.values[0]);
    if (!match) continue;
    detected.push({
      kind: match.kind,
      source,
      columns: match.columns,
      missing: match.missing,
      rowCount: source.values.length - 1,
    });
  }
  return detected;
}

/** Grids that are no input: left alone, and listed as "not used" so a person sees why. */
export function unusedGrids(grids: SourceGrid[]): SourceGrid[] {
  return grids.filter((source) => source.values.length === 0 || kindOfHeaders(source.values[0]) === null);
}
