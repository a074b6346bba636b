// The steps of the span lifecycle fuzz, as fast-check commands: each runs one call of the real
// data layer, checks the answer against what the model says it must be (done, or refused for
// the documented reason), updates the model, and checks every invariant.
import type fc from "fast-check";
import { expect } from "vitest";
import { markDocumentDone, reopenDocument } from "@/lib/server/assignments";
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import type { AnnotationKind } from "@/lib/validation/annotations";
import {
  checkInvariants,
  exactFor,
  expectChanged,
  expectRefused,
  offsetsValid,
  parentAllowed,
  sliceOf,
  offsets,
  type ExactMode,
  type Model,
  type ModelSpan,
  type Range,
  type Real,
} from "./span-model";

type Step = fc.AsyncCommand<Model, Real>;
const pickSpan = (model: Model, pick: number): ModelSpan => model.spans[pick % model.spans.length]!;
const pickId = (model: Model, pick: number | null): number | null => (pick === null || model.spans.length === 0 ? null : pickSpan(model, pick).id);
// Valid for every kind, and one no kind has: attributes are checked against the resulting kind.
export const ATTRIBUTES = [{}, {}, { confidence: "high" }, { confidence: "low" }, { bogus: 1 }] as const;
const attributesValid = (attributes: Record<string, unknown>): boolean => !("bogus" in attributes);

/** A step the model says must be refused: nothing may change. */
function refusedStep(model: Model, span: ModelSpan | null, stale: boolean): { status: number; code: string } | null {
  if (span?.deleted) return { status: 404, code: "not_found" };
  if (model.frozen) return { status: 409, code: "frozen" };
  if (stale) return { status: 409, code: "stale" };
  return null;
}

export class Create implements Step {
  constructor(readonly fields: { range: Range; kind: AnnotationKind; exact: ExactMode; note: string; attributes: number; parent: number | null }) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const { kind, note } = this.fields;
    const { start, end } = offsets(this.fields.range, real);
    const attributes = { ...ATTRIBUTES[this.fields.attributes]! };
    const exact = exactFor(real, start, end, this.fields.exact === "omit" ? "codePoints" : this.fields.exact)!;
    const parentId = pickId(model, this.fields.parent);
    const result = await createAnnotation(real.owner, real.projectId, real.documentId, { kind, start, end, exact, note, attributes, parentId });
    const valid = offsetsValid(real, start, end) && exact === sliceOf(real, start, end) && attributesValid(attributes) && parentAllowed(model, parentId, null);
    if (model.frozen) expectRefused(result, 409, "frozen", "create on a layer marked done");
    else if (!valid) expectRefused(result, 422, "invalid", `create ${JSON.stringify({ start, end, exact, parentId })}`);
    else {
      expect(result.ok, result.ok ? "" : result.error).toBe(true);
      const span = (result as { ok: true; annotation: { id: number; version: number } }).annotation;
      expect(span.version).toBe(1);
      model.spans.push({ id: span.id, kind, start, end, exact, note, attributes, parentId, version: 1, deleted: false, changes: 1 });
    }
    await checkInvariants(model, real);
  }
  toString = (): string => `create(${JSON.stringify(this.fields)})`;
}

