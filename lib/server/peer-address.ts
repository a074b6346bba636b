// The address of the machine at the other end of each connection, for sign-in throttling.
//
// Why a hook on the HTTP server: `next start` passes handlers only a request's headers, and
// fills X-Forwarded-For with the socket's address only when the client did not send one
// (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`). A client that
// writes its own X-Forwarded-For would hide its address from every handler.
//
// How: instrumentation.ts calls capturePeerAddresses() once. It wraps http(s).Server's emit,
// which Node looks up on the prototype for every 'request' event, so it also reaches the
// server `next start` created before register() ran. Each request gets PEER_HEADER set to the
// socket's address, replacing whatever the client sent under that name.
//
// The server starts listening before register() runs, so the first requests can be emitted
// before the hook exists and still carry a client's own PEER_HEADER. The value therefore
// starts with a secret made at start-up; a value without it is not believed.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { normalizeAddress, parseTrustProxy } from "@/lib/client-address";

export const PEER_HEADER = "x-pd-peer-address";

// Shared through globalThis: instrumentation and the server actions are separate bundles,
// each with its own copy of this module, in one process.
const PROOF_KEY = Symbol.for("provenance-desk.peer-address-proof");
type ProofHolder = { [PROOF_KEY]?: string };

function proof(): string | undefined {
  return (globalThis as ProofHolder)[PROOF_KEY];
}

function stamp(req: http.IncomingMessage, secret: string): void {
  delete req.headers[PEER_HEADER];
  const address = normalizeAddress(req.socket?.remoteAddress);
  if (address !== null) req.headers[PEER_HEADER] = `${secret} ${address}`;
}

/** Installs the hook (once per process). */
export function installPeerAddressCapture(): void {
  const holder = globalThis as ProofHolder;
  if (holder[PROOF_KEY] !== undefined) return;
  const secret = randomBytes(24).toString("hex");
  holder[PROOF_KEY] = secret;
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") stamp(args[0] as http.IncomingMessage, secret);
      return emit.call(this, event, ...args);
    };
  }
}

/** The peer address put on this request by the hook, or null when it did not come from it. */
export function peerAddressFromHeaders(headers: { get(name: string): string | null }): string | null {
  const secret = proof();
  const value = headers.get(PEER_HEADER);
  if (secret === undefined || value === null) return null;
  const space = value.indexOf(" ");
  const given = Buffer.from(space === -1 ? "" : value.slice(0, space));
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return normalizeAddress(value.slice(space + 1));
}

/** TRUST_PROXY as a number of hops; throws the setting's error message when it is invalid. */
export function trustProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const setting = parseTrustProxy(env.TRUST_PROXY);
  if (!setting.ok) throw new Error(setting.error);
  return setting.hops;
}

/**
 * For instrumentation.ts: refuses to start on an invalid TRUST_PROXY (a wrong guess either
 * way would merge every client into one address or let clients pick their own), then hooks.
 */
export function capturePeerAddresses(): void {
  const setting = parseTrustProxy(process.env.TRUST_PROXY);
  if (!setting.ok) {
    console.error(`Provenance Desk cannot start: ${setting.error}`);
    process.exit(1);
  }
  installPeerAddressCapture();
}
