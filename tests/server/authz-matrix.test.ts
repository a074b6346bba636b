// The authorization matrix: every project-scoped lib/server function × every kind of user,
// one test per cell, each on a fresh project. "allowed" means the call did its work; 404 means
// refused as if the project did not exist (null or a 404 Failure); 403 a member without the
// role; "refused" a refusal with no status (an empty list, a problem list, a hidden row).
// A refused call must write nothing, so each refused cell also checks the audit log.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments } from "@/db/tables";
import { createAnnotation, listAnnotations } from "@/lib/server/annotations";
import { assignDocument, autoAssignDocuments } from "@/lib/server/assignment-plan";
import { documentStatusFor, listDocumentAssignments, markDocumentDone, reopenDocument } from "@/lib/server/assignments";
import { getDocumentForMember, listDocumentsForMember } from "@/lib/server/document-reads";
import { importDocuments } from "@/lib/server/documents";
import { addProjectMember, changeMemberRole, listMembers, removeProjectMember, updateProjectGuidelines, updateProjectSettings } from "@/lib/server/members";
import { getProjectProgress } from "@/lib/server/progress";
import { getProjectForMember } from "@/lib/server/projects";
import { listQueue, nextDocument } from "@/lib/server/queue";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { auditCount, newDocument, outsideAdmin } from "./members-helpers";

type Outcome = "allowed" | 403 | 404 | "refused";
const ROLES = ["admin, not a member", "manager", "adjudicator", "annotator", "non-member"] as const;
type Role = (typeof ROLES)[number];

interface Fixture {
  p: number;
  /** A document the target annotator has annotated and marked done. */
  doc: number;
  /** A document nobody has touched. */
  fresh: number;
  target: SessionUser;
  spare: SessionUser;
}

type Op = (actor: SessionUser, f: Fixture) => Promise<Outcome>;

const fromNullable = (value: unknown): Outcome => (value === null ? 404 : "allowed");
const fromResult = (r: { ok: true } | { ok: false; status: number }): Outcome =>
  r.ok ? "allowed" : r.status === 403 || r.status === 404 ? r.status : "refused";
const fromBool = (allowed: boolean): Outcome => (allowed ? "allowed" : "refused");

async function queuedFor(actor: SessionUser, f: Fixture): Promise<void> {
  // Written directly, as a removed member's old row would be: the queue must still hide it.
  await getDb().insert(assignments).values({ projectId: f.p, documentId: f.fresh, userId: actor.id }).onConflictDoNothing();
}

const TEXT = "Alpha report. The mayor said the levy is fair.";
const claim = { kind: "claim" as const, start: 0, end: 5, exact: "Alpha" };

const OPS: Record<string, Op> = {
  getProjectForMember: async (u, f) => fromNullable(await getProjectForMember(u, f.p)),
  listDocumentsForMember: async (u, f) => fromBool((await listDocumentsForMember(u, f.p, { sort: "title" })).length === 2),
  getDocumentForMember: async (u, f) => fromNullable(await getDocumentForMember(u, f.p, f.doc)),
  importDocuments: async (u, f) => fromBool((await importDocuments({ kind: "user", user: u }, f.p, [{ text: "A new article." }], {})).ok),
  listAnnotations: async (u, f) => fromNullable(await listAnnotations(u, f.p, f.doc)),
  "listAnnotations shows another annotator's span (blind mode on)": async (u, f) =>
    fromBool((await listAnnotations(u, f.p, f.doc))?.some((s) => s.annotatorId === f.target.id) ?? false),
  createAnnotation: async (u, f) => fromResult(await createAnnotation(u, f.p, f.fresh, claim)),
  documentStatusFor: async (u, f) => fromNullable(await documentStatusFor(u, f.p, f.doc)),
  listDocumentAssignments: async (u, f) => fromNullable(await listDocumentAssignments(u, f.p, f.doc)),
  markDocumentDone: async (u, f) => fromResult(await markDocumentDone(u, f.p, f.fresh)),
  reopenDocument: async (u, f) => fromResult(await reopenDocument(u, f.p, f.doc, f.target.id)),
  listMembers: async (u, f) => fromNullable(await listMembers(u, f.p)),
  addProjectMember: async (u, f) => fromResult(await addProjectMember(u, f.p, { username: f.spare.username, role: "annotator" })),
  changeMemberRole: async (u, f) => fromResult(await changeMemberRole(u, f.p, f.target.id, "adjudicator")),
  removeProjectMember: async (u, f) => fromResult(await removeProjectMember(u, f.p, f.target.id)),
  updateProjectGuidelines: async (u, f) => fromResult(await updateProjectGuidelines(u, f.p, "Tag quotes first.")),
  updateProjectSettings: async (u, f) => fromResult(await updateProjectSettings(u, f.p, { blindMode: false })),
  assignDocument: async (u, f) => fromResult(await assignDocument(u, f.p, { documentId: f.fresh, userId: f.target.id })),
  autoAssignDocuments: async (u, f) => fromResult(await autoAssignDocuments(u, f.p, { perDocument: 1, userIds: [f.target.id] })),
  getProjectProgress: async (u, f) => fromResult(await getProjectProgress(u, f.p)),
  "listQueue shows the user's assignment in the project": async (u, f) => {
    await queuedFor(u, f);
    return fromBool((await listQueue(u)).some((i) => i.projectId === f.p));
  },
  "nextDocument offers the user's assignment in the project": async (u, f) => {
    await queuedFor(u, f);
    return fromBool((await nextDocument(u, f.p)) !== null);
  },
};

