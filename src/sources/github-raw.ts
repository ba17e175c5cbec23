/** Raw file downloads from GitHub: bodies owned at once, read whole or as chunks; the errors that mean "too large". */

export function status(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
}

/** GitHub refuses raw contents over its size limit with a 403 that says `too_large` / "too large". */
export function isTooLarge(error: unknown): boolean {
  if (status(error) !== 403) return false;
  const text = `${error instanceof Error ? error.message : ""} ${JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? "")}`;
  return /too[_ ]large/i.test(text);
}

export async function toBuffer(data: unknown): Promise<Buffer> {
  if (data === null || data === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ReadableStream) return Buffer.from(await new Response(data).arrayBuffer());
  if (typeof data === "string") return Buffer.from(data, "utf8");
  throw new Error(`unexpected raw content body: ${typeof data}`);
}

/**
 * `fetch` for raw downloads: takes a reader on the body at once and hands Octokit a stream of its own.
 * Node 20's fetch cancels an unlocked body when its Response is garbage-collected, and Octokit keeps
 * only the body; under memory pressure that cancel landed before the body was read ("Response body
 * object should not be disturbed or locked"). A locked body is never cancelled that way.
 */
export async function ownedBodyFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(input, init);
  if (!response.body) return response;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const owned = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(owned, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** The chunks of a raw response body (a web stream from fetch, or bytes some transports buffer). */
export async function* chunksOf(body: unknown): AsyncIterable<Buffer> {
  if (body instanceof ReadableStream) {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value.byteLength > 0) yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    } finally {
      // Stops the download when the reader stops early.
      await reader.cancel().catch(() => undefined);
    }
  }
  const bytes = await toBuffer(body);
  if (bytes.length > 0) yield bytes;
}
