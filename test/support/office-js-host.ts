/**
 * The in-memory workbook behind Microsoft's Office.js client: it answers the requests the real
 * client builds (`ObjectPaths` and `Actions`, PascalCase) the way Excel on the web does.
 *
 * Each request is interpreted against the object model of excel-host.ts (one long-lived context):
 * object paths become calls on its proxies (`Worksheets` -> `worksheets`, `GetRangeByIndexes` ->
 * `getRangeByIndexes(…)`, an indexer -> `getItem(…)`), actions become its property writes, method
 * calls and loads, and the whole request is then applied in order, stopping at the first failure
 * (operations before it stay applied, as in Excel).
 *
 * As strict as Excel on the web:
 * - the request is measured as Excel on the web receives it: the message array the client posts,
 *   with the body JSON encoded again inside it. Over 5,000,000 bytes it is refused, applying
 *   nothing, as `RequestPayloadSizeLimitExceeded` (or `GeneralException`, which Excel often gives
 *   instead: `oversizeRequestError`). A response over 5,000,000 bytes fails with
 *   `ResponsePayloadSizeLimitExceeded` after its actions ran.
 * - objects: only a `_KeepReference` earns a reference id (returned with the object's
 *   instantiation); any other object created by a method is left without an id, so the client marks
 *   it stale after its request unless the code loaded its `id`.
 *
 * To answer a property or method the client sends and this host does not know yet, add it to the
 * proxy class in excel-host.ts under its camelCase name (a getter/setter pair calling `read`/`write`
 * and a reader in `readers()`, or a method calling `call` or creating a proxy); nothing here changes.
 * A request naming something the host lacks fails with code `NotModelledByTestHost`.
 */
import {
  ClientObject,
  CollectionObject,
  HostClientResult,
  HostCore,
  HostRequestContext,
  type SyncRecord,
} from "./excel-host";
import { HostOfficeError } from "./excel-host-state";
import { utf8Length } from "../../src/excel/payload";

/** Excel on the web refuses a request or response larger than this many bytes. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** What OSF.DDA.RichApi.executeRichApiRequestAsync hands back to the client. */
export type RichApiResult =
  | { status: "succeeded"; value: { data: [number, string[], string] } }
  | { status: "failed"; error: { code: number; message: string } };

const PATH_GLOBAL = 1;
const PATH_NEW_OBJECT = 2;
const PATH_METHOD = 3;
const PATH_PROPERTY = 4;
const PATH_INDEXER = 5;
const PATH_REFERENCE = 6;

const ACTION_INSTANTIATE = 1;
const ACTION_QUERY = 2;
const ACTION_METHOD = 3;
const ACTION_SET = 4;
const ACTION_TRACE = 5;

/** Office.js's error numbers for the two payload limits (it maps them to the error codes). */
const REQUEST_TOO_LARGE = 5103;
const RESPONSE_TOO_LARGE = 5104;
const GENERAL_ERROR = 5001;

/** Actions that keep the session's books rather than touch the workbook; a request of only these is not counted as a sync. */
const BOOKKEEPING = new Set(["_RemoveReference", "_KeepReference", "NotifyActionHandlerReady"]);

export interface OfficeJsHostOptions {
  /** How an oversized request is refused; Excel on the web often says only GeneralException. */
  oversizeRequestError?: "RequestPayloadSizeLimitExceeded" | "GeneralException";
}

function camel(name: string): string {
  const bare = name.replace(/^_/, "");
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

class NotModelled extends HostOfficeError {
  constructor(what: string) {
    super(
      "NotModelledByTestHost",
      `The test host does not answer ${what}; add it to test/support/excel-host.ts (see office-js-host.ts).`
    );
  }
}

/** An Office.js service object (`new Microsoft.InternalService…`), not part of the workbook. */
class InternalService {
  constructor(readonly name: string) {}
}

function findSetter(target: object, name: string): ((value: unknown) => void) | null {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor) return descriptor.set ?? null;
  }
  return null;
}

/** A loaded proxy's properties, PascalCase, as Excel returns them. */
function loadedValues(proxy: ClientObject<unknown>, select: string[]): Record<string, unknown> {
  const loaded = proxy.toJSON();
  const names = select.length > 0 ? select : Object.keys(loaded);
  const out: Record<string, unknown> = {};
  for (const name of names) out[pascal(name)] = loaded[name];
  return out;
}

interface Answer {
  actionId: number;
  value: () => unknown;
}

/** The workbook of one ExcelHost, answering the real client's requests. */
export class OfficeJsRequestHost {
  private readonly context: HostRequestContext;
  private readonly references = new Map<string, object>();
  private nextReference = 0;

  constructor(
    private readonly core: HostCore,
    private readonly options: OfficeJsHostOptions = {}
  ) {
    this.context = new HostRequestContext(core);
  }

