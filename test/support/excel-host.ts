/**
 * An in-memory Excel host: the subset of the Excel JavaScript API the add-in uses, for tests and
 * (as the `Office`/`Excel` globals) for a browser bundle. No Node APIs.
 *
 * Modelled, with Excel's semantics:
 * - `Excel.run(batch)`: proxy objects, queued operations, `load()` then `context.sync()`. Reading a
 *   property that was neither loaded by a completed sync nor set on the proxy throws PropertyNotLoaded.
 *   Pending operations are synced once more when the batch resolves (as Office.js does).
 * - Each `context.sync()` is counted and its request measured: the UTF-8 bytes of the JSON of every
 *   queued operation (object id, method or property, arguments and values). A request over 5 MB fails
 *   with code "RequestPayloadSizeLimitExceeded" and applies nothing; a response (loaded data) over
 *   5 MB fails with "ResponsePayloadSizeLimitExceeded" (its operations were applied, as Excel ran them).
 * - Operations apply in order. One that fails (ItemNotFound, ItemAlreadyExists, InvalidArgument, ...)
 *   stops the request: the operations before it stay applied, the rest are not (Excel is not
 *   transactional). `host.failSync(k)` makes the k-th sync from now fail with GeneralException
 *   before anything of that request is applied.
 * - Cell input as if typed: "'x" is the text x; "=..." a formula; number-like text a number;
 *   TRUE/FALSE booleans; other text starting with + - @ a formula; null leaves a cell unchanged; ""
 *   clears it. Formulas are not evaluated: their cells show "#NAME?".
 * - Sheet names (1-31 chars, forbidden characters, unique ignoring case), table names (valid,
 *   not a cell reference, unique in the workbook ignoring case), tables that may not overlap, header
 *   cells made unique text, a header-only table gets one empty row, the last visible sheet cannot be
 *   deleted, deleting a sheet deletes its tables and charts, new sheets go to the end.
 *
 * Not modelled: formula evaluation, dates typed as text, number-format rendering (`text` is the plain
 * value), merged cells, row heights, borders, defined names, events, undo, tables without headers,
 * total rows, table columns/rows collections, chart series/axes, more than one workbook.
 */
import {
  applyCellInput,
  cellKey,
  cellFormat,
  checkRect,
  checkSheetName,
  checkTableName,
  ChartState,
  ConditionalFormatState,
  DEFAULT_COLUMN_WIDTH,
  defaultFormat,
  emptySheet,
  findSheetById,
  findSheetByName,
  findTableByName,
  FormatProps,
  fullAddress,
  HostOfficeError,
  MAX_ROWS,
  NameState,
  newId,
  parseAddress,
  readCellInput,
  readFormulas,
  readNumberFormats,
  readValues,
  readValueTypes,
  Rect,
  rectsOverlap,
  rectToA1,
  setCell,
  SheetState,
  StoredValue,
  TableState,
  usedRect,
  WorkbookState,
} from "./excel-host-state";
import { utf8Length } from "../../src/excel/payload";

import { HostPageLayout, pageLayoutOf, type PageLayoutState } from "./excel-host-page-layout";

export { HostOfficeError } from "./excel-host-state";
export type { PageLayoutState } from "./excel-host-page-layout";
export type { Rect, StoredValue, WorkbookState } from "./excel-host-state";

/** Excel on the web rejects a request or response larger than this. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  /** The request as measured against the limit (behind the real client: the enveloped message). */
  requestBytes: number;
  /** The request body alone (behind the real client: the JSON the client built). */
  bodyBytes: number;
  responseBytes: number;
  operations: number;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  /** Error code when the sync failed. */
  failed: string | null;
}

interface Delivery {
  response: unknown;
  commit: () => void;
}

interface QueuedOperation {
  payload: Record<string, unknown>;
  apply: () => Delivery | void;
}

export class HostCore {
  syncCount = 0;
  readonly syncs: SyncRecord[] = [];
  readonly failAt = new Set<number>();
  private nextObjectId = 0;
  constructor(readonly state: WorkbookState) {}
  objectId(): number {
    this.nextObjectId += 1;
    return this.nextObjectId;
  }
}

function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

// ---------------------------------------------------------------------------------------------
// Request context and proxy objects

export class HostRequestContext {
  readonly workbook: HostWorkbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: QueuedOperation[] = [];
  private closed = false;

  constructor(readonly core: HostCore) {
    this.workbook = new HostWorkbook(this);
  }

  enqueue(payload: Record<string, unknown>, apply: () => Delivery | void): void {
    if (this.closed) {
      throw new HostOfficeError("InvalidRequestContext", "This object was used after its Excel.run ended.");
    }
    this.queue.push({ payload, apply });
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Operations queued since the last sync or applyQueued. */
  get queuedCount(): number {
    return this.queue.length;
  }

  /**
   * Applies the queued operations in order, as one request whose size and failure injection the
   * caller handles (office-js-host.ts, behind the real client). On a failure, the operations before
   * it stay applied and its index is returned with the error; on success the loads are delivered.
   */
  applyQueued(): { error: HostOfficeError; index: number } | null {
    const operations = this.queue;
    this.queue = [];
    const deliveries: Delivery[] = [];
    for (let index = 0; index < operations.length; index++) {
      try {
        const delivery = operations[index].apply();
        if (delivery) deliveries.push(delivery);
      } catch (error) {
        if (error instanceof HostOfficeError) return { error, index };
        throw error;
      }
    }
    for (const delivery of deliveries) delivery.commit();
    return null;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    const core = this.core;
    core.syncCount += 1;
    const payloads = operations.map((op) => op.payload);
    const record: SyncRecord = {
      requestBytes: jsonBytes(payloads),
      bodyBytes: jsonBytes(payloads),
      responseBytes: 0,
      operations: operations.length,
      suspendedCalculation: payloads.some((p) => p.m === "suspendApiCalculationUntilNextSync"),
      suspendedScreenUpdating: payloads.some((p) => p.m === "suspendScreenUpdatingUntilNextSync"),
      failed: null,
    };
    core.syncs.push(record);
    // A round trip: never resolve synchronously.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const fail = (error: HostOfficeError): never => {
      record.failed = error.code;
      throw error;
    };
    if (core.failAt.delete(core.syncCount)) {
      fail(new HostOfficeError("GeneralException", `Sync ${core.syncCount} failed (injected by failSync).`));
    }
    if (record.requestBytes > PAYLOAD_LIMIT_BYTES) {
      fail(
        new HostOfficeError(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`
        )
      );
    }
    const deliveries: Delivery[] = [];
    for (const operation of operations) {
      try {
        const delivery = operation.apply();
        if (delivery) deliveries.push(delivery);
      } catch (error) {
        if (error instanceof HostOfficeError) fail(error);
        throw error;
      }
    }
    record.responseBytes = jsonBytes(deliveries.map((d) => d.response));
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      fail(
        new HostOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`
        )
      );
    }
    for (const delivery of deliveries) delivery.commit();
  }
}

type Locator<T> = () => T | null;

