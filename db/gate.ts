// One SQLite connection serves every request, and its queries are now awaited. A transaction
// that awaits between two statements hands the event loop to other requests; on a shared
// connection their statements would run inside the open transaction (seeing its uncommitted
// rows, or being rolled back with it). The gate keeps them out: one transaction at a time, and
// while it is open, only its own async context may use the connection; everyone else waits.
import { AsyncLocalStorage } from "node:async_hooks";

export class TransactionGate {
  private readonly context = new AsyncLocalStorage<symbol>();
  private owner: symbol | undefined;
  private ownerDone: Promise<void> = Promise.resolve();
  private tail: Promise<void> = Promise.resolve();

  /** True when the caller runs inside the open transaction (so it must not wait for itself). */
  holds(): boolean {
    return this.owner !== undefined && this.context.getStore() === this.owner;
  }

  /** True when another context's transaction is open and the caller has to wait for it. */
  mustWait(): boolean {
    return this.owner !== undefined && this.context.getStore() !== this.owner;
  }

  /** Resolves once no other context holds the connection. */
  async clear(): Promise<void> {
    while (this.mustWait()) await this.ownerDone;
  }

  /** Runs `body` as the only user of the connection, after every transaction queued before it. */
  async exclusive<T>(body: () => Promise<T>): Promise<T> {
    const before = this.tail;
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.tail = before.then(() => done);
    await before;
    const token = Symbol("transaction");
    this.owner = token;
    this.ownerDone = done;
    try {
      return await this.context.run(token, body);
    } finally {
      this.owner = undefined;
      finish();
    }
  }
}