  /** OSF.DDA.RichApi.executeRichApiRequestAsync: `message` is the client's message array. */
  execute(message: unknown[], done: (result: RichApiResult) => void): void {
    // A round trip: never answer synchronously.
    setTimeout(() => done(this.answer(message)), 0);
  }

  private answer(message: unknown[]): RichApiResult {
    const envelopeBytes = utf8Length(JSON.stringify(message));
    const bodyText = message[4];
    if (typeof bodyText !== "string") throw new Error("The Office.js message has no request body.");
    const body = JSON.parse(bodyText) as RequestBody;
    const counted = body.Actions.some(
      (a) =>
        a.ActionType !== ACTION_INSTANTIATE &&
        !BOOKKEEPING.has(a.Name) &&
        body.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType !== PATH_NEW_OBJECT
    );
    const record: SyncRecord = {
      requestBytes: envelopeBytes,
      bodyBytes: utf8Length(bodyText),
      responseBytes: 0,
      operations: body.Actions.length,
      suspendedCalculation: body.Actions.some((a) => a.Name === "SuspendApiCalculationUntilNextSync"),
      suspendedScreenUpdating: body.Actions.some((a) => a.Name === "SuspendScreenUpdatingUntilNextSync"),
      failed: null,
    };
    const core = this.core;
    if (counted) {
      core.syncCount += 1;
      core.syncs.push(record);
      if (core.failAt.delete(core.syncCount)) {
        record.failed = "GeneralException";
        return this.errorBody(
          new HostOfficeError("GeneralException", `Sync ${core.syncCount} failed (injected by failSync).`),
          -1
        );
      }
    }
    if (envelopeBytes > WEB_PAYLOAD_LIMIT_BYTES) {
      const general = this.options.oversizeRequestError === "GeneralException";
      record.failed = general ? "GeneralException" : "RequestPayloadSizeLimitExceeded";
      return {
        status: "failed",
        error: {
          code: general ? GENERAL_ERROR : REQUEST_TOO_LARGE,
          message: `The request payload size (${envelopeBytes} bytes) has exceeded the limit.`,
        },
      };
    }

    const { answers, failure } = this.run(body);
    if (failure) {
      record.failed = failure.error.code;
      return this.errorBody(failure.error, failure.actionIndex);
    }
    const results = answers.map((a) => ({ ActionId: a.actionId, Value: a.value() }));
    const responseText = JSON.stringify({ Results: results });
    record.responseBytes = utf8Length(responseText);
    if (record.responseBytes > WEB_PAYLOAD_LIMIT_BYTES) {
      record.failed = "ResponsePayloadSizeLimitExceeded";
      return {
        status: "failed",
        error: {
          code: RESPONSE_TOO_LARGE,
          message: `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`,
        },
      };
    }
    return { status: "succeeded", value: { data: [200, [], responseText] } };
  }

  private errorBody(error: HostOfficeError, actionIndex: number): RichApiResult {
    const payload = {
      Error: {
        Code: error.code,
        Message: error.message,
        Location: error.debugInfo.errorLocation ?? "",
        HttpStatusCode: 400,
        ...(actionIndex >= 0 ? { ActionIndex: actionIndex } : {}),
      },
    };
    return { status: "succeeded", value: { data: [200, [], JSON.stringify(payload)] } };
  }

