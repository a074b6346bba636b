// A fresh, empty PostgreSQL database for one test file, in the cluster tests/pg-global-setup.ts
// started; the app migrates it on first use, as it does a new SQLite file.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** Creates a database and answers its URL; `drop` removes it (after the app closed its pool). */
export async function createTestDatabase(adminUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${label
    .replace(/[^a-z0-9]+/gi, "_")
    .toLowerCase()
    .slice(0, 40)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" encoding 'UTF8' template template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await client.end();
    }
  };
  return { url: url.toString(), drop };
}
