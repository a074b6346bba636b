// A browser-like HTTP client for one simulated reviewer: node:http with its own keep-alive agent
// (one connection, as a tab's sequential requests use), the session cookie, and an Origin
// header on writes (proxy.ts refuses cross-origin posts). Every request is timed from the
// moment it is sent to the last byte of the body.
import http from "node:http";

export interface Reply {
  status: number;
  body: string;
  location: string | null;
  setCookies: string[];
  ms: number;
}

export interface RequestOptions {
  method?: string;
  body?: string | Buffer;
  contentType?: string;
}

export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;
  private cookie = "";

  constructor(baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  /** Keeps the cookies a reply sets, as a browser would (only name=value matters here). */
  keepCookies(reply: Reply): void {
    const jar = new Map(
      this.cookie
        .split("; ")
        .filter(Boolean)
        .map((c) => [c.split("=")[0]!, c] as const),
    );
    for (const header of reply.setCookies) {
      const pair = header.split(";")[0]!;
      jar.set(pair.split("=")[0]!, pair);
    }
    this.cookie = [...jar.values()].join("; ");
  }

  hasCookie(name: string): boolean {
    return this.cookie.split("; ").some((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
  }

  request(path: string, options: RequestOptions = {}): Promise<Reply> {
    const method = options.method ?? "GET";
    const headers: Record<string, string> = { accept: method === "GET" ? "text/html,application/json" : "application/json" };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== "GET") headers.origin = this.url.origin;
    if (options.body !== undefined) {
      headers["content-type"] = options.contentType ?? "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.url.hostname, port: this.url.port, path, method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"];
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            location: res.headers.location ?? null,
            setCookies: setCookie ?? [],
            ms: performance.now() - started,
          });
        });
      });
      req.on("error", reject);
      req.end(options.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