const A = "allowed";
const MEMBERS: Outcome[] = [404, A, A, A, 404];
const MANAGERS: Outcome[] = [404, A, 403, 403, 404];
const EXPECTED: Record<keyof typeof OPS, Outcome[]> = {
  getProjectForMember: MEMBERS,
  listDocumentsForMember: ["refused", A, A, A, "refused"],
  getDocumentForMember: MEMBERS,
  importDocuments: ["refused", A, "refused", "refused", "refused"],
  listAnnotations: MEMBERS,
  "listAnnotations shows another annotator's span (blind mode on)": ["refused", A, A, "refused", "refused"],
  createAnnotation: MEMBERS,
  documentStatusFor: MEMBERS,
  listDocumentAssignments: [404, A, 404, 404, 404],
  markDocumentDone: MEMBERS,
  reopenDocument: MANAGERS,
  listMembers: MEMBERS,
  addProjectMember: MANAGERS,
  changeMemberRole: MANAGERS,
  removeProjectMember: MANAGERS,
  updateProjectGuidelines: MANAGERS,
  updateProjectSettings: MANAGERS,
  assignDocument: MANAGERS,
  autoAssignDocuments: MANAGERS,
  getProjectProgress: [404, A, A, 403, 404],
  "listQueue shows the user's assignment in the project": ["refused", A, A, A, "refused"],
  "nextDocument offers the user's assignment in the project": ["refused", A, A, A, "refused"],
};

let people: Promise<{ actors: Record<Role, SessionUser>; target: SessionUser; spare: SessionUser }> | null = null;

function cast(): NonNullable<typeof people> {
  people ??= (async () => ({
    actors: {
      "admin, not a member": await outsideAdmin("root2"),
      manager: await reviewer("mona"),
      adjudicator: await reviewer("jude"),
      annotator: await reviewer("ana"),
      "non-member": await reviewer("nico"),
    },
    target: await reviewer("tara"),
    spare: await reviewer("sam"),
  }))();
  return people;
}

async function fixture(): Promise<{ actors: Record<Role, SessionUser>; f: Fixture }> {
  const { actors, target, spare } = await cast();
  const p = await project();
  await addMember(p, actors.manager, "manager");
  await addMember(p, actors.adjudicator, "adjudicator");
  await addMember(p, actors.annotator, "annotator");
  await addMember(p, target, "annotator");
  const [doc, fresh] = [await newDocument(p, TEXT), await newDocument(p, `${TEXT} Again.`)];
  const span = await createAnnotation(target, p, doc, claim);
  if (!span.ok) throw new Error(span.error);
  await markDocumentDone(target, p, doc);
  return { actors, f: { p, doc, fresh, target, spare } };
}

const cells = Object.entries(EXPECTED).flatMap(([fn, outcomes]) => ROLES.map((role, i) => ({ fn, role, expected: outcomes[i]! })));

describe("authorization matrix", () => {
  it.each(cells)("$fn × $role → $expected", async ({ fn, role, expected }) => {
    const { actors, f } = await fixture();
    const audits = await auditCount();
    const outcome = await OPS[fn]!(actors[role], f);
    expect(outcome).toBe(expected);
    if (outcome !== "allowed") expect(await auditCount()).toBe(audits);
  });
});
