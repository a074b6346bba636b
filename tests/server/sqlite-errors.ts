// What SQLite said when it refused a write. drizzle's asynchronous drivers wrap the driver's
// error in a "Failed query: …" error and keep SQLite's own as its cause, so a test that
// expects a constraint to refuse a write reads the cause when there is one.

/** SQLite's message for a refused write; fails when the write is accepted. */
export async function refusal(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String((error as Error).message);
  }
  throw new Error("The write was accepted, but it should have been refused.");
}
