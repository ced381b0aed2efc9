import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Authenticate } from "../identity/authenticate";
import type { ApiStats } from "./api-stats";
import type { FaultInjector } from "./faults";
import { type IdempotencyStore, MAX_IDEMPOTENCY_KEY_LENGTH, requestFingerprint } from "./idempotency";
import type { Ledger } from "./ledger";
import type { OrganisationBooks } from "./ledger-types";
import type { RateLimiter } from "./rate-limits";
import { NOT_FOUND_TEXT, problemJson, requestErrorBody, XeroNotFoundError, XeroRequestError } from "./xero-errors";

export const API_PREFIX = "/api.xro/2.0";

/** What every Accounting route shares. */
export interface AccountingServices {
  ledger: Ledger;
  authenticate: Authenticate;
  limiter: RateLimiter;
  faults: FaultInjector;
  idempotency: IdempotencyStore;
  stats: ApiStats;
}

/** One authorised call, as a route's handler sees it. */
export interface AccountingCall {
  tenantId: string;
  books: Readonly<OrganisationBooks>;
  ledger: Ledger;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** Request headers, lower-case names (list routes read `if-modified-since`). */
  headers: FastifyRequest["headers"];
  body: unknown;
  /** Xero's `summarizeErrors` query flag (default true). */
  summarizeErrors: boolean;
}

export interface AccountingAnswer {
  status: number;
  body: unknown;
}

export interface AccountingRoute {
  method: "GET" | "PUT" | "POST" | "DELETE";
  /** Path under `/api.xro/2.0`, e.g. `/Contacts/:ContactID`. */
  url: string;
  /** Any one of these scopes lets a token call the route. */
  scopes: readonly string[];
  handle: (call: AccountingCall) => AccountingAnswer;
}

const FORBIDDEN = "AuthorizationUnsuccessful";

function send(reply: FastifyReply, answer: AccountingAnswer, headers: Record<string, string>) {
  reply.code(answer.status).headers(headers);
  if (answer.status === 404) return reply.type("text/plain; charset=utf-8").send(NOT_FOUND_TEXT);
  return reply.send(answer.body);
}

function answerErrors(run: () => AccountingAnswer): AccountingAnswer {
  try {
    return run();
  } catch (error) {
    if (error instanceof XeroNotFoundError) return { status: 404, body: NOT_FOUND_TEXT };
    if (error instanceof XeroRequestError) return { status: 400, body: requestErrorBody(error) };
    throw error;
  }
}

/** Runs a write once per Idempotency-Key: a repeat gets the first answer, a different request under the key a 400. */
function withIdempotency(
  services: AccountingServices,
  request: FastifyRequest,
  scope: string,
  run: () => AccountingAnswer,
): AccountingAnswer {
  const header = request.headers["idempotency-key"];
  const key = typeof header === "string" && header.length > 0 ? header : undefined;
  if (!key || request.method === "GET") return run();
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    const error = new XeroRequestError(`Idempotency-Key must be ${MAX_IDEMPOTENCY_KEY_LENGTH} characters or less.`);
    return { status: 400, body: requestErrorBody(error) };
  }
  const lookup = services.idempotency.begin(scope, key, requestFingerprint(request.method, request.url, request.body));
  switch (lookup.kind) {
    case "replay":
      return lookup.response;
    case "mismatch": {
      const error = new XeroRequestError("This Idempotency-Key has already been used with a different request.");
      return { status: 400, body: requestErrorBody(error) };
    }
    case "in-progress":
      return { status: 409, body: problemJson(409, "A request with this Idempotency-Key is still being processed.") };
    case "new": {
      let answer: AccountingAnswer = { status: 500, body: problemJson(500, "An error occurred in Xero.") };
      try {
        answer = run();
        return answer;
      } finally {
        services.idempotency.finish(scope, key, answer);
      }
    }
  }
}

/** The problem `Detail` of each status a fault can inject. */
const FAULT_DETAILS = {
  429: "Rate limit exceeded: minute",
  500: "An error occurred in Xero.",
  503: "The Xero API is temporarily unavailable.",
} as const;

/**
 * Registers one Accounting route behind everything Xero does before a handler runs: the Bearer
 * token (401), the `xero-tenant-id` connection and the endpoint's scopes (403), the rate limits
 * (429, with Retry-After and X-Rate-Limit-Problem), injected faults, and Idempotency-Key replay.
 * Every answer carries Xero's limit headers.
 */
export function registerAccountingRoute(app: FastifyInstance, services: AccountingServices, route: AccountingRoute) {
  app.route({
    method: route.method,
    url: `${API_PREFIX}${route.url}`,
    handler: async (request, reply) => {
      const auth = await services.authenticate(request);
      if (!auth.ok)
        return send(
          reply,
          { status: 401, body: problemJson(401, auth.detail) },
          services.limiter.headers(undefined, undefined),
        );

      const header = request.headers["xero-tenant-id"];
      const tenantId = typeof header === "string" ? header.trim().toLowerCase() : "";
      const books = auth.tenantIds.includes(tenantId) ? services.ledger.books(tenantId) : undefined;
      if (!books || !route.scopes.some((scope) => auth.scopes.includes(scope))) {
        const headers = services.limiter.headers(books ? tenantId : undefined, auth.clientId);
        return send(reply, { status: 403, body: problemJson(403, FORBIDDEN) }, headers);
      }

      services.stats.recordCall(tenantId);
      const admission = services.limiter.admit(tenantId, auth.clientId);
      if (!admission.ok) {
        const headers = {
          ...admission.headers,
          "Retry-After": String(admission.retryAfterSeconds),
          "X-Rate-Limit-Problem": admission.problem,
        };
        return send(
          reply,
          { status: 429, body: problemJson(429, `Rate limit exceeded: ${admission.problem}`) },
          headers,
        );
      }
      try {
        const fault = services.faults.take(tenantId);
        if (fault.latencyMs > 0) await sleep(fault.latencyMs);
        if (fault.failStatus) {
          services.stats.recordFault(tenantId);
          const detail = FAULT_DETAILS[fault.failStatus];
          // An injected 429 looks like a real one: Retry-After and X-Rate-Limit-Problem included.
          const headers =
            fault.failStatus === 429
              ? { ...admission.headers, "Retry-After": "1", "X-Rate-Limit-Problem": "minute" }
              : admission.headers;
          return send(reply, { status: fault.failStatus, body: problemJson(fault.failStatus, detail) }, headers);
        }
        const query = (request.query ?? {}) as Record<string, unknown>;
        const call: AccountingCall = {
          tenantId,
          // Re-read after the injected latency: another call may have written meanwhile.
          books: services.ledger.books(tenantId)!,
          ledger: services.ledger,
          params: (request.params ?? {}) as Record<string, string>,
          query,
          headers: request.headers,
          body: request.body,
          summarizeErrors: String(query.summarizeErrors ?? "true").toLowerCase() !== "false",
        };
        const answer = withIdempotency(services, request, `${tenantId}/${auth.clientId}`, () =>
          answerErrors(() => route.handle(call)),
        );
        return send(reply, answer, admission.headers);
      } finally {
        admission.release();
      }
    },
  });
}
