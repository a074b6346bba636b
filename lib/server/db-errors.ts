// Recognising a database refusal. drizzle wraps a driver's error in its own (the failed SQL
// and parameters in the message, the driver's error as `cause`), so look along the chain.

/** The messages of `error` and of every error it was caused by, outermost first. */
function messages(error: unknown): string[] {
  const out: string[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && out.length < 5; e = (e as { cause?: unknown }).cause) out.push(String(e));
  return out;
}

/** True when the write broke a unique constraint (optionally: one whose message names `hint`). */
export function isUniqueViolation(error: unknown, hint?: string): boolean {
  return messages(error).some((m) => m.includes("UNIQUE constraint failed") && (hint === undefined || m.includes(hint)));
}
