// A manager removes a reviewer from a document on the team page, after a confirmation: the
// document leaves the reviewer's queue, their span stays in review, and the removal is audited.
import { and, count, eq, isNull } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, auditLog } from "@/db/tables";
import { assignDocument } from "@/lib/server/assignment-plan";
import { launchBrowser, setUpFirstAdmin, signIn, snapshot, startServer, type TestServer } from "./harness";
import { REVIEWER_PASSWORD, seedDocument, seedProject, seedSpans, userNamed, useServerDatabase } from "./review-seed";

const TEXT = "The council said the flood barrier will cost four million. Residents were not consulted.";
const TITLE = "Flood barrier costs";

let server: TestServer;
let browser: Browser;
let manager: Page;
let rhea: Page;
let projectId = 0;
let documentId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  manager = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await setUpFirstAdmin(manager, server.baseUrl);
  useServerDatabase(server);
  const ada = await userNamed("ada");
  projectId = await seedProject(ada, "Flood desk", [
    { username: "rhea", displayName: "Rhea Reviewer" },
    { username: "remy", displayName: "Remy Reviewer" },
  ]);
  documentId = await seedDocument(projectId, TITLE, TEXT);
  for (const name of ["rhea", "remy"]) expect((await assignDocument(ada, projectId, { documentId, userId: (await userNamed(name)).id })).ok).toBe(true);
  await seedSpans(await userNamed("rhea"), projectId, documentId, TEXT, [{ kind: "claim", exact: "the flood barrier will cost four million" }]);
  rhea = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(rhea, server.baseUrl, "rhea", REVIEWER_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("removing an assignment", () => {
  it("asks first, and Cancel or Esc removes nothing", async () => {
    await rhea.goto(`${server.baseUrl}/queue`);
    await rhea.getByRole("link", { name: TITLE }).waitFor();

    await manager.goto(`${server.baseUrl}/projects/${projectId}/team`);
    const remove = manager.getByRole("button", { name: `Remove Rhea Reviewer from “${TITLE}”` });
    await remove.click();
    const dialog = manager.getByRole("dialog", { name: `Remove Rhea Reviewer from “${TITLE}”?` });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("Spans they made on it stay, in the document and in review");
    await snapshot(manager, "team-unassign-confirm-1280");
    await manager.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => manager.evaluate(() => document.activeElement?.textContent)).toBe("Remove");
    await remove.click();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(remove.count()).resolves.toBe(1);
  });

  it("removes it: gone from the reviewer's queue, the span stays in review, and the audit log has it", async () => {
    await manager.getByRole("button", { name: `Remove Rhea Reviewer from “${TITLE}”` }).click();
    await manager.getByRole("dialog").getByRole("button", { name: "Remove assignment" }).click();
    await manager.getByText(`Removed Rhea Reviewer from “${TITLE}”. Their 1 span stays in the document and in review.`).waitFor();
    await manager.getByRole("button", { name: `Remove Rhea Reviewer from “${TITLE}”` }).waitFor({ state: "detached" });
    await expect(manager.getByRole("button", { name: `Remove Remy Reviewer from “${TITLE}”` }).count()).resolves.toBe(1);
    await snapshot(manager, "team-unassign-done-1280");
    await manager.setViewportSize({ width: 390, height: 844 });
    await snapshot(manager, "team-unassign-done-390");
    await manager.setViewportSize({ width: 1280, height: 900 });

    await rhea.reload();
    await rhea.getByRole("heading", { name: "Your queue" }).waitFor();
    await expect(rhea.getByRole("link", { name: TITLE }).count()).resolves.toBe(0);

    await manager.goto(`${server.baseUrl}/projects/${projectId}/review/${documentId}`);
    const card = manager.getByTestId("difference").filter({ has: manager.locator("mark", { hasText: "the flood barrier will cost four million" }) });
    await expect(card.count()).resolves.toBe(1);
    await expect(card.textContent()).resolves.toContain("Rhea Reviewer");

    const rheaId = (await userNamed("rhea")).id;
    const entries = await getDb().select({ entity: auditLog.entity, before: auditLog.before }).from(auditLog).where(eq(auditLog.action, "unassign"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: "assignment", before: { documentId, userId: rheaId, status: "in_progress" } });
    const spans = await getDb()
      .select({ n: count() })
      .from(annotations)
      .where(and(eq(annotations.annotatorId, rheaId), isNull(annotations.deletedAt)));
    expect(spans).toEqual([{ n: 1 }]);
  });
});
