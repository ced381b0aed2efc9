import type {
  ActionDefinition,
  ActionTestBehaviour,
  FlowControl,
  FlowDefinition,
  TriggerDefinition,
  WebhookSettings,
} from "@ledgerflow/engine";
import type { TestRecordItem } from "./test-record-item";

/** What the editor knows of a catalog entry: everything but `run` (which stays on the server). */
export type CatalogEntry = Pick<
  ActionDefinition,
  "key" | "kind" | "group" | "title" | "description" | "writes" | "fields" | "outputSample" | "needsConnection"
> & {
  /** The connection a step of it acts with (its connector's), or null when it takes none. */
  connection: StepConnection | null;
  /** Worked out as it is typed: it writes nothing and reaches no other app (the runtime's isPreviewable). */
  previewable: boolean;
  /** What a test sends instead of the step's value (a draft); clean-up stays on the server. */
  test?: Pick<ActionTestBehaviour, "override">;
};

export interface StepConnection {
  /** The connector's key: only its connections are offered. */
  provider: string;
  /** "Xero organisation", "HTTP connection". */
  label: string;
  /** "Add a Xero connection", "Add an HTTP connection". */
  addLabel: string;
  /** An HTTP request may send no credentials: "None" is a choice and switch-on asks for none. */
  optional: boolean;
}

export interface ConnectionChoice {
  id: string;
  name: string;
  /** The connector's key ("xero"): a connector trigger lists its own connector's connections only. */
  provider: string;
  /** The connector's name, "Xero": a step using a connection that stopped working says which. */
  providerTitle: string;
  status: "ACTIVE" | "NEEDS_REAUTH" | "REVOKED";
}

/**
 * What the editor knows of a connector's trigger ("Invoice paid"): everything but the code that
 * accepts events, polls and loads samples (which stays on the server).
 */
export interface TriggerChoice
  extends Pick<TriggerDefinition, "key" | "title" | "description" | "group" | "fields" | "sample"> {
  connector: { key: string; title: string; accountNoun: string };
  /** It polls (a polling trigger, or an instant one while the provider's pushes are not set up). */
  polls: boolean;
  /** It has "Load a recent record". */
  loadsSample: boolean;
}

/** The last "Test" of a step (StepSample), as the browser receives it. */
export interface StepSampleView {
  stepKey: string;
  input: unknown;
  output: unknown;
  error: { message: string; field?: string; code?: string } | null;
  /** The connection it was tested with (null for a step without one, or a test from before this was kept). */
  connectionId: string | null;
  testedAt: string;
  /**
   * In a run, the step would stop it here (a Filter whose conditions do not hold) or make it wait.
   * Only the test just made says so: a sample loaded with the page has its output alone.
   */
  control?: FlowControl;
}

export interface FlowEditorProps {
  flow: {
    id: string;
    name: string;
    description: string;
    enabled: boolean;
    /** When anything of the flow last changed (ISO): the editor tells a stale render by it. */
    updatedAt: string;
    draft: FlowDefinition;
    webhook: WebhookView;
    /** The version runs use (the editor compares it with the draft), or null if never switched on. */
    published: { number: number; definition: FlowDefinition } | null;
    /** While the flow's trigger polls: its last check (null before the first), and why that did not finish. */
    polling: PollingStatus | null;
  };
  catalog: CatalogEntry[];
  /** Every connector's triggers, in the registry's order. */
  triggers: TriggerChoice[];
  connections: ConnectionChoice[];
  samples: StepSampleView[];
  /** What the flow's tests created, newest first, for "Records your tests created". */
  testRecords: TestRecordItem[];
  readOnly: boolean;
  /** What to open when the editor loads (`?step=<key>&field=<path>`, e.g. from a failed run's "Fix it in the editor"). */
  opening?: { step: string; field?: string };
}

/**
 * The webhook trigger's settings (they live on the Flow row, not in the draft). The URL and the
 * signing secret are credentials (a request made with them starts a run, which writes to Xero):
 * viewers get neither, only whether signatures are required.
 */
export interface WebhookView {
  url: string | null;
  signingSecret: string | null;
  signed: boolean;
  settings: WebhookSettings;
}

/** A switched-on polling trigger's last check, for "Checking for changes". */
export interface PollingStatus {
  lastPolledAt: string | null;
  lastFailure: string | null;
}
