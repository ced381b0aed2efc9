// What a connector declares about the events that can start a flow (docs/ARCHITECTURE.md §5,
// "Connector triggers"). Two sources: events the provider pushes (Xero's webhooks), which the
// runtime stores and fans out, and lists the runtime polls. The engine knows no provider: a
// connector says which pushed events a trigger listens to, how to load the record one is about,
// and how to poll.
import type { FieldSpec } from "./action-definition";

/** One event a provider pushed, as the runtime stored it (ConnectorEvent). */
export interface PushedEvent {
  /** The account at the provider the event is about (Xero: the tenant id), as Connection.externalId. */
  accountExternalId: string;
  /** The event as the provider sent it (Xero: `{ resourceId, eventCategory, eventType, … }`). */
  payload: Record<string, unknown>;
}

/** The little remembered of a record between its events (`{ Status: "AUTHORISED" }`), so a trigger can say "became". */
export type RecordState = Record<string, unknown>;

/** The record an event is about, loaded from the provider. */
export interface EventRecord {
  /** The record's identity at the provider ("INVOICE:<id>"): what its state is remembered under. */
  key: string;
  record: Record<string, unknown>;
  /** What the next event of this record compares against. */
  state: RecordState;
}

export interface TriggerFiresArgs {
  event: PushedEvent;
  record: Record<string, unknown>;
  /** The record's state at its previous event; null the first time the record is seen. */
  previous: RecordState | null;
  input: Record<string, unknown>;
}

/** A trigger started by the provider's pushed events (Xero's webhooks). */
export interface InstantTriggerSource<TClient = unknown> {
  kind: "instant";
  /** Cheap test on the event alone (no call): does the trigger listen to it (record kind, created/updated)? */
  accepts(event: PushedEvent, input: Record<string, unknown>): boolean;
  /** With the record loaded: does the flow run ("status became PAID")? Absent: every accepted event runs it. */
  fires?(args: TriggerFiresArgs): boolean;
  /**
   * How to find the same events by polling while this installation receives no pushes (Xero: no
   * XERO_WEBHOOK_KEY): each polled change stands for the event the provider would have pushed, and
   * `accepts` and `fires` judge it as they judge a pushed one, so the run carries the same outputs.
   */
  fallback?: PollingSpec<TClient>;
}

/** Where a poll resumes: the newest change already seen. */
export interface PollCursor {
  /** ISO 8601; records changed at or after it are new (the runtime knows those it saw by their key). */
  since: string;
}

/** One new or changed record a poll found. */
export interface PolledRecord {
  /** Identity of this version of the record (id and change time): one run per key, however often it is seen. */
  key: string;
  /** Identity of the record across its versions ("PAYMENT:<id>"): what its state is remembered under. */
  recordKey: string;
  /** When the record changed (ISO 8601). */
  changedAt: string;
  /** What the run's trigger carries as `record`. */
  record: Record<string, unknown>;
  /** What the next change of this record compares against (`{ Status: "PAID" }`). */
  state: RecordState;
}

export interface PollResult {
  /** Oldest first. */
  records: PolledRecord[];
  /** Where the next poll resumes. */
  cursor: PollCursor;
}

export interface PollArgs<TClient> {
  client: TClient;
  input: Record<string, unknown>;
  cursor: PollCursor;
  signal?: AbortSignal;
}

/** How a trigger polls the provider: by itself (a polling trigger) or as an instant trigger's fallback. */
export interface PollingSpec<TClient> {
  /**
   * New or changed records since the cursor, oldest first; a poll that finds nothing should cost one
   * call. A rate limit (CallDeferredError) before anything was read is thrown: the poll waits and
   * its cursor stays.
   */
  poll(args: PollArgs<TClient>): Promise<PollResult>;
  /**
   * The event a polled change stands for, in the shape of the provider's pushed events (what the
   * run's trigger carries as `event`). `previous` is the flow's state of the record at its last
   * change, null the first time the flow sees it.
   */
  eventOf(args: { polled: PolledRecord; previous: RecordState | null; account: string }): Record<string, unknown>;
}

/** A trigger whose records the runtime polls for (what the provider does not push). */
export interface PollingTriggerSource<TClient> extends PollingSpec<TClient> {
  kind: "polling";
  /** As an instant trigger's: does the trigger listen to the event a change stands for? Absent: every change. */
  accepts?(event: PushedEvent, input: Record<string, unknown>): boolean;
  /** As an instant trigger's: with the record, does the flow run? Absent: every accepted change runs it. */
  fires?(args: TriggerFiresArgs): boolean;
}

/** Something that happens at the provider and can start a flow ("Invoice paid"). */
export interface TriggerDefinition<TClient = unknown> {
  /** Stable id stored in flow definitions, e.g. "xero.invoice.paid". */
  key: string;
  /** In the provider's words, as the editor lists it: "Invoice paid". */
  title: string;
  description: string;
  /** The editor groups triggers by what they are about: "Sales invoices". */
  group: string;
  /** The trigger's settings, declared as an action's fields are. */
  fields: FieldSpec[];
  /** An example of what the run's trigger carries, for the data picker before a real event arrives. */
  sample: Record<string, unknown>;
  source: InstantTriggerSource<TClient> | PollingTriggerSource<TClient>;
  /** How the run history names a run's record ("INV-0042", a contact's name); null when it has no name. */
  recordLabel?(record: Record<string, unknown>): string | null;
  /** "Load a recent record": a real recent record of the connected account, shaped as a run's trigger carries it. */
  loadSample?(args: { client: TClient; input: Record<string, unknown> }): Promise<Record<string, unknown> | null>;
}

/** What a connector whose provider pushes events tells the runtime about them. */
export interface ConnectorEvents<TClient> {
  /** Whether this installation receives the provider's pushes (Xero: XERO_WEBHOOK_KEY is set). */
  pushConfigured(): boolean;
  /** The record a pushed event is about, loaded with the connection's client. */
  loadRecord(client: TClient, event: PushedEvent, signal?: AbortSignal): Promise<EventRecord>;
}
