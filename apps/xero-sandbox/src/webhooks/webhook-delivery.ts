import type { LedgerChange } from "../accounting";
import type { SandboxConfig } from "../config";
import { signWebhookBody, type WebhookEvent, webhookEvent, webhookPayload } from "./webhook-payload";

// Sends ledger changes to the subscribed webhook URL as Xero does: events raised close together
// go out as one signed batch, numbered by an ever-increasing event sequence. A failed delivery is
// retried a few times, then recorded as failed (Xero retries for longer, then disables the hook).

export interface WebhookSubscription {
  url: string | null;
  key: string | null;
}

export interface WebhookDeliveryRecord {
  at: string;
  url: string;
  firstEventSequence: number;
  lastEventSequence: number;
  eventCount: number;
  /** The receiver's HTTP status, or null when it could not be reached. */
  status: number | null;
  attempts: number;
}

/** What survives a restart: the subscription (it may have been changed at run time) and the sequence. */
export interface WebhookDeliveryJson {
  subscription: WebhookSubscription;
  nextSequence: number;
}

const RECEIVER_TIMEOUT_MS = 5_000; // Xero gives a receiver 5 seconds to answer
const ATTEMPTS = 3;
const KEPT_RECORDS = 100;

/** POSTs a signed body; returns the receiver's status, or null when it could not be reached. */
export async function postSignedWebhook(url: string, body: string, signature: string): Promise<number | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-xero-signature": signature },
      body,
      signal: AbortSignal.timeout(RECEIVER_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

export class WebhookDelivery {
  readonly subscription: WebhookSubscription;
  private pending: WebhookEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextSequence: number;
  private inFlight = new Set<Promise<void>>();
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

  /** Sends what is queued and waits for every delivery in flight (at shutdown, in tests). */
  async flush(): Promise<void> {
    this.sendPending();
    await Promise.all(this.inFlight);
  }

  private sendPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { url, key } = this.subscription;
    if (this.pending.length === 0 || !url || !key) return;
    const payload = webhookPayload(this.pending, this.nextSequence);
    this.nextSequence += this.pending.length;
    this.pending = [];
    const delivery = this.deliver(url, key, JSON.stringify(payload), payload);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async deliver(url: string, key: string, body: string, payload: ReturnType<typeof webhookPayload>) {
    const signature = signWebhookBody(body, key);
    let status: number | null = null;
    let attempts = 0;
    while (attempts < ATTEMPTS) {
      attempts++;
      status = await postSignedWebhook(url, body, signature);
      if (status !== null && status >= 200 && status < 300) break;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempts));
    }
    this.records.push({
      at: new Date().toISOString(),
      url,
      firstEventSequence: payload.firstEventSequence,
      lastEventSequence: payload.lastEventSequence,
      eventCount: payload.events.length,
      status,
      attempts,
    });
    if (this.records.length > KEPT_RECORDS) this.records.shift();
  }
}
