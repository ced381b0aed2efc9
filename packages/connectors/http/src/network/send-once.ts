// One HTTP exchange with node:http/https, connecting only to addresses already checked: the request
// keeps the URL's host name (for the Host header and TLS's certificate check and SNI) while its
// `lookup` answers with the checked addresses, so nothing resolves the name a second time. No
// pooled connection is reused (`agent: false`): a pooled socket may lead to an address checked
// under another setting. The body is read up to `maxBytes` (after decompression), never beyond.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { ResolvedAddress } from "./resolve-target";

export interface OnceRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  addresses: ResolvedAddress[];
  maxBytes: number;
  signal: AbortSignal;
}

export interface RawResponse {
  status: number;
  statusText: string;
  /** Lower-case names; a header sent several times is joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** The response (as declared, or as read so far) is larger than `maxBytes`. */
export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`response larger than ${maxBytes} bytes`);
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number, headers: Record<string, string>): boolean {
  return REDIRECT_STATUSES.has(status) && headers.location !== undefined;
}

/** Answers Node's own lookup with the checked addresses, whatever name it asks for. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(
        null,
        addresses.map(({ address, family }) => ({ address, family })),
      );
      return;
    }
    const wanted = addresses.find((entry) => !options.family || entry.family === options.family) ?? addresses[0];
    if (!wanted) {
      callback(Object.assign(new Error("no checked address"), { code: "ENOTFOUND" }), "", 0);
      return;
    }
    callback(null, wanted.address, wanted.family);
  };
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  // No prototype: a header the service calls "__proto__" is one more header, nothing else.
  const flat: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = response.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(createGunzip());
  if (encoding === "deflate") return response.pipe(createInflate());
  if (encoding === "br") return response.pipe(createBrotliDecompress());
  return response;
}

export function sendOnce(request: OnceRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const transport = request.url.protocol === "https:" ? https : http;
    const outgoing = transport.request(request.url, {
      method: request.method,
      headers: request.headers,
      lookup: pinnedLookup(request.addresses),
      agent: false,
      signal: request.signal,
    });
    outgoing.on("error", reject);
    outgoing.on("response", (response) => {
      const headers = flatHeaders(response.headers);
      const base = { status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", headers };
      response.on("error", reject);
      if (isRedirect(base.status, headers)) {
        response.resume();
        resolve({ ...base, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared > request.maxBytes) {
        response.destroy();
        reject(new ResponseTooLargeError(request.maxBytes));
        return;
      }
      const body = decoded(response);
      const chunks: Buffer[] = [];
      let size = 0;
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBytes) {
          response.destroy();
          body.destroy();
          reject(new ResponseTooLargeError(request.maxBytes));
          return;
        }
        chunks.push(chunk);
      });
      body.on("error", reject);
      body.on("end", () => resolve({ ...base, body: Buffer.concat(chunks) }));
    });
    outgoing.end(request.body);
  });
}
