// The address a sign-in counts against, taken from a real Node HTTP server with the peer
// address hook installed the way instrumentation.ts installs it: after the server exists,
// as `next start` does. Only next/headers is stood in for (it needs a Next request): it hands
// clientAddress() exactly the headers the HTTP server received.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_LOGIN_POLICY as P } from "@/lib/login-throttle";
import { clientAddress } from "@/lib/server/auth";
import { installPeerAddressCapture, peerAddressFromHeaders, PEER_HEADER } from "@/lib/server/peer-address";
import { throttledSignIn, type ThrottledSignIn } from "@/lib/server/throttle";

const request = { headers: new Headers() };
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined }) }));

let server: http.Server;
let baseUrl = "";
// Like next start's request listener, which holds requests until Next's handlers are ready.
let ready: Promise<void> = Promise.resolve();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void ready.then(() => {
      const entries = Object.entries(req.headers).map(([name, value]): [string, string] => [name, [value ?? ""].flat().join(", ")]);
      request.headers = new Headers(entries);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

/** Sends a request with these headers; afterwards clientAddress() answers for it. */
async function send(headers: Record<string, string>): Promise<void> {
  const res = await fetch(baseUrl, { headers });
  await res.text();
}

describe("the peer address hook", () => {
  it("does not believe a peer header sent before the hook was installed", async () => {
    let release = (): void => undefined;
    ready = new Promise((resolve) => (release = resolve));
    const emitted = new Promise((resolve) => server.once("request", resolve));
    const sent = send({ [PEER_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.66" });
    await emitted;
    installPeerAddressCapture();
    release();
    await sent;
    expect(peerAddressFromHeaders(request.headers)).toBeNull();
    expect(await clientAddress()).toBe("unknown");
  });

  it("reaches a server created before it was installed and replaces a client's own peer header", async () => {
    await send({ [PEER_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.66" });
    expect(peerAddressFromHeaders(request.headers)).toBe("127.0.0.1");
    expect(await clientAddress()).toBe("127.0.0.1");
  });

  it("does not believe a peer header that lacks the secret", () => {
    expect(peerAddressFromHeaders(new Headers({ [PEER_HEADER]: "203.0.113.66" }))).toBeNull();
    expect(peerAddressFromHeaders(new Headers({ [PEER_HEADER]: `${"0".repeat(48)} 203.0.113.66` }))).toBeNull();
  });
});

describe("a locked username and address cannot be walked around with X-Forwarded-For", () => {
  /** One wrong password for `username`, from whatever address the request resolves to. */
  async function attempt(username: string, headers: Record<string, string>): Promise<ThrottledSignIn> {
    await send(headers);
    return throttledSignIn(username, await clientAddress(), async () => ({ status: "invalid" }), { sleep: async () => undefined });
  }

  it("with TRUST_PROXY unset, counts every made-up X-Forwarded-For as the real peer", async () => {
    for (let i = 1; i <= P.pair.lockAfter!; i++) await attempt("ada", { "x-forwarded-for": `198.51.100.${i}` });
    const spoofed = await attempt("ada", { "x-forwarded-for": "198.51.100.200", "x-real-ip": "198.51.100.201" });
    expect(spoofed).toMatchObject({ status: "paused", scope: "pair" });
  });

  it("with TRUST_PROXY=1, counts the right-most X-Forwarded-For entry, not the first", async () => {
    process.env.TRUST_PROXY = "1";
    for (let i = 1; i <= P.pair.lockAfter!; i++) await attempt("bea", { "x-forwarded-for": `198.51.100.${i}, 203.0.113.5` });
    expect(await attempt("bea", { "x-forwarded-for": "192.0.2.99, 203.0.113.5" })).toMatchObject({ status: "paused", scope: "pair" });
    expect(await attempt("bea", { "x-forwarded-for": "203.0.113.5, 192.0.2.44" })).toMatchObject({ status: "invalid" });
  });

  it("refuses to guess when TRUST_PROXY is not a number of proxies", async () => {
    process.env.TRUST_PROXY = "true";
    await send({});
    await expect(clientAddress()).rejects.toThrow(/TRUST_PROXY must be the number of proxies/);
  });
});
