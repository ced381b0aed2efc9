import { setTimeout as sleep } from "node:timers/promises";
import type { LedgerChange } from "../accounting";
import type { SandboxConfig } from "../config";
import { isDelivered, postSignedWebhook, type WebhookAttempt } from "./post-signed-webhook";
import { WebhookFaults } from "./webhook-faults";
import {
  signWebhookBody,
  type WebhookEvent,
  type WebhookPayload,
  webhookEvent,
  webhookPayload,
} from "./webhook-payload";

// Sends ledger changes to the subscribed webhook URL as Xero does: events raised close together
// go out as one signed batch, numbered by an ever-increasing event sequence. A failed delivery is
// retried with a doubling delay, then recorded as failed (Xero retries for 24 hours, then
// disables the webhook; the sandbox keeps it on, so a developer's next change still arrives).

export interface WebhookSubscription {
  url: string | null;
  key: string | null;
}

export interface WebhookDeliveryRecord {
  /** When the first attempt started. */
  at: string;
  url: string;
  firstEventSequence: number;
  lastEventSequence: number;
  eventCount: number;
  /** The last attempt's status, or null when the receiver never answered. */
  status: number | null;
  attempts: WebhookAttempt[];
  /** True for the second copy of a batch the duplicateNext fault sends twice. */
  duplicate?: true;
}

/** What survives a restart: the subscription (it may have been changed at run time) and the sequence. */
export interface WebhookDeliveryJson {
  subscription: WebhookSubscription;
  nextSequence: number;
}

interface Batch {
  url: string;
  key: string;
  payload: WebhookPayload;
}

const KEPT_RECORDS = 100;

export class WebhookDelivery {
  readonly subscription: WebhookSubscription;
  readonly faults = new WebhookFaults();
  private pending: WebhookEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextSequence: number;
  /** A batch the reorderNext fault holds back until the next batch has been sent. */
  private held: Batch | undefined;
  private readonly inFlight = new Set<Promise<WebhookDeliveryRecord[]>>();
  private readonly records: WebhookDeliveryRecord[] = [];

  constructor(
    private readonly config: Pick<SandboxConfig, "baseUrl" | "webhook">,
    saved?: WebhookDeliveryJson,
  ) {
    // A URL or key set in the environment wins over a saved one: the operator changed it.
    this.subscription = {
      url: config.webhook.url ?? saved?.subscription.url ?? null,
      key: config.webhook.key ?? saved?.subscription.key ?? null,
    };
    this.nextSequence = saved?.nextSequence ?? 1;
  }

  toJSON(): WebhookDeliveryJson {
    return { subscription: { ...this.subscription }, nextSequence: this.nextSequence };
  }

  /** Queues a ledger change; dropped when no webhook is subscribed. */
  notify(change: LedgerChange): void {
    if (!this.subscription.url || !this.subscription.key) return;
    this.pending.push(webhookEvent(this.config.baseUrl, change));
    this.timer ??= setTimeout(() => this.sendPending(), this.config.webhook.batchDelayMs);
  }

  /** The most recent deliveries, newest last. */
  deliveries(): WebhookDeliveryRecord[] {
    return [...this.records];
  }

  /** How many batches the reorderNext fault is holding back (0 or 1). */
  heldBatches(): number {
    return this.held ? 1 : 0;
  }

  /**
   * Sends what is queued now and waits for every delivery in flight, retries included; answers
   * their records in the order they were sent. A batch held by reorderNext stays held.
   */
  async flush(): Promise<WebhookDeliveryRecord[]> {
    this.sendPending();
    return (await Promise.all(this.inFlight)).flat();
  }

  /** At shutdown: sends the held batch too, then everything queued. */
  async close(): Promise<void> {
    if (this.held) this.start([this.held]);
    this.held = undefined;
    await this.flush();
  }

  private sendPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { url, key } = this.subscription;
    if (this.pending.length === 0 || !url || !key) return;
    const batch: Batch = { url, key, payload: webhookPayload(this.pending, this.nextSequence) };
    this.nextSequence += this.pending.length;
    this.pending = [];
    if (this.faults.takeReorder()) {
      this.held = batch;
      return;
    }
    this.start(this.held ? [batch, this.held] : [batch]);
    this.held = undefined;
  }

  /** Delivers `batches` one after another, so their order is the order a receiver sees. */
  private start(batches: Batch[]): void {
    const run = (async () => {
      const sent: WebhookDeliveryRecord[] = [];
      for (const batch of batches) {
        const copies = this.faults.takeDuplicate() ? 2 : 1;
        for (let copy = 0; copy < copies; copy++) sent.push(await this.deliver(batch, copy > 0));
      }
      return sent;
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private async deliver({ url, key, payload }: Batch, duplicate: boolean): Promise<WebhookDeliveryRecord> {
    const { retries, retryDelayMs, timeoutMs } = this.config.webhook;
    const body = JSON.stringify(payload);
    const signature = signWebhookBody(body, key);
    const attempts: WebhookAttempt[] = [];
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1));
      attempts.push(await postSignedWebhook(url, body, signature, timeoutMs));
      if (isDelivered(attempts.at(-1)!)) break;
    }
    const record: WebhookDeliveryRecord = {
      at: attempts[0]!.at,
      url,
      firstEventSequence: payload.firstEventSequence,
      lastEventSequence: payload.lastEventSequence,
      eventCount: payload.events.length,
      status: attempts.at(-1)!.status,
      attempts,
      ...(duplicate ? { duplicate: true as const } : {}),
    };
    this.records.push(record);
    if (this.records.length > KEPT_RECORDS) this.records.shift();
    return record;
  }
}
