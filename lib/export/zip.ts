// A streaming zip writer: each entry is deflated by Node's zlib and handed on as it is written,
// so a corpus of any size passes through in bounded memory. Entries use a data descriptor (sizes
// and CRC after the data, as they are known only then) and UTF-8 names; the archive switches to
// ZIP64 records when it passes 4 GiB or 65,535 entries. (APPNOTE.TXT 6.3.10, sections 4.3–4.5.)
import { constants, crc32, deflateRawSync } from "node:zlib";
import { slug } from "./slug";
import type { Chunk, LayerChoice } from "./types";

export interface ZipEntry {
  /** Path inside the archive, "/"-separated. */
  name: string;
  data: Chunk | AsyncIterable<Chunk> | Iterable<Chunk>;
}

const encoder = new TextEncoder();
const toBytes = (chunk: Chunk): Uint8Array => (typeof chunk === "string" ? encoder.encode(chunk) : chunk);

// Input is deflated in pieces of about this size. Each piece is its own raw deflate stream
// ended by a sync flush (no final bit), and pieces concatenated that way are one valid deflate
// stream, closed by an empty final block: the way pigz compresses in parallel. It costs a
// little ratio and lets every call be synchronous, with native speed and no state kept between.
const PIECE = 128 * 1024;
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);
// Level 1 is several times faster than the default and loses little on text.
const DEFLATE = { level: 1, finishFlush: constants.Z_SYNC_FLUSH };

// Every entry is dated 2000-01-01 00:00 (DOS format), so the same export gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const FLAGS = 0x0008 | 0x0800; // data descriptor follows; names are UTF-8
const U32 = 0xffffffff;

interface Written {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function localHeader(name: Uint8Array): Uint8Array {
  const b = Buffer.alloc(30 + name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(8, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  // CRC and sizes stay 0 here: they follow the data in the descriptor.
  b.writeUInt16LE(name.length, 26);
  b.set(name, 30);
  return b;
}

function dataDescriptor(entry: Written): Uint8Array {
  if (entry.size > U32 || entry.compressed > U32) {
    throw new RangeError(`${new TextDecoder().decode(entry.name)} is over 4 GiB; export a smaller scope (a story or an outlet).`);
  }
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(entry.crc, 4);
  b.writeUInt32LE(entry.compressed, 8);
  b.writeUInt32LE(entry.size, 12);
  return b;
}

function centralHeader(entry: Written): Uint8Array {
  // An offset past 4 GiB moves into a ZIP64 extra field (id 1, one 8-byte value).
  const far = entry.offset > U32;
  const b = Buffer.alloc(46 + entry.name.length + (far ? 12 : 0));
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(far ? 45 : 20, 4);
  b.writeUInt16LE(far ? 45 : 20, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(8, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(entry.crc, 16);
  b.writeUInt32LE(entry.compressed, 20);
  b.writeUInt32LE(entry.size, 24);
  b.writeUInt16LE(entry.name.length, 28);
  b.writeUInt16LE(far ? 12 : 0, 30);
  b.writeUInt32LE(far ? U32 : entry.offset, 42);
  b.set(entry.name, 46);
  if (far) {
    const at = 46 + entry.name.length;
    b.writeUInt16LE(1, at);
    b.writeUInt16LE(8, at + 2);
    b.writeBigUInt64LE(BigInt(entry.offset), at + 4);
  }
  return b;
}

function endRecords(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const zip64 = count > 0xffff || directoryOffset > U32 || directorySize > U32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? U32 : directorySize, 12);
  end.writeUInt32LE(zip64 ? U32 : directoryOffset, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

function isChunk(data: ZipEntry["data"]): data is Chunk {
  return typeof data === "string" || data instanceof Uint8Array;
}

/** Yields an entry's data in pieces of about PIECE bytes. */
async function* pieces(data: ZipEntry["data"]): AsyncGenerator<Uint8Array> {
  if (isChunk(data)) {
    yield toBytes(data);
    return;
  }
  let pending: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    const bytes = toBytes(chunk);
    pending.push(bytes);
    size += bytes.length;
    if (size >= PIECE) {
      yield Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(pending, size);
}

/** Yields the bytes of a zip holding `entries`, in order. */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array, void, undefined> {
  const written: Written[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = encoder.encode(entry.name);
    const record: Written = { name, crc: 0, compressed: 0, size: 0, offset };
    const header = localHeader(name);
    yield header;
    for await (const piece of pieces(entry.data)) {
      record.crc = crc32(piece, record.crc);
      record.size += piece.length;
      const deflated = deflateRawSync(piece, DEFLATE);
      record.compressed += deflated.length;
      yield deflated;
    }
    record.compressed += FINAL_EMPTY_BLOCK.length;
    yield FINAL_EMPTY_BLOCK;
    const descriptor = dataDescriptor(record);
    yield descriptor;
    offset += header.length + record.compressed + descriptor.length;
    written.push(record);
  }
  let directorySize = 0;
  for (const entry of written) {
    const header = centralHeader(entry);
    directorySize += header.length;
    yield header;
  }
  yield endRecords(written.length, directorySize, offset);
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
