// Two `next start` processes on one PostgreSQL database, as behind a load balancer: they start
// together on an empty database (one migrates, the other waits for its advisory lock; the demo
// project is loaded once), a span
// saved through one is served by the other, a stale edit through the second is refused with the
// current version, a session made on one is valid on the other and ends on both when its owner
// signs out, and wrong passwords count towards one pause whichever instance they reach.
// PostgreSQL only (project e2e-pg): two processes cannot share the embedded SQLite this way.
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createFirstAdminOverHttp, signInOverHttp } from "./http-session";
import { launchBrowser, signIn, signOut, startServer, type TestServer } from "./harness";
import { REVIEWER_PASSWORD, seedDocument, seedProject, userNamed, useServerDatabase } from "./review-seed";
import { createServerDatabase, onServerDatabase } from "./server-database";
import { PAUSE_STARTED, PAUSED, trySignIn, wrong } from "./sign-in-attempts";
import { highlightTexts } from "./workspace-helpers";
import { projects } from "@/db/tables";

const TEXT = "The harbour authority said the new quay will open in May. Fishermen doubt it.";
const CLAIM = "the new quay will open in May";

let first: TestServer;
let second: TestServer;
let removeDatabase: () => Promise<void> = async () => undefined;
let browser: Browser;
let projectId = 0;
let documentId = 0;

const spansPath = (): string => `/api/projects/${projectId}/documents/${documentId}/annotations`;

async function freshPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

beforeAll(async () => {
  const made = await createServerDatabase("two_instances");
  removeDatabase = made.remove;
  // Both at once on the empty database: the migrations run once, under the advisory lock.
  [first, second, browser] = await Promise.all([
    startServer({ database: made.database, demo: true }),
    startServer({ database: made.database, demo: true }),
    launchBrowser(),
  ]);
  await createFirstAdminOverHttp(first.baseUrl, "ada", "a long admin password");
  useServerDatabase(first);
  projectId = await seedProject(await userNamed("ada"), "Harbour desk", [
    { username: "bea", displayName: "Bea Reviewer" },
    { username: "cyd", displayName: "Cyd Reviewer" },
  ]);
  documentId = await seedDocument(projectId, "Quay opening", TEXT);
});

afterAll(async () => {
  await browser?.close();
  await second?.stop();
  await first?.stop();
  await removeDatabase();
});

describe("two instances on one PostgreSQL database", () => {
  it("loads the demo project once, though both instances started together on the empty database", async () => {
    const demos = await onServerDatabase(first, (db) => db.select({ id: projects.id }).from(projects).where(eq(projects.isDemo, true)));
    expect(demos).toHaveLength(1);
  });

  it("serves through the second instance a span saved through the first, in the API and on the page", async () => {
    const cookie = await signInOverHttp(first.baseUrl, "bea", REVIEWER_PASSWORD);
    const start = TEXT.indexOf(CLAIM);
    const saved = await api(first.baseUrl, cookie, "POST", spansPath(), { kind: "claim", start, end: start + CLAIM.length, exact: CLAIM });
    expect(saved.status).toBe(201);
    const served = await api(second.baseUrl, cookie, "GET", spansPath());
    expect(served.status).toBe(200);
    expect(served.json.annotations).toEqual([expect.objectContaining({ id: saved.json.id, kind: "claim", exact: CLAIM, version: 1 })]);

    const page = await freshPage();
    await signIn(page, second.baseUrl, "bea", REVIEWER_PASSWORD);
    await page.goto(`${second.baseUrl}/projects/${projectId}/documents/${documentId}`);
    await expect.poll(() => highlightTexts(page, "pd-claim")).toEqual([CLAIM]);
    await page.context().close();
  });

  it("refuses through the second instance an edit made on a version the first has replaced, naming the current version", async () => {
    const cookie = await signInOverHttp(second.baseUrl, "bea", REVIEWER_PASSWORD);
    const [span] = (await api(first.baseUrl, cookie, "GET", spansPath())).json.annotations as { id: number; version: number }[];
    const edited = await api(first.baseUrl, cookie, "PATCH", `${spansPath()}/${span!.id}`, { version: span!.version, note: "checked with the port" });
    expect(edited.status).toBe(200);
    expect(edited.json.version).toBe(span!.version + 1);

    const stale = await api(second.baseUrl, cookie, "PATCH", `${spansPath()}/${span!.id}`, { version: span!.version, note: "an older tab" });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: "stale", current: { id: span!.id, version: span!.version + 1, note: "checked with the port" } });
  });

  it("accepts on the other instance a session made on one, and ends it on both when its owner signs out", async () => {
    const page = await freshPage();
    await signIn(page, first.baseUrl, "bea", REVIEWER_PASSWORD);
    // One host, two ports: the browser sends the session cookie to both, as to two instances behind one name.
    await page.goto(`${second.baseUrl}/`);
    await page.getByRole("heading", { name: "Projects" }).waitFor();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await api(second.baseUrl, cookie, "GET", spansPath())).status).toBe(200);

    await signOut(page);
    expect((await api(first.baseUrl, cookie, "GET", spansPath())).status).toBe(401);
    expect((await api(second.baseUrl, cookie, "GET", spansPath())).status).toBe(401);
    await page.context().close();
  });

  it("counts wrong passwords sent to either instance towards one pause, which both then keep", async () => {
    const page = await freshPage();
    for (let left = 9; left >= 1; left--) {
      const server = left % 2 === 1 ? first : second;
      expect(await trySignIn(page, server.baseUrl, "cyd", "not the password")).toBe(wrong(left));
    }
    expect(await trySignIn(page, second.baseUrl, "cyd", "not the password")).toBe(PAUSE_STARTED);
    expect(await trySignIn(page, first.baseUrl, "cyd", REVIEWER_PASSWORD)).toMatch(PAUSED);
    expect(await trySignIn(page, second.baseUrl, "cyd", REVIEWER_PASSWORD)).toMatch(PAUSED);
    await page.context().close();
  }, 120_000);
});