export class Edit implements Step {
  constructor(
    readonly fields: {
      pick: number;
      stale: -1 | 1 | 0;
      range?: Range;
      kind?: AnnotationKind;
      exact: ExactMode;
      note?: string;
      parent: "keep" | "none" | "self" | number;
    },
  ) {}
  check = (model: Model): boolean => model.spans.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const span = pickSpan(model, this.fields.pick);
    const { stale, kind, note } = this.fields;
    const moved = this.fields.range === undefined ? undefined : offsets(this.fields.range, real);
    const start = moved?.start ?? span.start;
    const end = moved?.end ?? span.end;
    const exact = exactFor(real, start, end, this.fields.exact);
    const parent = this.fields.parent;
    const parentId = parent === "keep" ? undefined : parent === "none" ? null : parent === "self" ? span.id : pickId(model, parent);
    const input = { version: span.version + stale, start: moved?.start, end: moved?.end, kind, exact, note, parentId };
    const result = await updateAnnotation(real.owner, real.projectId, real.documentId, span.id, input);
    const refusal = refusedStep(model, span, stale !== 0);
    const after = {
      ...span,
      start,
      end,
      kind: kind ?? span.kind,
      exact: exact ?? span.exact,
      note: note ?? span.note,
      parentId: parentId === undefined ? span.parentId : parentId,
    };
    const valid = offsetsValid(real, start, end) && after.exact === sliceOf(real, start, end) && parentAllowed(model, after.parentId, span.id);
    if (refusal !== null) expectRefused(result, refusal.status, refusal.code, `edit of ${span.id}`);
    else if (!valid) expectRefused(result, 422, "invalid", `edit of ${span.id} to ${JSON.stringify(input)}`);
    else Object.assign(span, after, { version: expectChanged(result, span, `edit of ${span.id}`).version, changes: span.changes + 1 });
    if (refusal?.code === "stale") expect((result as { current?: { version: number } }).current?.version).toBe(span.version);
    await checkInvariants(model, real);
  }
  toString = (): string => `edit(${JSON.stringify(this.fields)})`;
}

export class Delete implements Step {
  constructor(
    readonly pick: number,
    readonly stale: -1 | 1 | 0,
  ) {}
  check = (model: Model): boolean => model.spans.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const span = pickSpan(model, this.pick);
    const result = await deleteAnnotation(real.owner, real.projectId, real.documentId, span.id, span.version + this.stale);
    const refusal = refusedStep(model, span, this.stale !== 0);
    if (refusal !== null) expectRefused(result, refusal.status, refusal.code, `delete of ${span.id}`);
    else Object.assign(span, { deleted: true, version: expectChanged(result, span, `delete of ${span.id}`).version, changes: span.changes + 1 });
    await checkInvariants(model, real);
  }
  toString = (): string => `delete(${this.pick}, ${this.stale})`;
}

export class Restore implements Step {
  constructor(readonly pick: number) {}
  check = (model: Model): boolean => model.spans.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const span = pickSpan(model, this.pick);
    const result = await restoreAnnotation(real.owner, real.projectId, real.documentId, span.id);
    if (model.frozen) expectRefused(result, 409, "frozen", `restore of ${span.id}`);
    else if (!span.deleted) expectRefused(result, 409, "not_deleted", `restore of live ${span.id}`);
    // Restored intact: every field as it was before the delete (checkInvariants compares them all).
    else Object.assign(span, { deleted: false, version: expectChanged(result, span, `restore of ${span.id}`).version, changes: span.changes + 1 });
    await checkInvariants(model, real);
  }
  toString = (): string => `restore(${this.pick})`;
}

/** Another member (a manager, who sees the span) tries to edit it with the right version. */
export class Intrude implements Step {
  constructor(readonly pick: number) {}
  check = (model: Model): boolean => model.spans.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const span = pickSpan(model, this.pick);
    const result = await updateAnnotation(real.manager, real.projectId, real.documentId, span.id, { version: span.version, note: "not mine" });
    if (span.deleted) expectRefused(result, 404, "not_found", "someone else's deleted span");
    else expectRefused(result, 403, "not_owner", "someone else's span");
    await checkInvariants(model, real);
  }
  toString = (): string => `intrude(${this.pick})`;
}

export class Freeze implements Step {
  constructor(readonly done: boolean) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const result = this.done
      ? await markDocumentDone(real.owner, real.projectId, real.documentId)
      : await reopenDocument(real.manager, real.projectId, real.documentId, real.owner.id);
    expect(result.ok).toBe(true);
    model.frozen = this.done;
    await checkInvariants(model, real);
  }
  toString = (): string => (this.done ? "markDone" : "reopen");
}
