/**
 * Which OAuth scopes let a token call each group of endpoints: any one of the listed scopes will
 * do. Xero accepts its classic scopes (`accounting.transactions`) and the granular ones
 * (`accounting.invoices`, `accounting.payments`) side by side; reads also take the `.read` variants.
 * Quotes and purchase orders fall under the invoices group, as Xero's granular scopes file them;
 * bank transactions and manual journals have granular scopes of their own.
 * Settings (accounts, tax rates, items, tracking, currencies, organisation) keep `accounting.settings`.
 */
export const ENDPOINT_SCOPES = {
  contactsRead: ["accounting.contacts", "accounting.contacts.read"],
  contactsWrite: ["accounting.contacts"],
  invoicesRead: [
    "accounting.transactions",
    "accounting.transactions.read",
    "accounting.invoices",
    "accounting.invoices.read",
  ],
  invoicesWrite: ["accounting.transactions", "accounting.invoices"],
  paymentsRead: [
    "accounting.transactions",
    "accounting.transactions.read",
    "accounting.payments",
    "accounting.payments.read",
  ],
  paymentsWrite: ["accounting.transactions", "accounting.payments"],
  bankTransactionsRead: [
    "accounting.transactions",
    "accounting.transactions.read",
    "accounting.banktransactions",
    "accounting.banktransactions.read",
  ],
  bankTransactionsWrite: ["accounting.transactions", "accounting.banktransactions"],
  manualJournalsRead: [
    "accounting.transactions",
    "accounting.transactions.read",
    "accounting.manualjournals",
    "accounting.manualjournals.read",
  ],
  manualJournalsWrite: ["accounting.transactions", "accounting.manualjournals"],
  settingsRead: ["accounting.settings", "accounting.settings.read"],
  settingsWrite: ["accounting.settings"],
} as const satisfies Record<string, readonly string[]>;
