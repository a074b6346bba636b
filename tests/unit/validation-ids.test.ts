// Ids and versions past what a database integer holds name no row: refused before any query, so
// PostgreSQL's 32-bit integer columns never see them (it would answer with an error, not "none").
import { describe, expect, it } from "vitest";
import { updateAnnotationSchema } from "@/lib/validation/annotations";
import { MAX_DB_INTEGER, parseId } from "@/lib/validation/projects";

describe("database-sized ids", () => {
  it("takes a route id up to 2,147,483,647 and nothing past it", () => {
    expect(parseId(String(MAX_DB_INTEGER))).toBe(2_147_483_647);
    expect(parseId("2147483648")).toBeNull();
    expect(parseId("9007199254740991")).toBeNull();
  });

  it("refuses a span version or parent past it with a message", () => {
    const tooLarge = updateAnnotationSchema.safeParse({ version: 2 ** 31 });
    expect(tooLarge.success).toBe(false);
    expect(tooLarge.error?.issues[0]?.message).toMatch(/No such id or version \(at most 2,147,483,647\)/);
    expect(updateAnnotationSchema.safeParse({ version: 3, parentId: 2 ** 31 }).success).toBe(false);
    expect(updateAnnotationSchema.safeParse({ version: MAX_DB_INTEGER }).success).toBe(true);
  });
});
