// `@ledgerflow/connector-xero/testing`: the helpers other packages' tests need to drive the Xero
// sandbox that `node scripts/test.mjs` starts (mint tokens, answer a consent, revoke a grant).
// The in-process sandbox of this package's own tests (test-sandbox.ts) is left out on purpose:
// it imports @ledgerflow/xero-sandbox, a devDependency of this package only.

// What another package's test reads back from Xero to check its own work (the runtime's disconnect
// test: which tenant connections Xero still has, and that a remaining connection still works).
export { listTenantConnections } from "../client/list-tenant-connections";
export { getXeroClient } from "../token-access/get-xero-client";
export { answerSandboxConsent, sandboxAdmin } from "./sandbox-admin";
