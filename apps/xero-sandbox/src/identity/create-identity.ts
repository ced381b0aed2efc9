import type { SandboxConfig } from "../config";
import { type Authenticate, createAuthenticate } from "./authenticate";
import { IdentityStore, type IdentityStoreJson } from "./identity-store";
import { SigningKey, type SigningKeyJson } from "./signing-keys";
import { TokenStats } from "./token-stats";

/** The identity service's persisted state: its signing key and its store. */
export interface IdentityJson {
  signingKey: SigningKeyJson;
  store: IdentityStoreJson;
}

export interface Identity {
  config: SandboxConfig;
  store: IdentityStore;
  signingKey: SigningKey;
  stats: TokenStats;
  authenticate: Authenticate;
  toJSON(): IdentityJson;
}

/** The identity service, fresh or restored from a saved state. */
export async function createIdentity(config: SandboxConfig, saved?: IdentityJson): Promise<Identity> {
  const signingKey = saved ? await SigningKey.fromJSON(saved.signingKey) : await SigningKey.generate();
  const store = saved ? IdentityStore.fromJSON(saved.store) : IdentityStore.create();
  return {
    config,
    store,
    signingKey,
    stats: new TokenStats(),
    authenticate: createAuthenticate({ config, store, signingKey }),
    toJSON: () => ({ signingKey: signingKey.toJSON(), store: store.toJSON() }),
  };
}
