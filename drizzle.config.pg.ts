// PostgreSQL migrations (db/pg): `npx drizzle-kit generate --config drizzle.config.pg.ts`.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
  strict: true,
  verbose: true,
});
