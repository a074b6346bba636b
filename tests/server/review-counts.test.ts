// The review queue and a document's review page count the same thing (differences to decide)
// through one function, and neither calls a document gold before it is settled.
import { beforeAll, describe, expect, it } from "vitest";
import { decide, getDocumentReview, listDocumentsForReview, type DocumentReviewView } from "@/lib/server/adjudication";
import { markDocumentDone } from "@/lib/server/assignments";
import type { SessionUser } from "@/lib/server/session";
import { progressSummary } from "@/lib/review";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, markText } from "./adjudication-helpers";

const TEXT = "The mayor said the levy adds nine dollars a month. Critics called the plan reckless. The plant will open in 2035.";

let ana: SessionUser;
let bo: SessionUser;
let judge: SessionUser;
let projectId: number;
let threeDifferences: number;
let emptyLayer: number;

async function page(documentId: number): Promise<DocumentReviewView> {
  const result = await getDocumentReview(judge, projectId, documentId);
  if ("ok" in result) throw new Error(result.error);
  return result;
}

async function row(documentId: number) {
  const list = await listDocumentsForReview(judge, projectId);
  if ("ok" in list) throw new Error(list.error);
  return list.rows.find((r) => r.id === documentId)!;
}

beforeAll(async () => {
  [ana, bo, judge] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge")];
  projectId = await project("Counts");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  await addMember(projectId, judge, "adjudicator");
  threeDifferences = await addDocument(projectId, TEXT);
  // Six spans, three differences: agree, different kind, different boundaries.
  for (const user of [ana, bo]) await markText(user, projectId, threeDifferences, TEXT, "claim", "the levy adds nine dollars a month");
  await markText(ana, projectId, threeDifferences, TEXT, "claim", "Critics called the plan reckless");
  await markText(bo, projectId, threeDifferences, TEXT, "opinion", "Critics called the plan reckless");
  await markText(ana, projectId, threeDifferences, TEXT, "claim", "The plant will open in 2035");
  await markText(bo, projectId, threeDifferences, TEXT, "claim", "plant will open in 2035");
  emptyLayer = await addDocument(projectId, "Nothing in this short note is a claim.");
  expect((await markDocumentDone(ana, projectId, emptyLayer)).ok).toBe(true);
});

describe("review counts", () => {
  it("shows the same three differences in the queue and on the document's page, not six spans", async () => {
    const view = await page(threeDifferences);
    expect(view.differences).toHaveLength(3);
    expect((await row(threeDifferences)).progress).toEqual(view.progress);
    expect(view.progress).toMatchObject({ state: "open", differences: 3, undecided: 3, gold: false });
    expect(progressSummary((await row(threeDifferences)).progress)).toBe("3 of 3 still to decide");
  });

  it("moves both counts together as differences are decided", async () => {
    const agreeing = (await page(threeDifferences)).differences.find((d) => d.label === "Agree")!;
    const result = await decide(judge, projectId, threeDifferences, {
      action: "accept",
      sourceId: agreeing.spans[0]!.id,
      memberIds: agreeing.spans.map((s) => s.id),
    });
    expect(result).toMatchObject({ ok: true });
    expect((await page(threeDifferences)).progress).toMatchObject({ differences: 3, undecided: 2 });
    expect((await row(threeDifferences)).progress).toEqual((await page(threeDifferences)).progress);
  });

  it("says a document whose only reviewer marked it done with no spans has nothing to compare, and is not gold", async () => {
    const view = await page(emptyLayer);
    expect(view.isGold).toBe(false);
    expect(view.progress).toMatchObject({ state: "nothing_to_compare", layers: 1, differences: 0, gold: false });
    expect((await row(emptyLayer)).progress).toEqual(view.progress);
    expect(progressSummary(view.progress)).toBe("Nothing to compare: one layer, empty");
  });
});
