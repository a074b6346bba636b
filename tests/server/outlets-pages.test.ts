// The pages answer 404 to URLs naming a project the viewer is not in (or none at all), the
// same as for one that does not exist, so a URL reveals nothing. The page components run
// for real on a real database; only what Next.js provides per request is stubbed.
import { beforeAll, describe, expect, it, vi } from "vitest";
import OutletPage from "@/app/outlets/[outletId]/page";
import ProvenancePage from "@/app/projects/[projectId]/documents/[documentId]/segments/page";
import StoriesPage from "@/app/projects/[projectId]/stories/page";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, signInAs } from "./outlets-helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

/** What a page did: rendered, or threw Next's 404. */
async function outcome(render: Promise<unknown>): Promise<"rendered" | 404> {
  try {
    await render;
    return "rendered";
  } catch (error) {
    if (String((error as { digest?: string }).digest).endsWith(";404")) return 404;
    throw error;
  }
}

const p = (value: object) => Promise.resolve(value) as never;

let ana: SessionUser;
let stranger: SessionUser;
let projectId: number;
let documentId: number;
let outletId: number;

beforeAll(async () => {
  [ana, stranger] = [await reviewer("ana"), await reviewer("sam")];
  projectId = await project();
  await addMember(projectId, ana, "annotator");
  ({ documentId, outletId } = (await addDocument(projectId, { outlet: "Harbor Ledger" })) as { documentId: number; outletId: number });
});

describe("page URLs and membership", () => {
  it("renders the stories and provenance pages for a member", async () => {
    await signInAs(ana);
    expect(await outcome(StoriesPage({ params: p({ projectId: String(projectId) }) }))).toBe("rendered");
    expect(await outcome(ProvenancePage({ params: p({ projectId: String(projectId), documentId: String(documentId) }) }))).toBe("rendered");
  });

  it("answers 404 to a non-member's project URLs, as to a project that does not exist", async () => {
    await signInAs(stranger);
    expect(await outcome(StoriesPage({ params: p({ projectId: String(projectId) }) }))).toBe(404);
    expect(await outcome(StoriesPage({ params: p({ projectId: "999999" }) }))).toBe(404);
    expect(await outcome(ProvenancePage({ params: p({ projectId: String(projectId), documentId: String(documentId) }) }))).toBe(404);
  });

  it("shows any signed-in user an outlet's profile, but a project's ratings of it only to members", async () => {
    await signInAs(stranger);
    expect(await outcome(OutletPage({ params: p({ outletId: String(outletId) }), searchParams: p({}) }))).toBe("rendered");
    expect(await outcome(OutletPage({ params: p({ outletId: String(outletId) }), searchParams: p({ project: String(projectId) }) }))).toBe(404);
    expect(await outcome(OutletPage({ params: p({ outletId: String(outletId) }), searchParams: p({ project: "999999" }) }))).toBe(404);
    await signInAs(ana);
    expect(await outcome(OutletPage({ params: p({ outletId: String(outletId) }), searchParams: p({ project: String(projectId) }) }))).toBe("rendered");
    expect(await outcome(OutletPage({ params: p({ outletId: "999999" }), searchParams: p({}) }))).toBe(404);
  });
});
