// A real HTTP server on 127.0.0.1 for the tests: each test says how it answers, and every request
// it received is kept — method, path with query, headers and body exactly as they arrived.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

export interface LocalServer {
  url: string;
  received: ReceivedRequest[];
  answer(handler: Handler): void;
  close(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  let handler: Handler = (_request, response) => response.end("ok");
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(seen);
      handler(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (next) => {
      handler = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
