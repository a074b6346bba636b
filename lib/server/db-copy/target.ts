// The PostgreSQL side: the --to address, a pool that has proven it can reach the server, and
// the connection failures a person can act on turned into plain sentences.
import pg from "pg";
import { CopyError } from "./errors";

/** The --to address, checked for form: postgres:// or postgresql://. */
export function parseTargetUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CopyError(`--to must be a PostgreSQL address such as postgres://user:password@host:5432/database (got “${value.slice(0, 60)}”).`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new CopyError(`--to must be a postgres:// or postgresql:// address (got a ${url.protocol}// address).`);
  }
  return value;
}

/** Where the address points, without the password, for messages. */
export function describeTarget(value: string): string {
  const url = new URL(value);
  // postgres:///db?host=/run/postgresql names a unix socket folder instead of a host.
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  return `${host}:${url.port || "5432"}${url.pathname === "/" ? "" : url.pathname}`;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** A plain sentence for a failure to connect, or null when the error is something else. */
export function connectionProblem(error: unknown, where: string): string | null {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach the PostgreSQL server at ${where}: connection refused. Is the server running, and on that port?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach the PostgreSQL server at ${where}: the host name does not resolve.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `Cannot reach the PostgreSQL server at ${where}: ${message ?? code}.`;
    case "28P01":
    case "28000":
      return `The PostgreSQL server at ${where} refused the sign-in: ${message}.`;
    case "3D000":
      return `The PostgreSQL server at ${where} has no such database: ${message}. Create it first (createdb).`;
    default:
      if (message?.includes("timeout")) return `Cannot reach the PostgreSQL server at ${where}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s.`;
      return null;
  }
}

/** A pool on the --to database, after one round trip has proven the server answers. */
export async function connectTarget(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client's network error would otherwise be an unhandled 'error' event.
  pool.on("error", () => undefined);
  try {
    await pool.query("select 1");
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    const problem = connectionProblem(error, describeTarget(url));
    if (problem !== null) throw new CopyError(problem);
    throw error;
  }
}