function notLoaded(prop: string): HostOfficeError {
  return new HostOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** Load specs: "a, b", ["a", "b"], { select: "a,b" }, or nothing (every scalar property). */
type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadNames(spec: LoadSpec): string[] {
  const raw = spec === undefined ? [] : typeof spec === "object" && !Array.isArray(spec) ? spec.select : spec;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : raw.split(",");
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * A proxy. `creation` is queued as an operation, so a proxy got by a method call is resolved at its
 * place in the batch (as Excel does); navigation proxies (range.format, sheet.tables) resolve through
 * their parent when first used.
 */
export abstract class ClientObject<T> {
  readonly objectId: number;
  private target: T | null | undefined = undefined;
  private readonly loadedProps = new Map<string, unknown>();
  /** Navigation proxies (no creating call) look their target up on every use: collections change. */
  private readonly navigational: boolean;

  protected constructor(
    protected readonly context: HostRequestContext,
    private readonly locate: Locator<T>,
    creation: Record<string, unknown> | null
  ) {
    this.objectId = context.core.objectId();
    this.navigational = creation === null;
    if (creation) {
      context.enqueue({ ...creation, r: this.objectId }, () => {
        this.target = locate();
      });
    }
  }

  /** Property readers, for load(). */
  protected abstract readers(): Record<string, (target: T) => unknown>;

  /** The object this proxy stands for; throws if it does not exist (any more). */
  resolve(): T {
    const target = this.target === undefined && this.navigational ? this.locate() : this.target;
    if (target === undefined) {
      throw new HostOfficeError("InvalidObjectPath", "The object was never created (its request failed).");
    }
    if (target === null) {
      throw new HostOfficeError(
        "ItemNotFound",
        "The requested resource doesn't exist (a null object was used)."
      );
    }
    this.checkAlive(target);
    return target;
  }

  protected checkAlive(target: T): void {
    void target;
  }

  /** For *OrNullObject proxies: known after the sync that resolved them. */
  get isNullObject(): boolean {
    if (this.target === undefined) throw notLoaded("isNullObject");
    return this.target === null;
  }

  load(spec?: LoadSpec): this {
    const readers = this.readers();
    const names = loadNames(spec);
    const selected = names.length > 0 ? names : Object.keys(readers).filter((n) => !HEAVY.has(n));
    for (const name of selected) {
      if (!(name in readers)) throw new HostOfficeError("InvalidArgument", `Cannot load property '${name}'.`);
    }
    this.context.enqueue({ a: "load", o: this.objectId, select: selected }, () => {
      if (this.target === null) return undefined; // a null object loads nothing
      const target = this.resolve();
      const data: Record<string, unknown> = {};
      for (const name of selected) data[name] = readers[name](target);
      return {
        response: data,
        commit: () => {
          for (const name of selected) this.loadedProps.set(name, data[name]);
        },
      };
    });
    return this;
  }

  protected read<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) throw notLoaded(prop);
    return this.loadedProps.get(prop) as V;
  }

  /** Queues a property write; like Office.js, the proxy shows the written value at once. */
  protected write(prop: string, value: unknown, apply: (target: T) => void): void {
    this.loadedProps.set(prop, value);
    this.context.enqueue({ a: "set", o: this.objectId, p: prop, v: value }, () => apply(this.resolve()));
  }

  /** Queues a method call without a result. */
  protected call(method: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue({ a: "call", o: this.objectId, m: method, args }, () => apply(this.resolve()));
  }

  /** Payload of a method call that creates a proxy. */
  protected creation(method: string, args: unknown[]): Record<string, unknown> {
    return { a: "call", o: this.objectId, m: method, args };
  }

  /** Used by collections: a proxy for an item, already resolved and with loaded values. */
  adopt(target: T, loaded: Record<string, unknown>): this {
    this.target = target;
    for (const [name, value] of Object.entries(loaded)) this.loadedProps.set(name, value);
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

/** Properties `load()` without names leaves out (Office.js loads scalars only; values can be huge). */
const HEAVY = new Set(["values", "formulas", "numberFormat", "text", "items"]);

export class HostClientResult<V> {
  private loaded = false;
  private result: V | undefined;
  get value(): V {
    if (!this.loaded) throw notLoaded("value");
    return this.result as V;
  }
  set(value: V): void {
    this.result = value;
    this.loaded = true;
  }
}

function resultCall<V>(context: HostRequestContext, objectId: number, method: string, compute: () => V) {
  const result = new HostClientResult<V>();
  context.enqueue({ a: "call", o: objectId, m: method, args: [] }, () => {
    const value = compute();
    return { response: value, commit: () => result.set(value) };
  });
  return result;
}

/**
 * A collection proxy: `items` after load("items/name") / load("name") / load().
 */
export abstract class CollectionObject<T, P extends ClientObject<T>> extends ClientObject<T[]> {
  private itemProxies: P[] | undefined;

  protected abstract itemProxy(item: T): P;
  protected abstract itemReaders(): Record<string, (item: T) => unknown>;

  protected readers(): Record<string, (target: T[]) => unknown> {
    return {};
  }

  get items(): P[] {
    if (this.itemProxies === undefined) throw notLoaded("items");
    return this.itemProxies;
  }

  override load(spec?: LoadSpec): this {
    const readers = this.itemReaders();
    const names = loadNames(spec).map((n) => n.replace(/^items\//, ""));
    const selected =
      names.length > 0
        ? names.filter((n) => n !== "items")
        : Object.keys(readers).filter((n) => !HEAVY.has(n));
    for (const name of selected) {
      if (!(name in readers)) throw new HostOfficeError("InvalidArgument", `Cannot load property '${name}'.`);
    }
    this.context.enqueue({ a: "load", o: this.objectId, select: selected.map((n) => `items/${n}`) }, () => {
      const items = this.resolve();
      const data = items.map((item) => {
        const row: Record<string, unknown> = {};
        for (const name of selected) row[name] = readers[name](item);
        return row;
      });
      return {
        response: data,
        commit: () => {
          this.itemProxies = items.map((item, i) => this.itemProxy(item).adopt(item, data[i]));
        },
      };
    });
    return this;
  }

  getCount(): HostClientResult<number> {
    return resultCall(this.context, this.objectId, "getCount", () => this.resolve().length);
  }

  /** The item at `index` (Office.js addresses loaded items this way when their ids were not loaded). */
  getItemAt(index: number): P {
    const proxy = this.itemProxy(undefined as unknown as T); // its target is set when the call runs
    this.context.enqueue({ a: "call", o: this.objectId, m: "getItemAt", args: [index] }, () => {
      const current = this.resolve()[index];
      if (current === undefined) throw new HostOfficeError("ItemNotFound", `There is no item at ${index}.`);
      proxy.adopt(current, {});
    });
    return proxy;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets

export class HostWorkbook {
  readonly worksheets: HostWorksheetCollection;
  readonly tables: HostTableCollection;
  readonly application: HostApplication;
  /** Defined names of workbook scope. */
  readonly names: HostNamedItemCollection;
  constructor(private readonly context: HostRequestContext) {
    const state = context.core.state;
    this.worksheets = new HostWorksheetCollection(context);
    this.tables = new HostTableCollection(context, () => state.tables, null);
    this.application = new HostApplication(context);
    this.names = new HostNamedItemCollection(context, () => state.names.filter((n) => n.sheetId === null));
  }

  getSelectedRange(): HostRange {
    const state = this.context.core.state;
    return new HostRange(
      this.context,
      () => {
        const selection = state.selection ?? {
          sheetId: state.activeSheetId,
          rect: { row: 0, col: 0, rowCount: 1, colCount: 1 },
        };
        return { sheet: findSheetById(state, selection.sheetId), rect: selection.rect };
      },
      { a: "call", o: 0, m: "getSelectedRange", args: [] }
    );
  }

  getActiveWorksheet(): HostWorksheet {
    return this.worksheets.getActiveWorksheet();
  }
}

class HostApplication {
  private readonly objectId: number;
  constructor(private readonly context: HostRequestContext) {
    this.objectId = context.core.objectId();
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(
      { a: "call", o: this.objectId, m: "suspendApiCalculationUntilNextSync", args: [] },
      () => undefined
    );
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue(
      { a: "call", o: this.objectId, m: "suspendScreenUpdatingUntilNextSync", args: [] },
      () => undefined
    );
  }
}

function sheetReaders(state: WorkbookState): Record<string, (sheet: SheetState) => unknown> {
  return {
    id: (s) => s.id,
    name: (s) => s.name,
    position: (s) => state.sheets.indexOf(s),
    visibility: (s) => s.visibility,
    tabColor: (s) => s.tabColor,
  };
}

class HostWorksheetCollection extends CollectionObject<SheetState, HostWorksheet> {
  constructor(context: HostRequestContext) {
    super(context, () => context.core.state.sheets, null);
  }

  private get state(): WorkbookState {
    return this.context.core.state;
  }

  protected itemProxy(): HostWorksheet {
    return new HostWorksheet(this.context, () => null, null);
  }

  protected itemReaders(): Record<string, (item: SheetState) => unknown> {
    return sheetReaders(this.state);
  }

  getItem(key: string): HostWorksheet {
    const state = this.state;
    return new HostWorksheet(
      this.context,
      () => {
        const sheet = findSheetByName(state, key) ?? state.sheets.find((s) => s.id === key);
        if (!sheet) throw new HostOfficeError("ItemNotFound", `The worksheet "${key}" doesn't exist.`);
        return sheet;
      },
      this.creation("getItem", [key])
    );
  }

  getItemOrNullObject(key: string): HostWorksheet {
    const state = this.state;
    return new HostWorksheet(
      this.context,
      () => findSheetByName(state, key) ?? state.sheets.find((s) => s.id === key) ?? null,
      this.creation("getItemOrNullObject", [key])
    );
  }

  getActiveWorksheet(): HostWorksheet {
    const state = this.state;
    return new HostWorksheet(
      this.context,
      () => findSheetById(state, state.activeSheetId),
      this.creation("getActiveWorksheet", [])
    );
  }

  add(name?: string): HostWorksheet {
    const state = this.state;
    return new HostWorksheet(
      this.context,
      () => {
        let sheetName = name;
        if (sheetName === undefined) {
          let n = state.sheets.length + 1;
          while (findSheetByName(state, `Sheet${n}`)) n += 1;
          sheetName = `Sheet${n}`;
        }
        const sheet = emptySheet(state, checkSheetName(state, sheetName));
        state.sheets.push(sheet);
        return sheet;
      },
      this.creation("add", name === undefined ? [] : [name])
    );
  }
}

class HostWorksheet extends ClientObject<SheetState> {
  readonly freezePanes: HostFreezePanes;
  readonly pageLayout: HostPageLayout;
  readonly tables: HostTableCollection;
  readonly charts: HostChartCollection;
  /** Defined names scoped to this sheet. */
  readonly names: HostNamedItemCollection;

  constructor(
    context: HostRequestContext,
    locate: Locator<SheetState>,
    creation: Record<string, unknown> | null
  ) {
    super(context, locate, creation);
    this.freezePanes = new HostFreezePanes(context, this);
    this.pageLayout = new HostPageLayout(context, () => this.resolve());
    this.tables = new HostTableCollection(
      context,
      () => {
        const sheet = this.resolve();
        return context.core.state.tables.filter((t) => t.sheetId === sheet.id);
      },
      this
    );
    this.charts = new HostChartCollection(context, this);
    this.names = new HostNamedItemCollection(context, () => {
      const sheet = this.resolve();
      return context.core.state.names.filter((n) => n.sheetId === sheet.id);
    });
  }

  private get state(): WorkbookState {
    return this.context.core.state;
  }

  protected override checkAlive(sheet: SheetState): void {
    if (!this.state.sheets.includes(sheet)) {
      throw new HostOfficeError("ItemNotFound", `The worksheet "${sheet.name}" has been deleted.`);
    }
  }

  protected readers(): Record<string, (sheet: SheetState) => unknown> {
    return sheetReaders(this.state);
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, (sheet) => {
      sheet.name = checkSheetName(this.state, value, sheet);
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.write("position", value, (sheet) => {
      const sheets = this.state.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        throw new HostOfficeError("InvalidArgument", `Position ${value} is not valid.`);
      }
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.write("visibility", value, (sheet) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") {
        throw new HostOfficeError("InvalidArgument", `Visibility "${value}" is not valid.`);
      }
      if (
        value !== "Visible" &&
        this.state.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0
      ) {
        throw new HostOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      sheet.visibility = value;
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(value: string) {
    this.write("tabColor", value, (sheet) => {
      sheet.tabColor = normaliseColor(value, true);
    });
  }

  activate(): void {
    this.call("activate", [], (sheet) => {
      if (sheet.visibility !== "Visible")
        throw new HostOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.state.activeSheetId = sheet.id;
      this.state.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }

  delete(): void {
    this.call("delete", [], (sheet) => {
      const state = this.state;
      if (sheet.visibility === "VeryHidden") {
        throw new HostOfficeError(
          "InvalidOperation",
          `The very hidden sheet "${sheet.name}" cannot be deleted.`
        );
      }
      const visible = state.sheets.filter((s) => s.visibility === "Visible");
      if (visible.length === 1 && visible[0] === sheet) {
        throw new HostOfficeError(
          "InvalidOperation",
          "The last visible sheet of a workbook cannot be deleted."
        );
      }
      const index = state.sheets.indexOf(sheet);
      state.sheets.splice(index, 1);
      state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
      state.names = state.names.filter((n) => n.sheetId !== sheet.id);
      if (state.activeSheetId === sheet.id) {
        const next =
          state.sheets.slice(index).find((s) => s.visibility === "Visible") ??
          [...state.sheets].reverse().find((s) => s.visibility === "Visible");
        if (next) state.activeSheetId = next.id;
      }
      if (state.selection?.sheetId === sheet.id) {
        state.selection = {
          sheetId: state.activeSheetId,
          rect: { row: 0, col: 0, rowCount: 1, colCount: 1 },
        };
      }
    });
  }

  getRange(address?: string): HostRange {
    return new HostRange(
      this.context,
      () => {
        const sheet = this.resolve();
        if (address === undefined)
          return { sheet, rect: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: 16_384 } };
        const parsed = parseAddress(address);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new HostOfficeError(
            "InvalidArgument",
            `The address "${address}" is not on sheet "${sheet.name}".`
          );
        }
        return { sheet, rect: parsed.rect };
      },
      this.creation("getRange", address === undefined ? [] : [address])
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    return new HostRange(
      this.context,
      () => {
        const rect = { row: startRow, col: startColumn, rowCount, colCount: columnCount };
        checkRect(rect);
        return { sheet: this.resolve(), rect };
      },
      this.creation("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount])
    );
  }

  getCell(row: number, column: number): HostRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Excel returns A1 for an empty sheet. */
  getUsedRange(valuesOnly?: boolean): HostRange {
    return new HostRange(
      this.context,
      () => {
        const sheet = this.resolve();
        return { sheet, rect: usedRect(sheet) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
      },
      this.creation("getUsedRange", valuesOnly === undefined ? [] : [valuesOnly])
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    return new HostRange(
      this.context,
      () => {
        const sheet = this.resolve();
        const rect = usedRect(sheet);
        return rect ? { sheet, rect } : null;
      },
      this.creation("getUsedRangeOrNullObject", valuesOnly === undefined ? [] : [valuesOnly])
    );
  }
}

class HostFreezePanes {
  private readonly objectId: number;
  constructor(
    private readonly context: HostRequestContext,
    private readonly sheet: HostWorksheet
  ) {
    this.objectId = context.core.objectId();
  }
  freezeRows(count?: number): void {
    const rows = count ?? 1;
    this.context.enqueue({ a: "call", o: this.objectId, m: "freezeRows", args: [rows] }, () => {
      if (!Number.isInteger(rows) || rows < 0 || rows >= MAX_ROWS) {
        throw new HostOfficeError("InvalidArgument", `Cannot freeze ${rows} rows.`);
      }
      this.sheet.resolve().frozenRows = rows;
    });
  }
  unfreeze(): void {
    this.context.enqueue({ a: "call", o: this.objectId, m: "unfreeze", args: [] }, () => {
      this.sheet.resolve().frozenRows = 0;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and formats

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function checkShape(rect: Rect, grid: unknown, prop: string): unknown[][] {
  const ok =
    Array.isArray(grid) &&
    grid.length === rect.rowCount &&
    grid.every((row) => Array.isArray(row) && row.length === rect.colCount);
  if (!ok) {
    throw new HostOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${prop} doesn't match the size or dimensions of the range.`
    );
  }
  return grid as unknown[][];
}

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;
const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
};

function normaliseColor(value: string, allowEmpty = false): string {
  if (allowEmpty && value === "") return "";
  if (typeof value === "string" && HEX_COLOR.test(value)) return value.toUpperCase();
  const named = typeof value === "string" ? NAMED_COLORS[value.toLowerCase()] : undefined;
  if (named) return named;
  throw new HostOfficeError("InvalidArgument", `The colour "${String(value)}" is not valid.`);
}

class HostRange extends ClientObject<RangeTarget> {
  readonly format: HostRangeFormat;
  readonly conditionalFormats: HostConditionalFormatCollection;

  constructor(
    context: HostRequestContext,
    locate: Locator<RangeTarget>,
    creation: Record<string, unknown> | null
  ) {
    super(context, locate, creation);
    this.format = new HostRangeFormat(context, this);
    this.conditionalFormats = new HostConditionalFormatCollection(context, this);
  }

  protected override checkAlive(target: RangeTarget): void {
    if (!this.context.core.state.sheets.includes(target.sheet)) {
      throw new HostOfficeError("ItemNotFound", "The range's worksheet has been deleted.");
    }
  }

  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => fullAddress(t.sheet.name, t.rect),
      addressLocal: (t) => fullAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rowCount,
      columnCount: (t) => t.rect.colCount,
      cellCount: (t) => t.rect.rowCount * t.rect.colCount,
      values: (t) => readValues(t.sheet, t.rect),
      formulas: (t) => readFormulas(t.sheet, t.rect),
      numberFormat: (t) => readNumberFormats(t.sheet, t.rect),
      valueTypes: (t) => readValueTypes(t.sheet, t.rect),
      text: (t) =>
        readValues(t.sheet, t.rect).map((row) =>
          row.map((v) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v)))
        ),
    };
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get values(): StoredValue[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  set values(grid: unknown[][]) {
    this.write("values", grid, (t) => this.writeCells(t, grid, "values"));
  }
  get formulas(): StoredValue[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.write("formulas", grid, (t) => this.writeCells(t, grid, "formulas"));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.write("numberFormat", grid, (t) => {
      const rows = checkShape(t.rect, grid, "numberFormat");
      // Validate first: a failing operation applies nothing of itself.
      for (const row of rows) {
        for (const format of row) {
          if (format !== null && typeof format !== "string") {
            throw new HostOfficeError("InvalidArgument", "A number format must be text.");
          }
        }
      }
      for (let r = 0; r < rows.length; r++) {
        const sheetRow = t.rect.row + r;
        let formats = t.sheet.numberFormats[sheetRow];
        for (let c = 0; c < rows[r].length; c++) {
          const format = rows[r][c];
          if (format === null) continue;
          if (formats === undefined) {
            formats = [];
            t.sheet.numberFormats[sheetRow] = formats;
          }
          formats[t.rect.col + c] = format === "General" ? undefined : (format as string);
        }
      }
    });
  }

  private writeCells(t: RangeTarget, grid: unknown, prop: string): void {
    const rows = checkShape(t.rect, grid, prop);
    // Check every cell first: an operation that fails applies nothing of itself.
    for (const row of rows) {
      for (const input of row) {
        if (
          typeof input === "number"
            ? !Number.isFinite(input)
            : typeof input !== "string" && typeof input !== "boolean" && input !== null && input !== undefined
        ) {
          readCellInput(input); // throws Excel's error for this input
        }
      }
    }
    const sheet = t.sheet;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const sheetRow = t.rect.row + r;
      for (let c = 0; c < row.length; c++) {
        const input = row[c];
        // Fast paths for what bulk writes carry (numbers, apostrophe text); everything else as typed.
        const plain = sheet.formulas.size === 0 && sheet.errors.size === 0;
        if (typeof input === "number" && plain) setCell(sheet, sheetRow, t.rect.col + c, input);
        else if (typeof input === "string" && input.length > 1 && input.charCodeAt(0) === 39 && plain) {
          setCell(sheet, sheetRow, t.rect.col + c, input.slice(1));
        } else applyCellInput(sheet, sheetRow, t.rect.col + c, readCellInput(input));
      }
    }
  }

  get worksheet(): HostWorksheet {
    return new HostWorksheet(this.context, () => this.resolve().sheet, null);
  }

  private derived(method: string, args: unknown[], rect: (r: Rect) => Rect): HostRange {
    return new HostRange(
      this.context,
      () => {
        const t = this.resolve();
        const next = rect(t.rect);
        checkRect(next);
        return { sheet: t.sheet, rect: next };
      },
      this.creation(method, args)
    );
  }

  getCell(row: number, column: number): HostRange {
    return this.derived("getCell", [row, column], (r) => ({
      row: r.row + row,
      col: r.col + column,
      rowCount: 1,
      colCount: 1,
    }));
  }
  getRow(row: number): HostRange {
    return this.derived("getRow", [row], (r) => ({ ...r, row: r.row + row, rowCount: 1 }));
  }
  getColumn(column: number): HostRange {
    return this.derived("getColumn", [column], (r) => ({ ...r, col: r.col + column, colCount: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (r) => ({
      ...r,
      rowCount: r.rowCount + deltaRows,
      colCount: r.colCount + deltaColumns,
    }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): HostRange {
    return this.derived("getAbsoluteResizedRange", [numRows, numColumns], (r) => ({
      ...r,
      rowCount: numRows,
      colCount: numColumns,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): HostRange {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], (r) => ({
      ...r,
      row: r.row + rowOffset,
      col: r.col + columnOffset,
    }));
  }

  /** The smallest range holding this one and `other` (Office.js splits large writes with it). */
  getBoundingRect(other: HostRange): HostRange {
    return new HostRange(
      this.context,
      () => {
        const a = this.resolve();
        const b = other.resolve();
        if (a.sheet !== b.sheet)
          throw new HostOfficeError("InvalidArgument", "The ranges are on different sheets.");
        const row = Math.min(a.rect.row, b.rect.row);
        const col = Math.min(a.rect.col, b.rect.col);
        const rowEnd = Math.max(a.rect.row + a.rect.rowCount, b.rect.row + b.rect.rowCount);
        const colEnd = Math.max(a.rect.col + a.rect.colCount, b.rect.col + b.rect.colCount);
        return { sheet: a.sheet, rect: { row, col, rowCount: rowEnd - row, colCount: colEnd - col } };
      },
      this.creation("getBoundingRect", [{ rangeObject: other.objectId }])
    );
  }

  /** Office.js checks a large array against the range before splitting its write. */
  validateArraySize(rows: number, columns: number): void {
    this.call("validateArraySize", [rows, columns], (t) => {
      if (rows !== t.rect.rowCount || columns !== t.rect.colCount) {
        throw new HostOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
    });
  }

  select(): void {
    this.call("select", [], (t) => {
      const state = this.context.core.state;
      if (t.sheet.visibility !== "Visible")
        throw new HostOfficeError("InvalidOperation", "A hidden sheet cannot be selected.");
      state.activeSheetId = t.sheet.id;
      state.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }

  /** applyTo: "All" (default), "Contents" or "Formats". */
  clear(applyTo?: string): void {
    this.call("clear", applyTo === undefined ? [] : [applyTo], (t) => {
      const mode = applyTo ?? "All";
      for (let r = 0; r < t.rect.rowCount; r++) {
        for (let c = 0; c < t.rect.colCount; c++) {
          if (mode === "All" || mode === "Contents")
            applyCellInput(t.sheet, t.rect.row + r, t.rect.col + c, { kind: "clear" });
          if (mode === "All" || mode === "Formats") {
            const formats = t.sheet.numberFormats[t.rect.row + r];
            if (formats) formats[t.rect.col + c] = undefined;
          }
        }
      }
      if (mode === "All" || mode === "Formats") {
        t.sheet.formats.push({ rect: { ...t.rect }, props: defaultFormat() });
      }
    });
  }
}

/** Reads one format property over a range: the common value, or null when cells differ (as Excel does). */
function commonFormat<K extends keyof FormatProps>(t: RangeTarget, key: K): FormatProps[K] | null {
  let first: FormatProps[K] | undefined;
  // Large ranges are sampled at their corners and centre: enough for tests, cheap for 1M rows.
  const cells =
    t.rect.rowCount * t.rect.colCount <= 10_000
      ? allCells(t.rect)
      : [
          [t.rect.row, t.rect.col],
          [t.rect.row + t.rect.rowCount - 1, t.rect.col + t.rect.colCount - 1],
          [t.rect.row + Math.floor(t.rect.rowCount / 2), t.rect.col + Math.floor(t.rect.colCount / 2)],
        ];
  for (const [row, col] of cells) {
    const value = cellFormat(t.sheet, row, col)[key];
    if (first === undefined) first = value;
    else if (first !== value) return null;
  }
  return first ?? null;
}

function allCells(rect: Rect): [number, number][] {
  const cells: [number, number][] = [];
  for (let r = 0; r < rect.rowCount; r++)
    for (let c = 0; c < rect.colCount; c++) cells.push([rect.row + r, rect.col + c]);
  return cells;
}

/** Shared by range.format, .font, .fill: a format property written over the range's rectangle. */
abstract class RangeFormatPart extends ClientObject<RangeTarget> {
  constructor(context: HostRequestContext, range: HostRange) {
    super(context, () => range.resolve(), null);
  }
  protected setFormat<K extends keyof FormatProps>(
    prop: string,
    key: K,
    value: FormatProps[K],
    check: (v: FormatProps[K]) => FormatProps[K]
  ): void {
    this.write(prop, value, (t) => {
      t.sheet.formats.push({ rect: { ...t.rect }, props: { [key]: check(value) } });
    });
  }
}

function checkBoolean(value: boolean | undefined): boolean | undefined {
  if (typeof value !== "boolean") throw new HostOfficeError("InvalidArgument", "Expected true or false.");
  return value;
}

class HostRangeFormat extends RangeFormatPart {
  readonly font: HostRangeFont;
  readonly fill: HostRangeFill;
  constructor(context: HostRequestContext, range: HostRange) {
    super(context, range);
    this.font = new HostRangeFont(context, range);
    this.fill = new HostRangeFill(context, range);
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      columnWidth: (t) => {
        const widths = new Set<number>();
        for (let c = 0; c < Math.min(t.rect.colCount, 1000); c++) {
          widths.add(t.sheet.columnWidths.get(t.rect.col + c) ?? DEFAULT_COLUMN_WIDTH);
        }
        return widths.size === 1 ? [...widths][0] : null;
      },
      wrapText: (t) => commonFormat(t, "wrapText"),
      horizontalAlignment: (t) => commonFormat(t, "horizontalAlignment"),
      verticalAlignment: (t) => commonFormat(t, "verticalAlignment"),
    };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(value: number) {
    this.write("columnWidth", value, (t) => {
      if (typeof value !== "number" || !(value >= 0) || value > 1000) {
        throw new HostOfficeError("InvalidArgument", `Column width ${value} is not valid.`);
      }
      for (let c = 0; c < t.rect.colCount; c++) t.sheet.columnWidths.set(t.rect.col + c, value);
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(value: boolean) {
    this.setFormat("wrapText", "wrapText", value, checkBoolean);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.setFormat("horizontalAlignment", "horizontalAlignment", value, (v) => {
      const allowed = [
        "General",
        "Left",
        "Center",
        "Right",
        "Fill",
        "Justify",
        "CenterAcrossSelection",
        "Distributed",
      ];
      if (typeof v !== "string" || !allowed.includes(v))
        throw new HostOfficeError("InvalidArgument", `Alignment "${String(v)}" is not valid.`);
      return v;
    });
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.setFormat("verticalAlignment", "verticalAlignment", value, (v) => {
      const allowed = ["Top", "Center", "Bottom", "Justify", "Distributed"];
      if (typeof v !== "string" || !allowed.includes(v))
        throw new HostOfficeError("InvalidArgument", `Alignment "${String(v)}" is not valid.`);
      return v;
    });
  }
  autofitColumns(): void {
    this.call("autofitColumns", [], (t) => {
      // Width from the longest plain text in each column (about 7 px per character at Calibri 11).
      for (let c = 0; c < t.rect.colCount; c++) {
        let longest = 0;
        const used = usedRect(t.sheet);
        const lastRow = used ? Math.min(t.rect.row + t.rect.rowCount, used.row + used.rowCount) : t.rect.row;
        for (let r = t.rect.row; r < lastRow; r++) {
          const value = t.sheet.cells[r]?.[t.rect.col + c];
          if (value !== undefined) longest = Math.max(longest, String(value).length);
        }
        t.sheet.columnWidths.set(
          t.rect.col + c,
          Math.max(DEFAULT_COLUMN_WIDTH, Math.round((longest * 7 + 5) * 0.75))
        );
      }
    });
  }
}

class HostRangeFont extends RangeFormatPart {
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {
      bold: (t) => commonFormat(t, "bold"),
      italic: (t) => commonFormat(t, "italic"),
      color: (t) => commonFormat(t, "fontColor"),
      size: (t) => commonFormat(t, "fontSize"),
      name: (t) => commonFormat(t, "fontName"),
    };
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(value: boolean) {
    this.setFormat("bold", "bold", value, checkBoolean);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(value: boolean) {
    this.setFormat("italic", "italic", value, checkBoolean);
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.setFormat("color", "fontColor", value, (v) => normaliseColor(v ?? ""));
  }
  get size(): number {
    return this.read("size");
  }
  set size(value: number) {
    this.setFormat("size", "fontSize", value, (v) => {
      if (typeof v !== "number" || v < 1 || v > 409)
        throw new HostOfficeError("InvalidArgument", `Font size ${String(v)} is not valid.`);
      return v;
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setFormat("name", "fontName", value, (v) => v);
  }
}

class HostRangeFill extends RangeFormatPart {
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return { color: (t) => commonFormat(t, "fill") };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.setFormat("color", "fill", value, (v) => normaliseColor(v ?? ""));
  }
  clear(): void {
    this.call("clear", [], (t) => {
      t.sheet.formats.push({ rect: { ...t.rect }, props: { fill: "#FFFFFF" } });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

class HostConditionalFormatCollection extends ClientObject<RangeTarget> {
  constructor(
    context: HostRequestContext,
    private readonly range: HostRange
  ) {
    super(context, () => range.resolve(), null);
  }
  protected readers(): Record<string, (t: RangeTarget) => unknown> {
    return {};
  }
  add(type: string): HostConditionalFormat {
    const state = this.context.core.state;
    return new HostConditionalFormat(
      this.context,
      () => {
        const allowed = ["ContainsText", "CellValue", "Custom"];
        if (!allowed.includes(type))
          throw new HostOfficeError("InvalidArgument", `Conditional format type "${type}" is not modelled.`);
        const t = this.range.resolve();
        const format: ConditionalFormatState = {
          id: newId(state, "cf"),
          type,
          rect: { ...t.rect },
          rule: null,
          fill: null,
          fontColor: null,
        };
        t.sheet.conditionalFormats.push(format);
        return format;
      },
      this.creation("add", [type])
    );
  }
  getCount(): HostClientResult<number> {
    return resultCall(this.context, this.objectId, "getCount", () => {
      const t = this.range.resolve();
      return t.sheet.conditionalFormats.filter((f) => rectsOverlap(f.rect, t.rect)).length;
    });
  }
  clearAll(): void {
    this.call("clearAll", [], (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !rectsOverlap(f.rect, t.rect));
    });
  }
}

class HostConditionalFormat extends ClientObject<ConditionalFormatState> {
  readonly textComparison: HostConditionalRuleFormat;
  readonly cellValue: HostConditionalRuleFormat;
  readonly custom: HostConditionalRuleFormat;
  constructor(
    context: HostRequestContext,
    locate: Locator<ConditionalFormatState>,
    creation: Record<string, unknown> | null
  ) {
    super(context, locate, creation);
    this.textComparison = new HostConditionalRuleFormat(context, this, "ContainsText");
    this.cellValue = new HostConditionalRuleFormat(context, this, "CellValue");
    this.custom = new HostConditionalRuleFormat(context, this, "Custom");
  }
  protected readers(): Record<string, (f: ConditionalFormatState) => unknown> {
    return { id: (f) => f.id, type: (f) => f.type };
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.call("delete", [], (f) => {
      for (const sheet of this.context.core.state.sheets)
        sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== f);
    });
  }
}

class HostConditionalRuleFormat extends ClientObject<ConditionalFormatState> {
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(
    context: HostRequestContext,
    parent: HostConditionalFormat,
    private readonly kind: string
  ) {
    super(context, () => parent.resolve(), null);
    const self = this;
    this.format = {
      fill: {
        get color(): string {
          throw notLoaded("color");
        },
        set color(value: string) {
          self.setOnFormat("fill", value);
        },
      },
      font: {
        get color(): string {
          throw notLoaded("color");
        },
        set color(value: string) {
          self.setOnFormat("fontColor", value);
        },
      },
    };
  }
  private checkKind(f: ConditionalFormatState): void {
    if (f.type !== this.kind) {
      throw new HostOfficeError(
        "InvalidOperation",
        `A ${f.type} conditional format has no ${this.kind} part.`
      );
    }
  }
  private setOnFormat(key: "fill" | "fontColor", value: string): void {
    this.write(`format/${key}`, value, (f) => {
      this.checkKind(f);
      f[key] = normaliseColor(value);
    });
  }
  protected readers(): Record<string, (f: ConditionalFormatState) => unknown> {
    return { rule: (f) => f.rule };
  }
  get rule(): Record<string, unknown> {
    return this.read("rule");
  }
  set rule(value: Record<string, unknown>) {
    this.write("rule", value, (f) => {
      this.checkKind(f);
      if (this.kind === "ContainsText") {
        const operators = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
        if (!operators.includes(String(value.operator)) || typeof value.text !== "string") {
          throw new HostOfficeError("InvalidArgument", "A text comparison rule needs an operator and text.");
        }
      } else if (this.kind === "CellValue") {
        if (typeof value.operator !== "string" || !isRuleOperand(value.formula1)) {
          throw new HostOfficeError(
            "InvalidArgument",
            "A cell value rule needs an operator and a valid formula1."
          );
        }
        if (value.formula2 !== undefined && !isRuleOperand(value.formula2)) {
          throw new HostOfficeError("InvalidArgument", "The rule's formula2 is not valid.");
        }
      } else if (typeof value.formula !== "string") {
        throw new HostOfficeError("InvalidArgument", "A custom rule needs a formula.");
      }
      f.rule = { ...value };
    });
  }
}

/**
 * A cell-value rule operand as Excel accepts it: a number, quoted text (`="Over"`, `"Over"`), or a
 * formula that is a cell reference or a number. Bare text (`Over`, `=Over`) is refused: Excel reads
 * it as a name that does not exist.
 */
function isRuleOperand(operand: unknown): boolean {
  if (typeof operand === "number") return Number.isFinite(operand);
  if (typeof operand !== "string") return false;
  const body = operand.startsWith("=") ? operand.slice(1).trim() : operand.trim();
  if (/^"([^"]|"")*"$/.test(body)) return true;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) return true;
  return /^(('([^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+$/.test(body);
}

// ---------------------------------------------------------------------------------------------
// Defined names

class HostNamedItem extends ClientObject<NameState> {
  protected readers(): Record<string, (n: NameState) => unknown> {
    return namedItemReaders();
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
}

function namedItemReaders(): Record<string, (n: NameState) => unknown> {
  return { name: (n) => n.name, formula: (n) => n.formula, type: () => "Range", visible: () => true };
}

class HostNamedItemCollection extends CollectionObject<NameState, HostNamedItem> {
  constructor(context: HostRequestContext, locate: () => NameState[]) {
    super(context, locate, null);
  }
  protected itemProxy(): HostNamedItem {
    return new HostNamedItem(this.context, () => null, null);
  }
  protected itemReaders(): Record<string, (item: NameState) => unknown> {
    return namedItemReaders();
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

function tableReaders(): Record<string, (t: TableState) => unknown> {
  return {
    id: (t) => t.id,
    name: (t) => t.name,
    style: (t) => t.style,
    showHeaders: () => true,
    showTotals: () => false,
  };
}

class HostTableCollection extends CollectionObject<TableState, HostTable> {
  constructor(
    context: HostRequestContext,
    locate: () => TableState[],
    private readonly sheet: HostWorksheet | null
  ) {
    super(context, locate, null);
  }
  protected itemProxy(): HostTable {
    return new HostTable(this.context, () => null, null);
  }
  protected itemReaders(): Record<string, (item: TableState) => unknown> {
    return tableReaders();
  }

  getItem(key: string): HostTable {
    return new HostTable(
      this.context,
      () => {
        const table = this.find(key);
        if (!table) throw new HostOfficeError("ItemNotFound", `The table "${key}" doesn't exist.`);
        return table;
      },
      this.creation("getItem", [key])
    );
  }

  getItemOrNullObject(key: string): HostTable {
    return new HostTable(
      this.context,
      () => this.find(key) ?? null,
      this.creation("getItemOrNullObject", [key])
    );
  }

  private find(key: string): TableState | undefined {
    const state = this.context.core.state;
    const table = findTableByName(state, key) ?? state.tables.find((t) => t.id === key);
    if (table && this.sheet && table.sheetId !== this.sheet.resolve().id) return undefined;
    return table;
  }

  /** address: "A1:C5" (on this sheet, or the active sheet for workbook.tables), "Sheet!A1:C5", or a Range. */
  add(address: string | HostRange, hasHeaders: boolean): HostTable {
    const state = this.context.core.state;
    const args = [typeof address === "string" ? address : { rangeObject: address.objectId }, hasHeaders];
    return new HostTable(
      this.context,
      () => {
        if (!hasHeaders)
          throw new HostOfficeError(
            "InvalidArgument",
            "Tables without a header row are not modelled by this host."
          );
        let sheet: SheetState;
        let rect: Rect;
        if (typeof address === "string") {
          const parsed = parseAddress(address);
          if (parsed.sheet !== null) {
            const named = findSheetByName(state, parsed.sheet);
            if (!named)
              throw new HostOfficeError("ItemNotFound", `The worksheet "${parsed.sheet}" doesn't exist.`);
            sheet = named;
          } else {
            sheet = this.sheet ? this.sheet.resolve() : findSheetById(state, state.activeSheetId);
          }
          rect = parsed.rect;
        } else {
          ({ sheet, rect } = address.resolve());
        }
        if (this.sheet && sheet !== this.sheet.resolve()) {
          throw new HostOfficeError("InvalidArgument", "The range is not on this worksheet.");
        }
        // A header-only table gets one empty data row, as in Excel.
        const tableRect = rect.rowCount === 1 ? { ...rect, rowCount: 2 } : { ...rect };
        checkRect(tableRect, "table range");
        if (state.tables.some((t) => t.sheetId === sheet.id && rectsOverlap(t.rect, tableRect))) {
          throw new HostOfficeError("InvalidArgument", "A table can't overlap another table.");
        }
        let n = state.tables.length + 1;
        while (findTableByName(state, `Table${n}`)) n += 1;
        const table: TableState = {
          id: newId(state, "table"),
          name: `Table${n}`,
          sheetId: sheet.id,
          rect: tableRect,
          style: "TableStyleMedium2",
        };
        makeHeadersText(sheet, tableRect);
        state.tables.push(table);
        return table;
      },
      this.creation("add", args)
    );
  }
}

/** Excel's header row: text, "ColumnN" for blanks, repeats made unique with a number. */
function makeHeadersText(sheet: SheetState, rect: Rect): void {
  const seen = new Set<string>();
  for (let c = 0; c < rect.colCount; c++) {
    const value = sheet.cells[rect.row]?.[rect.col + c];
    let header =
      value === undefined || value === ""
        ? `Column${c + 1}`
        : typeof value === "boolean"
          ? value
            ? "TRUE"
            : "FALSE"
          : String(value);
    if (seen.has(header.toLowerCase())) {
      let k = 2;
      while (seen.has(`${header}${k}`.toLowerCase())) k += 1;
      header = `${header}${k}`;
    }
    seen.add(header.toLowerCase());
    applyCellInput(sheet, rect.row, rect.col + c, { kind: "value", value: header });
  }
}

class HostTable extends ClientObject<TableState> {
  protected override checkAlive(table: TableState): void {
    if (!this.context.core.state.tables.includes(table)) {
      throw new HostOfficeError("ItemNotFound", `The table "${table.name}" has been deleted.`);
    }
  }
  protected readers(): Record<string, (t: TableState) => unknown> {
    return tableReaders();
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, (table) => {
      table.name = checkTableName(this.context.core.state, value, table);
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.write("style", value, (table) => {
      if (
        typeof value !== "string" ||
        !/^TableStyle(Light([1-9]|1[0-9]|2[0-1])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[01]))$/.test(value)
      ) {
        throw new HostOfficeError(
          "InvalidArgument",
          `Table style "${String(value)}" is not a built-in style.`
        );
      }
      table.style = value;
    });
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get worksheet(): HostWorksheet {
    const state = this.context.core.state;
    return new HostWorksheet(this.context, () => findSheetById(state, this.resolve().sheetId), null);
  }
  private tableRange(method: string, rect: (r: Rect) => Rect): HostRange {
    const state = this.context.core.state;
    return new HostRange(
      this.context,
      () => {
        const table = this.resolve();
        return { sheet: findSheetById(state, table.sheetId), rect: rect(table.rect) };
      },
      this.creation(method, [])
    );
  }
  getRange(): HostRange {
    return this.tableRange("getRange", (r) => ({ ...r }));
  }
  getHeaderRowRange(): HostRange {
    return this.tableRange("getHeaderRowRange", (r) => ({ ...r, rowCount: 1 }));
  }
  getDataBodyRange(): HostRange {
    return this.tableRange("getDataBodyRange", (r) => ({ ...r, row: r.row + 1, rowCount: r.rowCount - 1 }));
  }
  /** Deletes the table and its cells' contents. */
  delete(): void {
    this.call("delete", [], (table) => {
      const state = this.context.core.state;
      const sheet = findSheetById(state, table.sheetId);
      for (let r = 0; r < table.rect.rowCount; r++) {
        for (let c = 0; c < table.rect.colCount; c++)
          applyCellInput(sheet, table.rect.row + r, table.rect.col + c, { kind: "clear" });
      }
      state.tables = state.tables.filter((t) => t !== table);
    });
  }
  /** Keeps the cells, drops the table. */
  convertToRange(): HostRange {
    const state = this.context.core.state;
    let kept: RangeTarget | null = null;
    this.call("convertToRange", [], (table) => {
      kept = { sheet: findSheetById(state, table.sheetId), rect: { ...table.rect } };
      state.tables = state.tables.filter((t) => t !== table);
    });
    return new HostRange(this.context, () => kept, null);
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
]);

class HostChartCollection extends CollectionObject<ChartState, HostChart> {
  constructor(
    context: HostRequestContext,
    private readonly sheet: HostWorksheet
  ) {
    super(context, () => sheet.resolve().charts, null);
  }
  protected itemProxy(): HostChart {
    return new HostChart(this.context, () => null, null, this.sheet);
  }
  protected itemReaders(): Record<string, (item: ChartState) => unknown> {
    return chartReaders();
  }
  add(type: string, sourceData: HostRange, seriesBy?: string): HostChart {
    const state = this.context.core.state;
    return new HostChart(
      this.context,
      () => {
        if (!CHART_TYPES.has(type))
          throw new HostOfficeError("InvalidArgument", `Chart type "${type}" is not modelled.`);
        if (seriesBy !== undefined && !["Auto", "Columns", "Rows"].includes(seriesBy)) {
          throw new HostOfficeError("InvalidArgument", `seriesBy "${seriesBy}" is not valid.`);
        }
        const sheet = this.sheet.resolve();
        const source = sourceData.resolve();
        let n = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n += 1;
        const chart: ChartState = {
          id: newId(state, "chart"),
          name: `Chart ${n}`,
          chartType: type,
          seriesBy: seriesBy ?? "Auto",
          source: { sheetId: source.sheet.id, rect: { ...source.rect } },
          title: "",
          position: null,
        };
        sheet.charts.push(chart);
        return chart;
      },
      this.creation("add", [type, { rangeObject: sourceData.objectId }, seriesBy ?? "Auto"]),
      this.sheet
    );
  }
  getItem(name: string): HostChart {
    return new HostChart(
      this.context,
      () => {
        const chart = this.sheet.resolve().charts.find((c) => c.name === name);
        if (!chart) throw new HostOfficeError("ItemNotFound", `The chart "${name}" doesn't exist.`);
        return chart;
      },
      this.creation("getItem", [name]),
      this.sheet
    );
  }
}

function chartReaders(): Record<string, (c: ChartState) => unknown> {
  return { id: (c) => c.id, name: (c) => c.name, chartType: (c) => c.chartType };
}

class HostChart extends ClientObject<ChartState> {
  readonly title: HostChartTitle;
  constructor(
    context: HostRequestContext,
    locate: Locator<ChartState>,
    creation: Record<string, unknown> | null,
    private readonly sheet: HostWorksheet
  ) {
    super(context, locate, creation);
    this.title = new HostChartTitle(context, this);
  }
  protected readers(): Record<string, (c: ChartState) => unknown> {
    return chartReaders();
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, (chart) => {
      chart.name = value;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  setPosition(startCell: string | HostRange, endCell?: string | HostRange): void {
    const describe = (cell: string | HostRange | undefined) =>
      cell === undefined || typeof cell === "string" ? (cell ?? null) : { rangeObject: cell.objectId };
    this.call("setPosition", [describe(startCell), describe(endCell)], (chart) => {
      const sheet = this.sheet.resolve();
      const toRect = (cell: string | HostRange): Rect => {
        if (typeof cell !== "string") return cell.resolve().rect;
        const parsed = parseAddress(cell);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new HostOfficeError("InvalidArgument", "A chart is placed on its own sheet.");
        }
        return parsed.rect;
      };
      chart.position = { start: toRect(startCell), end: endCell === undefined ? null : toRect(endCell) };
    });
  }
  delete(): void {
    this.call("delete", [], (chart) => {
      const sheet = this.sheet.resolve();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class HostChartTitle extends ClientObject<ChartState> {
  constructor(context: HostRequestContext, chart: HostChart) {
    super(context, () => chart.resolve(), null);
  }
  protected readers(): Record<string, (c: ChartState) => unknown> {
    return { text: (c) => c.title, visible: (c) => c.title !== "" };
  }
  get text(): string {
    return this.read("text");
  }
  set text(value: string) {
    this.write("text", value, (chart) => {
      chart.title = String(value);
    });
  }
  get visible(): boolean {
    return this.read("visible");
  }
}

// ---------------------------------------------------------------------------------------------
// The host

export interface InitialSheet {
  name: string;
  /**
   * Cell contents from A1, stored as given (not parsed as input); null, undefined and "" are empty.
   * An error cell is `cellError("#N/A")`, or `cellError("#SPILL!", "=SEQUENCE(3)")` for a formula's.
   */
  values?: unknown[][];
  tables?: { name: string; address: string }[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Defined names scoped to this sheet, e.g. { name: "Total", formula: "=$B$2" }. */
  names?: { name: string; formula: string }[];
}

/** An error cell for InitialSheet.values: the error's text and, for a formula's result, the formula. */
export interface CellError {
  readonly error: string;
  readonly formula?: string;
}

export function cellError(error: string, formula?: string): CellError {
  if (!/^#[A-Z0-9_/]+[!?]?$/.test(error)) throw new Error(`${error} is not an Excel error.`);
  return formula === undefined ? { error } : { error, formula };
}

function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as CellError).error === "string";
}

/** A defined name of workbook scope. */
export interface InitialName {
  name: string;
  formula: string;
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** "A1:C10" without the sheet. */
  address: string;
  headers: StoredValue[];
  style: string;
}

export interface ChartInfo {
  name: string;
  sheet: string;
  chartType: string;
  title: string;
  source: string;
  seriesBy: string;
  position: { start: string; end: string | null } | null;
}

export interface CellFormatInfo extends Required<FormatProps> {
  numberFormat: string;
  columnWidth: number;
}

/** A deep copy of what a user sees: sheet order, names, values, formulas, tables, charts. */
export interface WorkbookSnapshot {
  sheets: { name: string; visibility: string; values: StoredValue[][]; formulas: [number, string][] }[];
  tables: { name: string; sheet: string; address: string }[];
  charts: { sheet: string; name: string }[];
}

export interface HostExcelApi {
  run<T>(batch: (context: HostRequestContext) => Promise<T>): Promise<T>;
  ErrorCodes: Record<string, string>;
}

export interface HostOfficeApi {
  onReady(
    callback?: (info: { host: string; platform: string }) => void
  ): Promise<{ host: string; platform: string }>;
  context: {
    host: string;
    platform: string;
    displayLanguage: string;
    contentLanguage: string;
    document: Record<string, never>;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    diagnostics: { host: string; platform: string; version: string };
  };
  HostType: { Excel: string };
  PlatformType: { PC: string; OfficeOnline: string; Mac: string };
}

export interface ExcelHost {
  Excel: HostExcelApi;
  Office: HostOfficeApi;
  OfficeExtension: { Error: typeof HostOfficeError };
  state: WorkbookState;
  /** Request counting and failure injection, shared with the real-client host (office-js-host.ts). */
  core: HostCore;
  /** Makes the k-th sync from now (1-based) fail with GeneralException, applying nothing of it. */
  failSync(k: number): void;
  readonly syncCount: number;
  /** Every sync so far, in order. */
  readonly syncs: readonly SyncRecord[];
  requestSizes(): number[];
  sheetNames(): string[];
  /** Values from A1 to the last used row and column ("" for empty cells). */
  sheetValues(sheet: string): StoredValue[][];
  values(sheet: string, address: string): StoredValue[][];
  formulas(sheet: string, address: string): StoredValue[][];
  numberFormats(sheet: string, address: string): string[][];
  format(sheet: string, address: string): CellFormatInfo;
  tables(): TableInfo[];
  charts(sheet?: string): ChartInfo[];
  conditionalFormats(sheet: string): {
    type: string;
    address: string;
    rule: Record<string, unknown> | null;
    fill: string | null;
    fontColor: string | null;
  }[];
  frozenRows(sheet: string): number;
  tabColor(sheet: string): string;
  pageLayout(sheet: string): PageLayoutState;
  activeSheet(): string;
  selectedRange(): { sheet: string; address: string } | null;
  snapshot(): WorkbookSnapshot;
}

const SUPPORTED_SETS: Record<string, { major: number; minor: number }> = {
  ExcelApi: { major: 1, minor: 17 },
  CustomFunctionsRuntime: { major: 1, minor: 4 },
  SharedRuntime: { major: 1, minor: 2 },
};

export function createExcelHost(initial?: { sheets: InitialSheet[]; names?: InitialName[] }): ExcelHost {
  const state: WorkbookState = {
    sheets: [],
    tables: [],
    names: [],
    activeSheetId: "",
    selection: null,
    nextId: 0,
  };
  const sheets = initial && initial.sheets.length > 0 ? initial.sheets : [{ name: "Sheet1" }];
  for (const spec of sheets) {
    const sheet = emptySheet(state, checkSheetName(state, spec.name));
    state.sheets.push(sheet);
    (spec.values ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === "") return;
        if (isCellError(value)) {
          applyCellInput(sheet, r, c, { kind: "error", text: value.error });
          if (value.formula !== undefined) sheet.formulas.set(cellKey(r, c), value.formula);
          return;
        }
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          throw new Error(`Initial value at ${spec.name} row ${r}, column ${c} is not a cell value.`);
        }
        applyCellInput(sheet, r, c, { kind: "value", value });
      })
    );
    if (spec.visibility !== undefined) sheet.visibility = spec.visibility;
    for (const named of spec.names ?? []) state.names.push({ ...named, sheetId: sheet.id });
    for (const tableSpec of spec.tables ?? []) {
      const { rect } = parseAddress(tableSpec.address);
      if (state.tables.some((t) => t.sheetId === sheet.id && rectsOverlap(t.rect, rect))) {
        throw new Error(`Initial table ${tableSpec.name} overlaps another table.`);
      }
      const table: TableState = {
        id: newId(state, "table"),
        name: checkTableName(state, tableSpec.name),
        sheetId: sheet.id,
        rect,
        style: "TableStyleMedium2",
      };
      makeHeadersText(sheet, rect);
      state.tables.push(table);
    }
  }
  for (const named of initial?.names ?? []) state.names.push({ ...named, sheetId: null });
  state.activeSheetId = (state.sheets.find((s) => s.visibility === "Visible") ?? state.sheets[0]).id;
  state.selection = { sheetId: state.activeSheetId, rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
  const core = new HostCore(state);

  const sheetNamed = (name: string): SheetState => {
    const sheet = findSheetByName(state, name);
    if (!sheet) throw new Error(`No sheet named "${name}".`);
    return sheet;
  };
  const rectOf = (address: string): Rect => parseAddress(address).rect;

  const Excel: HostExcelApi = {
    async run<T>(batch: (context: HostRequestContext) => Promise<T>): Promise<T> {
      const context = new HostRequestContext(core);
      try {
        const result = await batch(context);
        if (context.hasPending) await context.sync();
        return result;
      } finally {
        context.close();
      }
    },
    ErrorCodes: {
      generalException: "GeneralException",
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };

  const Office: HostOfficeApi = {
    async onReady(callback) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return info;
    },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: "en-GB",
      contentLanguage: "en-GB",
      document: {},
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const supported = SUPPORTED_SETS[name];
          if (supported === undefined) return false;
          if (minVersion === undefined) return true;
          // Versions compare part by part: 1.9 comes before 1.17.
          const [major, minor = 0] = String(minVersion).split(".").map(Number);
          return major < supported.major || (major === supported.major && minor <= supported.minor);
        },
      },
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0" },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  };

  return {
    Excel,
    Office,
    OfficeExtension: { Error: HostOfficeError },
    state,
    core,
    failSync(k: number) {
      if (!Number.isInteger(k) || k < 1) throw new Error("failSync(k) needs k >= 1.");
      core.failAt.add(core.syncCount + k);
    },
    get syncCount() {
      return core.syncCount;
    },
    get syncs() {
      return core.syncs;
    },
    requestSizes: () => core.syncs.map((s) => s.requestBytes),
    sheetNames: () => state.sheets.map((s) => s.name),
    sheetValues(name) {
      const sheet = sheetNamed(name);
      const used = usedRect(sheet);
      if (!used) return [];
      return readValues(sheet, {
        row: 0,
        col: 0,
        rowCount: used.row + used.rowCount,
        colCount: used.col + used.colCount,
      });
    },
    values: (sheet, address) => readValues(sheetNamed(sheet), rectOf(address)),
    formulas: (sheet, address) => readFormulas(sheetNamed(sheet), rectOf(address)),
    numberFormats: (sheet, address) => readNumberFormats(sheetNamed(sheet), rectOf(address)),
    format(sheetName, address) {
      const sheet = sheetNamed(sheetName);
      const { row, col } = rectOf(address);
      return {
        ...cellFormat(sheet, row, col),
        numberFormat: readNumberFormats(sheet, { row, col, rowCount: 1, colCount: 1 })[0][0],
        columnWidth: sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH,
      };
    },
    tables: () =>
      state.tables.map((t) => {
        const sheet = findSheetById(state, t.sheetId);
        return {
          name: t.name,
          sheet: sheet.name,
          address: rectToA1(t.rect),
          headers: readValues(sheet, { ...t.rect, rowCount: 1 })[0],
          style: t.style,
        };
      }),
    charts: (sheetName) =>
      state.sheets
        .filter((s) => sheetName === undefined || s.name.toLowerCase() === sheetName.toLowerCase())
        .flatMap((s) =>
          s.charts.map((c) => ({
            name: c.name,
            sheet: s.name,
            chartType: c.chartType,
            title: c.title,
            source: fullAddress(findSheetById(state, c.source.sheetId).name, c.source.rect),
            seriesBy: c.seriesBy,
            position: c.position && {
              start: rectToA1(c.position.start),
              end: c.position.end && rectToA1(c.position.end),
            },
          }))
        ),
    conditionalFormats: (sheetName) =>
      sheetNamed(sheetName).conditionalFormats.map((f) => ({
        type: f.type,
        address: rectToA1(f.rect),
        rule: f.rule,
        fill: f.fill,
        fontColor: f.fontColor,
      })),
    frozenRows: (sheetName) => sheetNamed(sheetName).frozenRows,
    tabColor: (sheetName) => sheetNamed(sheetName).tabColor,
    pageLayout: (sheetName) => pageLayoutOf(sheetNamed(sheetName)),
    activeSheet: () => findSheetById(state, state.activeSheetId).name,
    selectedRange: () =>
      state.selection && {
        sheet: findSheetById(state, state.selection.sheetId).name,
        address: rectToA1(state.selection.rect),
      },
    snapshot: () => ({
      sheets: state.sheets.map((s) => {
        const used = usedRect(s);
        return {
          name: s.name,
          visibility: s.visibility,
          values: used
            ? readValues(s, {
                row: 0,
                col: 0,
                rowCount: used.row + used.rowCount,
                colCount: used.col + used.colCount,
              })
            : [],
          formulas: [...s.formulas.entries()].sort((a, b) => a[0] - b[0]),
        };
      }),
      tables: state.tables.map((t) => ({
        name: t.name,
        sheet: findSheetById(state, t.sheetId).name,
        address: rectToA1(t.rect),
      })),
      charts: state.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, name: c.name }))),
    }),
  };
}

/** Installs the host as the `Excel`, `Office` and `OfficeExtension` globals; returns the undo. */
export function installExcelHost(host: ExcelHost): () => void {
  const globals = globalThis as unknown as Record<string, unknown>;
  const previous = { Excel: globals.Excel, Office: globals.Office, OfficeExtension: globals.OfficeExtension };
  globals.Excel = host.Excel;
  globals.Office = host.Office;
  globals.OfficeExtension = host.OfficeExtension;
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete globals[key];
      else globals[key] = value;
    }
  };
}
