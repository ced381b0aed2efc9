// The connector contract (docs/ARCHITECTURE.md §5): everything a connector — Xero, and next the HTTP
// request step or any other service — tells the rest of Ledgerflow. A connector is one package that
// exports one `Connector`; the runtime's registry lists them. The engine knows no connector.
import type { ActionDefinition, FieldSpec, InputCheckProblem, SelectOption } from "./action-definition";
import type { ConnectorEvents, TriggerDefinition } from "./connector-trigger";

/** How a connector's steps are authorised. */
export type ConnectorAuth =
  /** Steps run without a connection (a formatter, a filter). */
  | { kind: "none" }
  /**
   * A connection made through the provider's OAuth 2.0 consent. `accountNoun` is what one
   * connection reaches at the provider, in its users' words ("organisation" for Xero).
   */
  | { kind: "oauth2"; accountNoun: string }
  /**
   * A connection made of what the user types once (an API key, a user name and password): `fields`
   * is its form, parsed as a step's input is; the runtime keeps the values encrypted in the vault and
   * never shows a `secret` field again. `accountNoun` names one connection ("HTTP connection").
   */
  | {
      kind: "secret";
      accountNoun: string;
      fields: FieldSpec[];
      /** Rules across the form's fields, on its parsed values, each problem on one field. */
      check?(values: Record<string, unknown>): InputCheckProblem[];
    };

/**
 * The provider's published rate limits, enforced before every call (by the runtime, in Redis, across
 * all processes). Per connection's account (for Xero: per organisation) and per app; 0 = no limit.
 */
export interface ConnectorLimits {
  perAccount: { concurrent: number; perMinute: number; perDay: number };
  perApp: { perMinute: number };
}

export interface OptionLoaderArgs<TClient> {
  client: TClient;
  /** What the user typed, for loaders that search (contacts). */
  query?: string;
  /** Values of the fields the loader depends on, e.g. `{ TrackingCategory1: "Region" }`. */
  dependsOn: Record<string, unknown>;
  signal?: AbortSignal;
}

/** Loads a dropdown's choices (`FieldSpec.options.loader` names one, e.g. "xero.accounts.revenue"). */
export type OptionLoader<TClient> = (args: OptionLoaderArgs<TClient>) => Promise<SelectOption[]>;

/** What the runtime hands `createClient` for one connection. */
export interface ClientRequest {
  connectionId: string;
  /** Every lookup of the connection is scoped by it: another workspace's id finds nothing. */
  workspaceId: string;
  /**
   * To be called before every request to the provider, with the account the request acts for (the
   * rate limits are per account): takes a call slot and resolves to its release. Rejects with a
   * CallDeferredError when the limits say wait, or another error when the call must not be made.
   */
  acquireCallSlot(account: string): Promise<() => Promise<void>>;
  /** For a `secret` connection: the values saved with it, decrypted and parsed by its `fields`. */
  readSecret(): Promise<Record<string, unknown>>;
}

/** The permissions a connection lacks for an action, in the provider's words (Xero: scopes). */
export type MissingPermissions = (action: ActionDefinition, grantedScopes: readonly string[]) => string[];

export interface Connector<TClient = unknown> {
  /** Stable id, the prefix of its actions', triggers' and loaders' keys, and `Connection.provider`. */
  key: string;
  /** The provider's name as users know it: "Xero". */
  title: string;
  auth: ConnectorAuth;
  /** Its actions and searches, in the order the editor's picker shows them. */
  actions: readonly ActionDefinition<TClient>[];
  /** What can start a flow at the provider, in the order the editor lists them. */
  triggers: readonly TriggerDefinition<TClient>[];
  /** Present when the provider pushes events (webhooks) that the runtime stores and fans out to triggers. */
  events?: ConnectorEvents<TClient>;
  optionLoaders: Readonly<Record<string, OptionLoader<TClient>>>;
  limits?: ConnectorLimits;
  /** An authorised client for one connection (tokens refreshed as needed). Absent when auth is "none". */
  createClient?(request: ClientRequest): Promise<TClient>;
  /** Asked at switch-on so a missing permission is reported then, not as a 403 at run time. */
  missingPermissions?: MissingPermissions;
  /**
   * Tells the provider that one connection is gone (revokes the grant, removes the link). True when
   * the provider was told, false when it could not be reached. It erases nothing of ours: the
   * runtime's disconnect does that for every connector alike.
   */
  revokeConnection?(connection: { id: string; workspaceId: string }): Promise<boolean>;
}

/** Declares a connector with its client type checked across its actions and loaders. */
export function defineConnector<TClient>(connector: Connector<TClient>): Connector<TClient> {
  return connector;
}

/**
 * A connector of any client type, as the registry holds them: each connector's actions and loaders
 * are checked against its own client when it is declared, and only ever receive that client.
 */
// biome-ignore lint/suspicious/noExplicitAny: the client type is each connector's own (see above).
export type AnyConnector = Connector<any>;
