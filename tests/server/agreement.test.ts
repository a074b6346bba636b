// Agreement numbers of a small project computed by hand, through lib/server and lib/agreement.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { perspectiveRatings } from "@/db/tables";
import * as agreement from "@/lib/agreement";
import { markDocumentDone } from "@/lib/server/assignments";
import { getProjectAgreement, type ProjectAgreementView } from "@/lib/server/agreement";
import { createSource } from "@/lib/server/sources";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer } from "./helpers";
import { addDocument, mark } from "./adjudication-helpers";

vi.mock("@/lib/agreement", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/agreement")>();
  return { ...real, unitizingAlpha: vi.fn(real.unitizingAlpha), partialSpanF1: vi.fn(real.partialSpanF1), krippendorffAlpha: vi.fn(real.krippendorffAlpha) };
});

const TEXT = "0123456789";
let ana: SessionUser;
let bo: SessionUser;
let adj: SessionUser;
let projectId: number;
let documentId: number;

async function view(user: SessionUser, layers: "all" | "done" = "all"): Promise<ProjectAgreementView> {
  const result = await getProjectAgreement(user, projectId, layers);
  if ("ok" in result) throw new Error(result.error);
  return result;
}

beforeAll(async () => {
  [ana, bo, adj] = [await reviewer("ana"), await reviewer("bo"), await reviewer("adj")];
  projectId = await project("Agreement");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  await addMember(projectId, adj, "adjudicator");
  documentId = await addDocument(projectId, TEXT, "Harbor Ledger");
  // AGREEMENT-VECTORS V9 on a real document: ana [1,9), bo [2,3) [4,5) [6,7).
  await mark(ana, projectId, documentId, TEXT, "claim", 1, 9);
  for (const [s, e] of [
    [2, 3],
    [4, 5],
    [6, 7],
  ] as const)
    await mark(bo, projectId, documentId, TEXT, "claim", s, e);
});

describe("project agreement", () => {
  it("reproduces unitizing alpha, span F1 and percent agreement of a hand-computed case", async () => {
    const { report, documents } = await view(adj);
    const overall = report.measures.find((m) => m.scope === "overall")!;
    const claim = report.measures.find((m) => m.scope === "claim")!;
    expect(overall.alphaU.ok && overall.alphaU.value).toBeCloseTo(-0.7003, 4);
    expect(claim.alphaU.ok && claim.alphaU.value).toBeCloseTo(-0.7003, 4);
    expect(overall.exactF1).toEqual({ ok: true, value: 0 });
    // P = 3/3, R = (3 · 1/8)/1 → F1 = 0.75/1.375.
    expect(overall.partialF1.ok && overall.partialF1.value).toBeCloseTo(0.75 / 1.375, 6);
    expect(overall.percent).toEqual({ ok: true, value: 0 });
    expect(documents).toHaveLength(1);
    // Undecided counts differences, as the review pages do: ana's span pairs with one of bo's three.
    expect(documents[0]).toMatchObject({ id: documentId, reviewers: 2, spans: 4, gold: false, undecided: 3 });
  });

  it("computes every number with lib/agreement", async () => {
    vi.mocked(agreement.unitizingAlpha).mockClear();
    vi.mocked(agreement.partialSpanF1).mockClear();
    await view(adj);
    expect(agreement.unitizingAlpha).toHaveBeenCalled();
    expect(agreement.partialSpanF1).toHaveBeenCalled();
  });

  it("names the reviewer pairs in the matrix", async () => {
    const { report, reviewerNames } = await view(adj);
    expect(report.pairs).toHaveLength(1);
    expect(reviewerNames[report.pairs[0]!.a]).toBe("ana");
    expect(reviewerNames[report.pairs[0]!.b]).toBe("bo");
  });

  it("with only layers marked done, a document with one done reviewer has no measures", async () => {
    await markDocumentDone(ana, projectId, documentId);
    const { report, documents } = await view(adj, "done");
    expect(documents[0]!.reviewers).toBe(1);
    expect(report.measures.every((m) => !m.alphaU.ok && !m.partialF1.ok && !m.percent.ok)).toBe(true);
  });

  it("refuses annotators and non-members", async () => {
    expect(await getProjectAgreement(ana, projectId, "all")).toMatchObject({ ok: false, status: 403 });
    const outsider = await reviewer("outsider");
    expect(await getProjectAgreement(outsider, projectId, "all")).toMatchObject({ ok: false, status: 404 });
    expect("ok" in (await getProjectAgreement(await admin(), projectId, "all"))).toBe(false);
  });
});

