/**
 * Byte batching: work items queued on one request context and sent in requests of at most maxBytes
 * (by estimateRequestBytes), Excel on the web refusing a request over 5 MB. Calculation and screen
 * updating are suspended in each request until it is sent.
 */
import { OPERATION_OVERHEAD_BYTES } from "./payload";
import type { WorkItem, Writer } from "./write-items";

/** Each request also carries the two suspend calls, the paths to its sheets and the message around it. */
export const BATCH_OVERHEAD_BYTES = 8 * OPERATION_OVERHEAD_BYTES;

/** Sends the request built so far: its payload bytes (overhead not counted) and its last work item, if any. */
export type SendRequest = (payloadBytes: number, lastItem: WorkItem | null) => Promise<void>;

export class RequestBatches {
  /** Requests sent. */
  requests = 0;
  /** The largest request sent, overhead included. */
  largestBytes = 0;
  private bytes = 0;
  private lastItem: WorkItem | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly maxBytes: number,
    private readonly suspendScreen: boolean,
    private readonly send: SendRequest
  ) {}

  /** Opens a request. */
  start(): void {
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
    if (this.suspendScreen) this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
    this.bytes = BATCH_OVERHEAD_BYTES;
    this.lastItem = null;
  }

  /** Counts calls queued into the open request outside a work item. */
  add(bytes: number): void {
    this.bytes += bytes;
  }

  /** Queues every item, sending a request whenever the next item would take it over maxBytes. */
  async queueAll(items: readonly WorkItem[], writer: Writer): Promise<void> {
    for (const item of items) {
      if (this.lastItem !== null && this.bytes + item.bytes > this.maxBytes) await this.flush();
      if (this.lastItem === null) this.start();
      item.queue(writer);
      this.bytes += item.bytes;
      this.lastItem = item;
    }
    if (this.lastItem !== null) await this.flush();
  }

  /** Sends the open request. */
  async flush(): Promise<void> {
    await this.send(this.bytes - BATCH_OVERHEAD_BYTES, this.lastItem);
    this.requests += 1;
    this.largestBytes = Math.max(this.largestBytes, this.bytes);
    this.lastItem = null;
  }
}
