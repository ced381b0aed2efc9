import type { FastifyError, FastifyInstance } from "fastify";
import type { SandboxConfig } from "../config";
import type { Authenticate } from "../identity/authenticate";
import { type AccountingServices, API_PREFIX, registerAccountingRoute } from "./accounting-route";
import { registerAccountingAdminRoutes } from "./admin-routes";
import { ApiStats } from "./api-stats";
import { bankTransactionsRoutes } from "./bank-transactions-routes";
import { contactsRoutes } from "./contacts-routes";
import { creditNotesRoutes } from "./credit-notes-routes";
import { FaultInjector } from "./faults";
import { IdempotencyStore } from "./idempotency";
import { invoicesRoutes } from "./invoices-routes";
import { itemsRoutes } from "./items-routes";
import type { Ledger } from "./ledger";
import { manualJournalsRoutes } from "./manual-journals-routes";
import { paymentsRoutes } from "./payments-routes";
import { purchaseOrdersRoutes } from "./purchase-orders-routes";
import { quotesRoutes } from "./quotes-routes";
import { RateLimiter } from "./rate-limits";
import { settingsRoutes } from "./settings-routes";
import { trackingCategoriesRoutes } from "./tracking-categories-routes";
import { NOT_FOUND_TEXT, requestErrorBody, XeroRequestError } from "./xero-errors";

export { createLedger, Ledger, type LedgerChangeListener } from "./ledger";
export type { LedgerChange } from "./ledger-types";

const ROUTES = [
  ...contactsRoutes,
  ...invoicesRoutes,
  ...creditNotesRoutes,
  ...paymentsRoutes,
  ...bankTransactionsRoutes,
  ...quotesRoutes,
  ...purchaseOrdersRoutes,
  ...manualJournalsRoutes,
  ...itemsRoutes,
  ...trackingCategoriesRoutes,
  ...settingsRoutes,
];

/** Registers the Accounting API under `/api.xro/2.0` and its admin controls under `/sandbox/admin/`. */
export function registerAccountingApi(
  app: FastifyInstance,
  deps: { ledger: Ledger; authenticate: Authenticate; config: SandboxConfig },
): void {
  const stats = new ApiStats();
  const services: AccountingServices = {
    ledger: deps.ledger,
    authenticate: deps.authenticate,
    limiter: new RateLimiter({ ...deps.config.rateLimits, enabled: true }, stats),
    faults: new FaultInjector(),
    idempotency: new IdempotencyStore(),
    stats,
  };
  // An encapsulated context, so the error handler below answers for the Accounting API only.
  void app.register(async (api) => {
    api.setErrorHandler(async (error: FastifyError, _request, reply) => {
      // Fastify's own rejections (malformed JSON, an empty body) answer in Xero's `Error` shape.
      if (error.statusCode === 400) {
        return reply
          .code(400)
          .send(requestErrorBody(new XeroRequestError(error.message, "PostDataInvalidException", 17)));
      }
      throw error;
    });
    for (const route of ROUTES) registerAccountingRoute(api, services, route);
    // Anything else under the API answers Xero's plain-text 404.
    api.all(`${API_PREFIX}/*`, async (_request, reply) =>
      reply
        .code(404)
        .headers(services.limiter.headers(undefined, undefined))
        .type("text/plain; charset=utf-8")
        .send(NOT_FOUND_TEXT),
    );
  });
  registerAccountingAdminRoutes(app, services, deps.config);
}