describe("agreement on outlet ratings", () => {
  it("says not enough data with a single rater, then computes interval alpha over outlets", async () => {
    const outletId = (await getDb().query.documents.findFirst({ where: (d, { eq }) => eq(d.id, documentId) }))!.outletId!;
    const rate = (user: SessionUser, value: number, outlet = outletId) =>
      getDb().insert(perspectiveRatings).values({ projectId, raterId: user.id, outletId: outlet, axis: "left_right", value, rationale: "why" });
    await rate(ana, -2);
    const lonely = (await view(adj)).ratings.find((r) => r.axis === "left_right")!;
    expect(lonely.alpha.ok).toBe(false);
    await rate(bo, -1);
    const other = await addDocument(projectId, "Another outlet's text.", "Coastal Wire");
    const otherOutlet = (await getDb().query.documents.findFirst({ where: (d, { eq }) => eq(d.id, other) }))!.outletId!;
    await rate(ana, 3, otherOutlet);
    await rate(bo, 3, otherOutlet);
    const rows = (await view(adj)).ratings;
    const leftRight = rows.find((r) => r.axis === "left_right")!;
    expect(leftRight).toMatchObject({ units: 2, raters: 2, label: "Left–right" });
    expect(leftRight.alpha.ok && leftRight.alpha.value).toBeCloseTo(1 - 0.5 / (166 / 12), 6);
    expect(rows.find((r) => r.axis === "stance")!.alpha.ok).toBe(false);
    expect(rows.at(-1)!.axis).toBeNull();
  });
});

describe("agreement on quote attributes", () => {
  it("reads each quote's speaker, speaker type and mode from the spans' attributes", async () => {
    const p = await project("Quotes");
    for (const [user, role] of [
      [ana, "annotator"],
      [bo, "annotator"],
      [adj, "adjudicator"],
    ] as const)
      await addMember(p, user, role);
    const text = "Vance said the levy is fair. Hale said it is not.";
    const doc = await addDocument(p, text, "Harbor Ledger");
    const speaker = async (name: string): Promise<number> => {
      const created = await createSource(ana, p, { name, kind: "person" });
      if (!created.ok) throw new Error(created.error);
      return created.source.id;
    };
    const [vance, hale] = [await speaker("Vance"), await speaker("Hale")];
    const second = text.indexOf("Hale");
    // Two quotes marked alike by both: one speaker differs, one mode differs, the speaker types agree.
    const quotes: [SessionUser, number, number, Record<string, unknown>][] = [
      [ana, 0, second - 1, { source_id: vance, speaker_type: "named_person", mode: "direct" }],
      [bo, 0, second - 1, { source_id: vance, speaker_type: "named_person", mode: "indirect" }],
      [ana, second, text.length, { source_id: hale, speaker_type: "named_org", mode: "direct" }],
      [bo, second, text.length, { source_id: vance, speaker_type: "named_org", mode: "direct" }],
    ];
    for (const [user, start, end, attributes] of quotes) await mark(user, p, doc, text, "quote", start, end, attributes);
    const result = await getProjectAgreement(adj, p, "all");
    if ("ok" in result) throw new Error(result.error);
    // Nominal alpha by hand: one of two units disagrees, values 3:1 → Do = De = 1/2, alpha 0.
    expect(result.report.attributes).toEqual([
      { attribute: "source_id", units: 2, alpha: { ok: true, value: 0 }, percent: { ok: true, value: 0.5 } },
      { attribute: "speaker_type", units: 2, alpha: { ok: true, value: 1 }, percent: { ok: true, value: 1 } },
      { attribute: "mode", units: 2, alpha: { ok: true, value: 0 }, percent: { ok: true, value: 0.5 } },
    ]);
  });
});
