/** Thrown when a request body exceeds the limit; the route answers 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The body is larger than ${Math.round(limitBytes / 1024)} KB.`);
  }
}

/**
 * Reads a request body into memory, refusing more than `limitBytes` without reading the rest:
 * Content-Length is checked first, and chunked bodies are counted as they stream.
 */
export async function readLimitedBody(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
