import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { DEMO_ARTICLES } from "@/db/seed/demo";
import { annotations, documents, projects, sources, users } from "@/db/schema";
import { ensureDemoProject } from "@/lib/server/demo";

// Linking refuses here, as it would after a change to its rules that the demo did not follow.
vi.mock("@/lib/server/claim-links", () => ({
  linkSpans: () => ({ ok: false, status: 409, code: "invalid", error: "refused for the test" }),
}));

const rows = (table: typeof users | typeof annotations | typeof sources | typeof documents | typeof projects): number =>
  getDb().select({ n: count() }).from(table).get()!.n;

describe("the demo project when one of its steps is refused", () => {
  it("leaves none of the annotation steps behind and still loads the articles", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(ensureDemoProject()).toBe(true);
    expect(logged.mock.calls[0]?.[0]).toMatch(/refused for the test.*articles alone/);
    expect(rows(projects)).toBe(1);
    expect(rows(documents)).toBe(DEMO_ARTICLES.length);
    // The team, their sources and their spans were written before the refusal: all rolled back.
    expect(rows(users)).toBe(0);
    expect(rows(sources)).toBe(0);
    expect(rows(annotations)).toBe(0);
    logged.mockRestore();
  });
});
