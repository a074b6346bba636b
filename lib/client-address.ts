// Which address a sign-in attempt comes from, as pure functions over the peer address the
// server saw and the X-Forwarded-For header. Anyone can send X-Forwarded-For, so it counts
// only as far as the operator says proxies stand in front (TRUST_PROXY=<hops>): each of those
// proxies appends the address it received the request from, so with n proxies the client is
// the n-th entry from the right, and everything left of it is whatever the client wrote.
import { isIP } from "node:net";

export const UNKNOWN_ADDRESS = "unknown";

export type TrustProxySetting = { ok: true; hops: number } | { ok: false; error: string };

/** TRUST_PROXY: how many proxies stand in front of the app; unset or empty means none. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const text = raw?.trim() ?? "";
  if (text === "") return { ok: true, hops: 0 };
  if (/^\d{1,2}$/.test(text)) return { ok: true, hops: Number(text) };
  return {
    ok: false,
    error: `TRUST_PROXY must be the number of proxies in front of the app (0 when clients connect directly, 1 for one reverse proxy), not ${JSON.stringify(raw)}.`,
  };
}

/** A plain IP address (IPv4-mapped IPv6 as IPv4, IPv6 in lower case, no zone), or null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let text = raw.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped !== null) text = mapped[1]!;
  if (isIP(text) === 0) return null;
  return text.split("%")[0]!;
}

/**
 * The client's address. With no trusted proxy it is the peer the server saw and the
 * forwarding headers are ignored. With n, it is the n-th X-Forwarded-For entry from the
 * right; a shorter list (or a malformed entry) means the request did not come through all
 * the proxies, so the peer it came from is used instead.
 */
export function resolveClientAddress(input: { peer: string | null; forwardedFor: string | null; hops: number }): string {
  const peer = normalizeAddress(input.peer) ?? UNKNOWN_ADDRESS;
  if (input.hops === 0 || input.forwardedFor === null) return peer;
  const entries = input.forwardedFor.split(",").map((entry) => entry.trim());
  if (entries.length < input.hops) return peer;
  return normalizeAddress(entries[entries.length - input.hops]) ?? peer;
}

// An IPv6 address as its eight 16-bit groups (a valid address, as isIP checked).
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string): number[] => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const [head = "", tail] = text.split("::");
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The unit counted for throttling. An IPv6 user is normally handed a whole /64, and can
 * pick a fresh address from it for every attempt, so IPv6 addresses count per /64.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
