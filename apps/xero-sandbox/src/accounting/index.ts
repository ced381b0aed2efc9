import type { FastifyInstance } from "fastify";
import type { SandboxConfig } from "../config";
import type { Authenticate } from "../identity/authenticate";

// Placeholder for the Accounting API (owned by the accounting side, which replaces this file):
// the seam the server composition is written against.

export interface LedgerChangeEvent {
  tenantId: string;
  resource: "CONTACT" | "INVOICE";
  resourceId: string;
  eventType: "CREATE" | "UPDATE";
}

export interface Organisation {
  tenantId: string;
  name: string;
  tenantType: "ORGANISATION";
}

export class Ledger {
  private readonly listeners = new Set<(event: LedgerChangeEvent) => void>();

  constructor(private readonly orgs: Organisation[]) {}

  static fromJSON(json: unknown): Ledger {
    return new Ledger((json as { organisations: Organisation[] }).organisations);
  }

  toJSON(): unknown {
    return { organisations: this.orgs };
  }

  organisations(): Organisation[] {
    return this.orgs;
  }

  onChange(listener: (event: LedgerChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function createLedger(): Ledger {
  return new Ledger([
    { tenantId: "8a6d3e5c-1f2b-4c7d-9e0a-000000000001", name: "Demo Company (NZ)", tenantType: "ORGANISATION" },
    { tenantId: "8a6d3e5c-1f2b-4c7d-9e0a-000000000002", name: "Demo Company (UK)", tenantType: "ORGANISATION" },
  ]);
}

export function registerAccountingApi(
  _app: FastifyInstance,
  _deps: { ledger: Ledger; authenticate: Authenticate; config: SandboxConfig },
): void {}
