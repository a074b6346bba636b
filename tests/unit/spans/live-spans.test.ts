// The incremental index and running totals agree with a rebuild from scratch after every step
// of random add / edit / move / delete / restore / save-state sequences.
import { describe, expect, it } from "vitest";
import { isNested, sameKindDepth, SpanIndex } from "../../../lib/spans";
import { changedSince, liveSpans, updateLive, SAVE_STATES, type LiveRow, type LiveSpans } from "../../../lib/workspace/live-spans";
import { ANNOTATION_KINDS, type AnnotationDto } from "../../../lib/validation/annotations";

function dto(id: number, start: number, end: number, kind: AnnotationDto["kind"]): AnnotationDto {
  return {
    id,
    documentId: 1,
    annotatorId: 1,
    annotatorName: "A",
    layer: "annotator",
    kind,
    start,
    end,
    exact: "",
    prefix: "",
    suffix: "",
    attributes: {},
    note: "",
    parentId: null,
    version: 1,
    createdAt: "",
    updatedAt: "",
    deletedAt: null,
  };
}

function expectSameAsRebuild(live: LiveSpans, rows: Map<string, LiveRow>): void {
  const fresh = liveSpans(rows.values());
  expect(live.index.sorted.map((s) => [s.key, s.id, s.start, s.end, s.kind])).toEqual(fresh.index.sorted.map((s) => [s.key, s.id, s.start, s.end, s.kind]));
  expect(live.kinds).toEqual(fresh.kinds);
  expect(live.states).toEqual(fresh.states);
  for (let offset = 0; offset < 1000; offset += 53) {
    expect(live.index.coveringAt(offset).map((s) => s.key)).toEqual(fresh.index.coveringAt(offset).map((s) => s.key));
  }
}

describe("live spans (incremental index and totals)", () => {
  it("matches a from-scratch rebuild over random operation sequences", () => {
    for (let trial = 0; trial < 20; trial++) {
      let seed = 11 + trial;
      const random = (n: number): number => ((seed = (seed * 16807) % 2147483647), seed % n);
      const rows = new Map<string, LiveRow>();
      let live = liveSpans<LiveRow>([]);
      let nextId = 1;
      for (let step = 0; step < 300; step++) {
        const keys = [...rows.keys()];
        const key = keys.length > 0 && random(3) > 0 ? keys[random(keys.length)]! : `k${nextId}`;
        const before = rows.get(key);
        const start = random(900);
        const kind = ANNOTATION_KINDS[random(3)]!;
        let after: LiveRow | undefined;
        const op = before === undefined ? 0 : random(5);
        if (op === 0) after = { key, draft: dto(nextId++, start, start + 1 + random(120), kind), state: "saving" };
        else if (op === 1) after = { ...before!, draft: { ...before!.draft, start, end: start + 1 + random(120), kind } };
        else if (op === 2) after = { ...before!, draft: { ...before!.draft, deletedAt: before!.draft.deletedAt === null ? "now" : null } };
        else if (op === 3) after = { ...before!, state: SAVE_STATES[random(4)]! };
        else after = random(2) === 0 ? undefined : { ...before!, draft: { ...before!.draft, id: nextId++ } };
        if (after === undefined) rows.delete(key);
        else rows.set(key, after);
        live = updateLive(live, key, before, after);
        expectSameAsRebuild(live, rows);
      }
    }
  });

  it("leaves the index it started from untouched", () => {
    const row: LiveRow = { key: "a", draft: dto(1, 0, 10, "claim"), state: "saved" };
    const first = liveSpans([row]);
    const second = updateLive(first, "b", undefined, { key: "b", draft: dto(2, 5, 8, "quote"), state: "saving" });
    expect(first.index.sorted.map((s) => s.key)).toEqual(["a"]);
    expect(second.index.sorted.map((s) => s.key)).toEqual(["a", "b"]);
    expect(first.kinds.quote).toBe(0);
    expect(second.kinds.quote).toBe(1);
    expect(second.states.saving).toBe(1);
  });

  it("logs which keys changed, and says when the log no longer reaches back", () => {
    let live = liveSpans<LiveRow>([]);
    for (let i = 0; i < 600; i++) live = updateLive(live, `k${i % 7}`, undefined, { key: `k${i % 7}`, draft: dto(i + 1, i, i + 2, "claim"), state: "saved" });
    expect(live.log?.rev).toBe(600);
    expect([...changedSince(live.log, 597)!].sort()).toEqual(["k2", "k3", "k4"]);
    expect(changedSince(live.log, 600)).toEqual(new Set());
    expect(changedSince(live.log, 3)).toBeNull();
  });

  it("isNested agrees with sameKindDepth", () => {
    let seed = 5;
    const random = (n: number): number => ((seed = (seed * 16807) % 2147483647), seed % n);
    const spans = Array.from({ length: 400 }, (_, id) => {
      const start = random(2000);
      return { id, start, end: start + 1 + random(300), kind: ANNOTATION_KINDS[random(3)]! };
    });
    const index = new SpanIndex(spans);
    const depth = sameKindDepth(spans);
    for (const s of spans) expect(isNested(index, s)).toBe((depth.get(s.id) ?? 0) > 0);
  });
});
