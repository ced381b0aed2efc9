import { z } from "zod";
import { documentBooks } from "./document-books";
import type { LedgerChange, OrganisationBooks } from "./ledger-types";
import { type OrganisationSeed, seedBooks, seedOrganisations, seedTenantId } from "./seed-organisations";

export type LedgerChangeListener = (event: LedgerChange) => void;

const persistedLedgerSchema = z.object({
  version: z.literal(1),
  // Books are written by `toJSON` only; their inner shape is trusted.
  tenants: z.record(
    z.string(),
    z.custom<OrganisationBooks>((value) => typeof value === "object" && value !== null),
  ),
});

export type PersistedLedger = z.infer<typeof persistedLedgerSchema>;

/** The result of a write: what to keep, and the change events it caused. */
export interface LedgerWrite<T> {
  commit: boolean;
  result: T;
  changes: Omit<LedgerChange, "tenantId">[];
}

/** Every organisation's books, in memory. Writes go through {@link Ledger.write} so a failed batch changes nothing. */
export class Ledger {
  private readonly listeners = new Set<LedgerChangeListener>();

  private constructor(
    private readonly tenants: Map<string, OrganisationBooks>,
    private readonly seeds: OrganisationSeed[],
  ) {}

  /** The seeded organisations, fresh (`organisations` of them: the two demo companies, then copies). */
  static seeded(organisations?: number): Ledger {
    const seeds = seedOrganisations(organisations);
    return new Ledger(new Map(seeds.map((seed) => [seedTenantId(seed), seedBooks(seed)])), seeds);
  }

  static fromJSON(json: unknown, organisations?: number): Ledger {
    const persisted = persistedLedgerSchema.parse(json);
    // A state file saved before the sandbox kept documents has no document lists yet.
    const tenants = Object.entries(persisted.tenants).map(([tenantId, books]): [string, OrganisationBooks] => [
      tenantId,
      { ...books, ...documentBooks(books) },
    ]);
    return new Ledger(new Map(tenants), seedOrganisations(organisations));
  }

  toJSON(): PersistedLedger {
    return { version: 1, tenants: Object.fromEntries(this.tenants) };
  }

  organisations(): { tenantId: string; name: string; tenantType: "ORGANISATION" }[] {
    return [...this.tenants].map(([tenantId, books]) => ({
      tenantId,
      name: books.organisation.Name,
      tenantType: "ORGANISATION",
    }));
  }

  onChange(listener: LedgerChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read-only access to one organisation's books, or undefined for an unknown tenant. */
  books(tenantId: string): Readonly<OrganisationBooks> | undefined {
    return this.tenants.get(tenantId);
  }

  /**
   * Runs `change` on a draft of the tenant's books and keeps the draft only when it says so, then
   * tells listeners what changed, so a rejected batch leaves nothing behind. The draft copies the
   * record lists, not the records (a write stays cheap however large the books grow): writers
   * replace a record they change instead of changing it in place.
   */
  write<T>(tenantId: string, change: (books: OrganisationBooks) => LedgerWrite<T>): T {
    const current = this.tenants.get(tenantId);
    if (!current) throw new Error(`Unknown tenant ${tenantId}`);
    const draft: OrganisationBooks = {
      ...current,
      currencies: [...current.currencies],
      accounts: [...current.accounts],
      taxRates: [...current.taxRates],
      trackingCategories: [...current.trackingCategories],
      items: [...current.items],
      contacts: [...current.contacts],
      invoices: [...current.invoices],
      payments: [...current.payments],
      ...documentBooks(current),
    };
    const { commit, result, changes } = change(draft);
    if (commit) {
      this.tenants.set(tenantId, draft);
      for (const event of changes) for (const listener of this.listeners) listener({ tenantId, ...event });
    }
    return result;
  }

  /** Puts a seeded organisation back to its seed. Returns false for a tenant that was never seeded. */
  resetTenant(tenantId: string): boolean {
    const seed = this.seeds.find((candidate) => seedTenantId(candidate) === tenantId);
    if (!seed) return false;
    this.tenants.set(tenantId, seedBooks(seed));
    return true;
  }
}

export function createLedger(organisations?: number): Ledger {
  return Ledger.seeded(organisations);
}
