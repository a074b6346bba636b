// What one load phase saw, per route: latencies, status codes, and the two failures the issue
// names (any 5xx, and any body mentioning SQLITE_BUSY or "database is locked").
import { percentile } from "../machine";

export const ROUTES = {
  signIn: "POST /login (sign in, server action)",
  list: "GET /projects/[id] (document list page)",
  page: "GET …/documents/[id] (document page)",
  spans: "GET …/annotations (span list, JSON)",
  create: "POST …/annotations (create span)",
  edit: "PATCH …/annotations/[id] (edit span)",
  remove: "DELETE …/annotations/[id] (delete span)",
} as const;
export type RouteKey = keyof typeof ROUTES;

const BUSY = /SQLITE_BUSY|database is locked/i;

interface RouteRecord {
  latencies: number[];
  statuses: Map<number, number>;
}

export interface RouteSummary {
  route: RouteKey;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: string;
}

export class Recorder {
  private readonly routes = new Map<RouteKey, RouteRecord>();
  serverErrors = 0;
  busyBodies = 0;
  networkErrors = 0;
  /** A few unexpected replies, to show what went wrong. */
  readonly samples: string[] = [];

  record(route: RouteKey, status: number, ms: number, body: string, expected: number): void {
    let entry = this.routes.get(route);
    if (entry === undefined) {
      entry = { latencies: [], statuses: new Map() };
      this.routes.set(route, entry);
    }
    entry.latencies.push(ms);
    entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
    if (status >= 500) this.serverErrors++;
    if (BUSY.test(body)) this.busyBodies++;
    if (status !== expected && this.samples.length < 8) this.samples.push(`${ROUTES[route]} → ${status}: ${body.slice(0, 300)}`);
  }

  recordNetworkError(route: RouteKey, error: unknown): void {
    this.networkErrors++;
    if (this.samples.length < 8) this.samples.push(`${ROUTES[route]} → network error: ${String(error)}`);
  }

  count(except: RouteKey[] = []): number {
    let n = 0;
    for (const [route, entry] of this.routes) if (!except.includes(route)) n += entry.latencies.length;
    return n;
  }

  /** Median and p99 over every route but sign-in. */
  overall(): { p50: number; p99: number } {
    const all: number[] = [];
    for (const [route, entry] of this.routes) if (route !== "signIn") for (const ms of entry.latencies) all.push(ms);
    return all.length ? { p50: percentile(all, 50), p99: percentile(all, 99) } : { p50: NaN, p99: NaN };
  }

  summary(): RouteSummary[] {
    return (Object.keys(ROUTES) as RouteKey[])
      .filter((route) => this.routes.has(route))
      .map((route) => {
        const { latencies, statuses } = this.routes.get(route)!;
        const codes = [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([code, n]) => `${code}×${n}`)
          .join(", ");
        return {
          route,
          count: latencies.length,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: latencies.reduce((a, b) => Math.max(a, b), 0),
          statuses: codes,
        };
      });
  }
}
