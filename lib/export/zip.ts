// A streaming zip: entries are compressed and handed on as they are written, so a corpus of
// any size passes through in bounded memory. fflate does the deflate and the zip records; this
// wraps its callbacks as an async generator that the export pipeline can pull from.
import { Zip, ZipDeflate } from "fflate";
import { slug } from "./slug";
import type { Chunk, LayerChoice } from "./types";

export interface ZipEntry {
  /** Path inside the archive, "/"-separated. */
  name: string;
  data: Chunk | AsyncIterable<Chunk> | Iterable<Chunk>;
}

const encoder = new TextEncoder();
const toBytes = (chunk: Chunk): Uint8Array => (typeof chunk === "string" ? encoder.encode(chunk) : chunk);

// Level 1 is several times faster than the default and loses little on text; exports are
// network- and disk-bound long before a stronger level would pay for itself.
const LEVEL = 1;
// Deflate input in pieces of this size: small writes cost per-call overhead, huge ones memory.
const FLUSH_AT = 64 * 1024;

function isChunk(data: ZipEntry["data"]): data is Chunk {
  return typeof data === "string" || data instanceof Uint8Array;
}

/** Yields the bytes of a zip holding `entries`, in order. */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array, void, undefined> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  for await (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: LEVEL });
    // Dates inside the archive are fixed so the same export gives the same bytes.
    file.mtime = new Date("2000-01-01T00:00:00Z");
    zip.add(file);
    if (isChunk(entry.data)) {
      file.push(toBytes(entry.data), true);
      yield* drain();
      continue;
    }
    let pending: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of entry.data) {
      const bytes = toBytes(chunk);
      pending.push(bytes);
      size += bytes.length;
      if (size >= FLUSH_AT) {
        file.push(concat(pending, size));
        pending = [];
        size = 0;
        yield* drain();
      }
    }
    file.push(concat(pending, size), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** A readable name for a file in an archive: "<id>-<slug of title>", ASCII, at most 60 characters of slug. */
export function documentFileStem(id: number, title: string): string {
  const s = slug(title);
  return s === "" ? String(id) : `${id}-${s}`;
}

/** The folder a layer's files go in when an export holds several layers: "gold" or the username. */
export function layerFolder(layer: string): string {
  return layer === "gold" ? "gold" : layer.replace(/^reviewer:/, "").replace(/[^A-Za-z0-9._-]+/g, "_");
}

/** Whether an export holds several layers, so a zip puts each layer's files in its own folder. */
export function multiLayer(choice: LayerChoice): boolean {
  return choice === "all" || choice === "gold-else-all";
}
