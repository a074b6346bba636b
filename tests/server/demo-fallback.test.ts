import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { DEMO_ARTICLES } from "@/db/seed/demo";
import { annotations, documents, projects, sources, users } from "@/db/tables";
import { ensureDemoProject } from "@/lib/server/demo";
import { first } from "@/db/rows";

// Linking refuses here, as it would after a change to its rules that the demo did not follow.
vi.mock("@/lib/server/claim-links", () => ({
  linkSpans: async () => ({ ok: false, status: 409, code: "invalid", error: "refused for the test" }),
}));

const rows = async (table: typeof users | typeof annotations | typeof sources | typeof documents | typeof projects): Promise<number> =>
  (await first(getDb().select({ n: count() }).from(table)))!.n;

describe("the demo project when one of its steps is refused", () => {
  it("leaves none of the annotation steps behind and still loads the articles", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await ensureDemoProject()).toBe(true);
    expect(logged.mock.calls[0]?.[0]).toMatch(/refused for the test.*articles alone/);
    expect(await rows(projects)).toBe(1);
    expect(await rows(documents)).toBe(DEMO_ARTICLES.length);
    // The team, their sources and their spans were written before the refusal: all rolled back.
    expect(await rows(users)).toBe(0);
    expect(await rows(sources)).toBe(0);
    expect(await rows(annotations)).toBe(0);
    logged.mockRestore();
  });
});