  /** Queues every action on the model, applies them in order, and says what to answer. */
  private run(body: RequestBody): {
    answers: Answer[];
    failure: { error: HostOfficeError; actionIndex: number } | null;
  } {
    const objects = new Map<number, object>();
    const kept = new Set<number>();
    for (const action of body.Actions) if (action.Name === "_KeepReference") kept.add(action.ObjectPathId);
    const keptIds = new Map<number, string>();
    const answers: Answer[] = [];
    /** Per action, the index of the first operation it queued. */
    const firstOperation: number[] = [];

    const resolve = (id: number): object => {
      const known = objects.get(id);
      if (known) return known;
      const path = body.ObjectPaths[String(id)];
      if (!path) throw new NotModelled(`object path ${id} (missing from the request)`);
      const args = () => this.arguments(path.ArgumentInfo, resolve);
      let object: object;
      switch (path.ObjectPathType) {
        case PATH_GLOBAL:
          object = this.context.workbook;
          break;
        case PATH_NEW_OBJECT:
          // Office.js's own services (telemetry, add-in bookkeeping): taken note of, never answered.
          object = new InternalService(path.Name);
          break;
        case PATH_PROPERTY: {
          const value = (resolve(path.ParentObjectPathId ?? 0) as Record<string, unknown>)[camel(path.Name)];
          if (typeof value !== "object" || value === null) throw new NotModelled(`the property ${path.Name}`);
          object = value;
          break;
        }
        case PATH_METHOD:
        case PATH_INDEXER: {
          const parent = resolve(path.ParentObjectPathId ?? 0) as Record<string, unknown>;
          const name = path.ObjectPathType === PATH_INDEXER ? "getItem" : camel(path.Name);
          const method = parent[name];
          if (typeof method !== "function") throw new NotModelled(`the method ${path.Name || "getItem"}`);
          object = (method as (...a: unknown[]) => object).apply(parent, args());
          break;
        }
        case PATH_REFERENCE: {
          const referenced = this.references.get(path.Name);
          if (!referenced) {
            throw new HostOfficeError("InvalidObjectPath", `The object reference ${path.Name} is not valid.`);
          }
          object = referenced;
          break;
        }
        default:
          throw new NotModelled(`object path type ${path.ObjectPathType} (${path.Name})`);
      }
      objects.set(id, object);
      if (kept.has(id)) {
        this.nextReference += 1;
        const reference = `ref-${this.nextReference}`;
        this.references.set(reference, object);
        keptIds.set(id, reference);
      }
      return object;
    };

    let thrown: { error: HostOfficeError; actionIndex: number } | null = null;
    body.Actions.forEach((action, actionIndex) => {
      firstOperation.push(this.context.queuedCount);
      if (thrown) return;
      try {
        this.queueAction(action, resolve, keptIds, answers, (id) => body.ObjectPaths[String(id)]);
      } catch (error) {
        if (!(error instanceof HostOfficeError)) throw error;
        thrown = { error, actionIndex };
      }
    });
    const applied = this.context.applyQueued();
    if (applied) {
      let actionIndex = 0;
      while (actionIndex + 1 < firstOperation.length && firstOperation[actionIndex + 1] <= applied.index)
        actionIndex += 1;
      return { answers: [], failure: { error: applied.error, actionIndex } };
    }
    return { answers, failure: thrown };
  }

  private arguments(info: ArgumentInfo | undefined, resolve: (id: number) => object): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    (info?.ReferencedObjectPathIds ?? []).forEach((id, i) => {
      if (id) args[i] = resolve(id);
    });
    return args;
  }

  private queueAction(
    action: ActionInfo,
    resolve: (id: number) => object,
    keptIds: Map<number, string>,
    answers: Answer[],
    pathOf: (id: number) => ObjectPathInfo | undefined
  ): void {
    if (action.Name === "_RemoveReference") {
      const path = pathOf(action.ObjectPathId);
      if (path?.ObjectPathType === PATH_REFERENCE) this.references.delete(path.Name);
      return;
    }
    const target = resolve(action.ObjectPathId);
    switch (action.ActionType) {
      case ACTION_INSTANTIATE: {
        const reference = keptIds.get(action.ObjectPathId);
        answers.push({
          actionId: action.Id,
          value: () => {
            // null means a null object; an object without a reference id is answered with no id.
            if (target instanceof ClientObject && this.isNull(target)) return null;
            return reference === undefined ? {} : { _ReferenceId: reference };
          },
        });
        return;
      }
      case ACTION_QUERY: {
        if (!(target instanceof ClientObject))
          throw new NotModelled(`loading from ${action.Name || "this object"}`);
        if ((action.QueryInfo?.Expand ?? []).length > 0)
          throw new NotModelled("load with navigation properties");
        const select = action.QueryInfo?.Select ?? [];
        target.load(select);
        answers.push({
          actionId: action.Id,
          value: () => {
            if (this.isNull(target)) return null;
            if (target instanceof CollectionObject) {
              const items = (target as CollectionObject<unknown, ClientObject<unknown>>).items;
              return { _Items: items.map((item) => loadedValues(item, select)) };
            }
            return loadedValues(target, select);
          },
        });
        return;
      }
      case ACTION_SET: {
        const name = camel(action.Name);
        const setter = findSetter(target, name);
        if (!setter) throw new NotModelled(`setting ${action.Name}`);
        setter.call(target, this.arguments(action.ArgumentInfo, resolve)[0]);
        return;
      }
      case ACTION_METHOD: {
        if (action.Name === "_KeepReference" || target instanceof InternalService) return;
        const method = (target as Record<string, unknown>)[camel(action.Name)];
        if (typeof method !== "function") throw new NotModelled(`the method ${action.Name}`);
        const result: unknown = (method as (...a: unknown[]) => unknown).apply(
          target,
          this.arguments(action.ArgumentInfo, resolve)
        );
        if (result instanceof HostClientResult) {
          answers.push({ actionId: action.Id, value: () => (result as HostClientResult<unknown>).value });
        }
        return;
      }
      case ACTION_TRACE:
        return;
      default:
        throw new NotModelled(`action type ${action.ActionType}`);
    }
  }

  private isNull(target: ClientObject<unknown>): boolean {
    try {
      return target.isNullObject;
    } catch {
      return false;
    }
  }
}
