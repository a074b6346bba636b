// Recognising a database refusal, on SQLite or PostgreSQL. drizzle wraps a driver's error in
// its own (the failed SQL and parameters in the message, the driver's error as `cause`), so
// look along the chain.

interface DriverError {
  message?: string;
  /** PostgreSQL's SQLSTATE (node-postgres); SQLite's is a name such as SQLITE_CONSTRAINT_UNIQUE. */
  code?: string;
  table?: string;
  constraint?: string;
  cause?: unknown;
}

/** `error` and every error it was caused by, outermost first. */
function chain(error: unknown): DriverError[] {
  const out: DriverError[] = [];
  for (let e: unknown = error; typeof e === "object" && e !== null && out.length < 5; e = (e as DriverError).cause) out.push(e as DriverError);
  return out;
}

const UNIQUE_VIOLATION = "23505";

/** True when the write broke a unique constraint (optionally: one on table `hint`). */
export function isUniqueViolation(error: unknown, hint?: string): boolean {
  return chain(error).some((e) =>
    e.code === UNIQUE_VIOLATION
      ? hint === undefined || e.table === hint
      : String(e.message).includes("UNIQUE constraint failed") && (hint === undefined || String(e.message).includes(hint)),
  );
}
