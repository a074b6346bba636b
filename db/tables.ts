// The tables the app queries, for the database this process runs on (db/dialect.ts): the
// SQLite module (./schema.ts) or its PostgreSQL twin (./pg/schema.ts), which has the same
// exports, SQL names and row types (tests/unit/pg-schema-types.test.ts). The app's query code
// is written once, against the SQLite types, in the subset of drizzle both dialects share:
// queries are awaited (never .get(), .all() or .run(): SQLite-only; ESLint refuses them) and a
// first row is taken with `first()` from db/rows.ts.
import * as pgSchema from "./pg/schema";
import * as sqliteSchema from "./schema";
import { usesPostgres } from "./dialect";

export type * from "./schema";
export { OUTLET_KINDS } from "./schema";

type Tables = typeof sqliteSchema;

/** Every table of the chosen dialect, as drizzle's relational query API wants them. */
export const schema: Tables = (usesPostgres() ? pgSchema : sqliteSchema) as unknown as Tables;

export const {
  users,
  sessions,
  apiTokens,
  loginThrottle,
  projects,
  projectMembers,
  outlets,
  stories,
  documents,
  segments,
  sources,
  annotations,
  assignments,
  perspectiveRatings,
  referenceRatings,
  adjudications,
  claimLinks,
  claimLinkSpans,
  suggestionDecisions,
  auditLog,
} = schema;
