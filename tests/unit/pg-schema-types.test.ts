// A row of db/pg/schema.ts (PostgreSQL) has the same TypeScript type as one of db/schema.ts
// (SQLite), read ($inferSelect) or written ($inferInsert), so the data layer can serve either
// dialect to the rest of the app. These are type-level assertions: `npx tsc --noEmit` fails on a
// difference (at run time vitest only counts them).
import { describe, expectTypeOf, it } from "vitest";
import type * as pg from "@/db/pg/schema";
import type * as sqlite from "@/db/schema";

describe("a PostgreSQL row has the SQLite row's type", () => {
  it("users", () => {
    expectTypeOf<typeof pg.users.$inferSelect>().toEqualTypeOf<typeof sqlite.users.$inferSelect>();
    expectTypeOf<typeof pg.users.$inferInsert>().toEqualTypeOf<typeof sqlite.users.$inferInsert>();
  });
  it("sessions", () => {
    expectTypeOf<typeof pg.sessions.$inferSelect>().toEqualTypeOf<typeof sqlite.sessions.$inferSelect>();
    expectTypeOf<typeof pg.sessions.$inferInsert>().toEqualTypeOf<typeof sqlite.sessions.$inferInsert>();
  });
  it("apiTokens", () => {
    expectTypeOf<typeof pg.apiTokens.$inferSelect>().toEqualTypeOf<typeof sqlite.apiTokens.$inferSelect>();
    expectTypeOf<typeof pg.apiTokens.$inferInsert>().toEqualTypeOf<typeof sqlite.apiTokens.$inferInsert>();
  });
  it("loginThrottle", () => {
    expectTypeOf<typeof pg.loginThrottle.$inferSelect>().toEqualTypeOf<typeof sqlite.loginThrottle.$inferSelect>();
    expectTypeOf<typeof pg.loginThrottle.$inferInsert>().toEqualTypeOf<typeof sqlite.loginThrottle.$inferInsert>();
  });
  it("projects", () => {
    expectTypeOf<typeof pg.projects.$inferSelect>().toEqualTypeOf<typeof sqlite.projects.$inferSelect>();
    expectTypeOf<typeof pg.projects.$inferInsert>().toEqualTypeOf<typeof sqlite.projects.$inferInsert>();
  });
  it("projectMembers", () => {
    expectTypeOf<typeof pg.projectMembers.$inferSelect>().toEqualTypeOf<typeof sqlite.projectMembers.$inferSelect>();
    expectTypeOf<typeof pg.projectMembers.$inferInsert>().toEqualTypeOf<typeof sqlite.projectMembers.$inferInsert>();
  });
  it("outlets", () => {
    expectTypeOf<typeof pg.outlets.$inferSelect>().toEqualTypeOf<typeof sqlite.outlets.$inferSelect>();
    expectTypeOf<typeof pg.outlets.$inferInsert>().toEqualTypeOf<typeof sqlite.outlets.$inferInsert>();
  });
  it("stories", () => {
    expectTypeOf<typeof pg.stories.$inferSelect>().toEqualTypeOf<typeof sqlite.stories.$inferSelect>();
    expectTypeOf<typeof pg.stories.$inferInsert>().toEqualTypeOf<typeof sqlite.stories.$inferInsert>();
  });
  it("documents", () => {
    expectTypeOf<typeof pg.documents.$inferSelect>().toEqualTypeOf<typeof sqlite.documents.$inferSelect>();
    expectTypeOf<typeof pg.documents.$inferInsert>().toEqualTypeOf<typeof sqlite.documents.$inferInsert>();
  });
  it("segments", () => {
    expectTypeOf<typeof pg.segments.$inferSelect>().toEqualTypeOf<typeof sqlite.segments.$inferSelect>();
    expectTypeOf<typeof pg.segments.$inferInsert>().toEqualTypeOf<typeof sqlite.segments.$inferInsert>();
  });
  it("sources", () => {
    expectTypeOf<typeof pg.sources.$inferSelect>().toEqualTypeOf<typeof sqlite.sources.$inferSelect>();
    expectTypeOf<typeof pg.sources.$inferInsert>().toEqualTypeOf<typeof sqlite.sources.$inferInsert>();
  });
  it("annotations", () => {
    expectTypeOf<typeof pg.annotations.$inferSelect>().toEqualTypeOf<typeof sqlite.annotations.$inferSelect>();
    expectTypeOf<typeof pg.annotations.$inferInsert>().toEqualTypeOf<typeof sqlite.annotations.$inferInsert>();
  });
  it("assignments", () => {
    expectTypeOf<typeof pg.assignments.$inferSelect>().toEqualTypeOf<typeof sqlite.assignments.$inferSelect>();
    expectTypeOf<typeof pg.assignments.$inferInsert>().toEqualTypeOf<typeof sqlite.assignments.$inferInsert>();
  });
  it("perspectiveRatings", () => {
    expectTypeOf<typeof pg.perspectiveRatings.$inferSelect>().toEqualTypeOf<typeof sqlite.perspectiveRatings.$inferSelect>();
    expectTypeOf<typeof pg.perspectiveRatings.$inferInsert>().toEqualTypeOf<typeof sqlite.perspectiveRatings.$inferInsert>();
  });
  it("referenceRatings", () => {
    expectTypeOf<typeof pg.referenceRatings.$inferSelect>().toEqualTypeOf<typeof sqlite.referenceRatings.$inferSelect>();
    expectTypeOf<typeof pg.referenceRatings.$inferInsert>().toEqualTypeOf<typeof sqlite.referenceRatings.$inferInsert>();
  });
  it("adjudications", () => {
    expectTypeOf<typeof pg.adjudications.$inferSelect>().toEqualTypeOf<typeof sqlite.adjudications.$inferSelect>();
    expectTypeOf<typeof pg.adjudications.$inferInsert>().toEqualTypeOf<typeof sqlite.adjudications.$inferInsert>();
  });
  it("claimLinks", () => {
    expectTypeOf<typeof pg.claimLinks.$inferSelect>().toEqualTypeOf<typeof sqlite.claimLinks.$inferSelect>();
    expectTypeOf<typeof pg.claimLinks.$inferInsert>().toEqualTypeOf<typeof sqlite.claimLinks.$inferInsert>();
  });
  it("claimLinkSpans", () => {
    expectTypeOf<typeof pg.claimLinkSpans.$inferSelect>().toEqualTypeOf<typeof sqlite.claimLinkSpans.$inferSelect>();
    expectTypeOf<typeof pg.claimLinkSpans.$inferInsert>().toEqualTypeOf<typeof sqlite.claimLinkSpans.$inferInsert>();
  });
  it("suggestionDecisions", () => {
    expectTypeOf<typeof pg.suggestionDecisions.$inferSelect>().toEqualTypeOf<typeof sqlite.suggestionDecisions.$inferSelect>();
    expectTypeOf<typeof pg.suggestionDecisions.$inferInsert>().toEqualTypeOf<typeof sqlite.suggestionDecisions.$inferInsert>();
  });
  it("auditLog", () => {
    expectTypeOf<typeof pg.auditLog.$inferSelect>().toEqualTypeOf<typeof sqlite.auditLog.$inferSelect>();
    expectTypeOf<typeof pg.auditLog.$inferInsert>().toEqualTypeOf<typeof sqlite.auditLog.$inferInsert>();
  });
});

it("exports the same names as the SQLite schema", () => {
  expectTypeOf<keyof typeof pg>().toEqualTypeOf<keyof typeof sqlite>();
});
