// The asynchronous data layer on one SQLite connection: a transaction that awaits between its
// statements must not let another request's statements into it (nor show them its rows).
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, withSqlite, type RunResult } from "@/db";
import { users } from "@/db/tables";
import { first } from "@/db/rows";

let counter = 0;
const name = (): string => `gate${++counter}`;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function insertUser(username: string): Promise<void> {
  await getDb().insert(users).values({ username, displayName: username, passwordHash: "x" });
}

async function exists(username: string): Promise<boolean> {
  return (await first(getDb().select({ id: users.id }).from(users).where(eq(users.username, username)))) !== undefined;
}

describe("the transaction gate", () => {
  it("keeps another request's read out of an open transaction until it commits", async () => {
    const inside = name();
    let seen: string | undefined;
    await insertUser(inside);
    const writer = getDb().transaction(async (tx) => {
      await tx.update(users).set({ displayName: "half done" }).where(eq(users.username, inside));
      await pause(30);
      await tx.update(users).set({ displayName: "done" }).where(eq(users.username, inside));
    });
    // Starts while the writer sleeps inside its transaction; must wait and then see the commit.
    const reader = (async (): Promise<void> => {
      await pause(5);
      seen = (await first(getDb().select().from(users).where(eq(users.username, inside))))?.displayName;
    })();
    await Promise.all([writer, reader]);
    expect(seen).toBe("done");
  });

  it("does not roll back another request's write when an open transaction fails", async () => {
    const doomed = name();
    const bystander = name();
    const writer = getDb().transaction(async (tx) => {
      await tx.insert(users).values({ username: doomed, displayName: doomed, passwordHash: "x" });
      await pause(30);
      throw new Error("changed my mind");
    });
    const other = (async (): Promise<void> => {
      await pause(5);
      await insertUser(bystander);
    })();
    await expect(writer).rejects.toThrow("changed my mind");
    await other;
    expect(await exists(doomed)).toBe(false);
    expect(await exists(bystander)).toBe(true);
  });

  it("runs transactions one after another, each seeing the one before", async () => {
    const counterName = name();
    await insertUser(counterName);
    const bump = (): Promise<void> =>
      getDb().transaction(async (tx) => {
        const row = await first(tx.select().from(users).where(eq(users.username, counterName)));
        await pause(2);
        await tx
          .update(users)
          .set({ displayName: String(Number(row!.displayName === counterName ? 0 : row!.displayName) + 1) })
          .where(eq(users.username, counterName));
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    const row = await first(getDb().select().from(users).where(eq(users.username, counterName)));
    expect(row?.displayName).toBe("10");
  });

  it("nests a transaction opened inside another as a savepoint", async () => {
    const kept = name();
    const undone = name();
    await getDb().transaction(async (tx) => {
      await tx.insert(users).values({ username: kept, displayName: kept, passwordHash: "x" });
      await expect(
        getDb().transaction(async () => {
          await insertUser(undone);
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    expect(await exists(kept)).toBe(true);
    expect(await exists(undone)).toBe(false);
  });

  it("makes a raw read wait for the open transaction", async () => {
    const inside = name();
    let count: number | undefined;
    const writer = getDb().transaction(async (tx) => {
      await tx.insert(users).values({ username: inside, displayName: inside, passwordHash: "x" });
      await pause(20);
      await tx.delete(users).where(eq(users.username, inside));
    });
    const reader = (async (): Promise<void> => {
      await pause(5);
      count = await withSqlite((sqlite) => (sqlite.prepare("select count(*) as n from users where username = ?").get(inside) as { n: number }).n);
    })();
    await Promise.all([writer, reader]);
    expect(count).toBe(0);
  });

  it("reports how many rows a write changed", async () => {
    const username = name();
    await insertUser(username);
    const result = (await getDb().run(sql`update users set display_name = 'changed' where username = ${username}`)) as unknown as RunResult;
    expect(result.changes).toBe(1);
  });
});
