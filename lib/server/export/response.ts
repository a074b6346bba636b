// An export as an HTTP response that starts at once and is pulled, not pushed: each chunk is
// produced when the client is ready for it, so a slow client slows the database reads, and a
// client that goes away cancels the stream, which closes the writer and the reader behind it.
import type { PreparedExport } from "./index";

const encoder = new TextEncoder();

/** RFC 6266 filename with an ASCII fallback. */
export function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function streamResponse(prepared: PreparedExport, signal?: AbortSignal): Response {
  const chunks = prepared.stream();
  let finished = false;
  // A client that goes away is not an error: say so once, and close the writer, which closes
  // the reader (its batch loop ends; no further query runs).
  const stop = (): void => {
    if (finished) return;
    finished = true;
    console.info(`export ${prepared.fileName} stopped by the client after ${prepared.documentsRead()} of ${prepared.documentsInScope} documents`);
    void chunks.return(undefined).catch(() => undefined);
  };
  signal?.addEventListener("abort", stop, { once: true });
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          // On SQLite the reader's queries answer without waiting on I/O, and the writers never
          // wait on I/O, so without this the whole queue would fill in one run of microtasks:
          // nothing would reach the socket (the first byte of a csv export waited 1.2 s) and
          // other requests would wait too.
          await new Promise((resolve) => setImmediate(resolve));
          const next = await chunks.next();
          if (next.done) {
            finished = true;
            signal?.removeEventListener("abort", stop);
            controller.close();
            return;
          }
          controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        stop();
      },
    },
    // Keep ~1 MB ahead of the socket, no more.
    { highWaterMark: 1024 * 1024, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, {
    headers: {
      "Content-Type": prepared.contentType,
      "Content-Disposition": disposition(prepared.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
