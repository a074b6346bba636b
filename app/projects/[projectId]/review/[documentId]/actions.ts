"use server";
// Adjudication from the review page. Each action: session → ids → input → lib/server (which
// checks the role, validates and writes in one transaction) → revalidate → message.
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { acceptAllUnanimous, decide, undoDecision } from "@/lib/server/adjudication";
import { getCurrentSession } from "@/lib/server/auth";
import type { SessionUser } from "@/lib/server/session";
import { parseId } from "@/lib/validation/projects";

interface Target {
  projectId: number;
  documentId: number;
}

async function begin(formData: FormData): Promise<({ user: SessionUser } & Target) | FormState> {
  const { user } = await getCurrentSession();
  if (user === null) return { message: "Your session has ended. Sign in again." };
  const projectId = parseId(formData.get("projectId"));
  const documentId = parseId(formData.get("documentId"));
  if (projectId === null || documentId === null) return { message: "This document does not exist." };
  return { user, projectId, documentId };
}

function revalidate({ projectId, documentId }: Target): void {
  revalidatePath(`/projects/${projectId}/review/${documentId}`);
  revalidatePath(`/projects/${projectId}/review`);
  revalidatePath(`/projects/${projectId}/agreement`);
}

function parseAttributes(raw: string): Record<string, unknown> | null {
  if (raw === "") return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The clicked button says what to do: "accept:<span id>", "edit", "reject" or "add". */
function decisionInput(formData: FormData): Record<string, unknown> | string {
  const intent = formString(formData, "intent");
  const reason = formString(formData, "reason");
  const memberIds = formString(formData, "memberIds").split(",").filter(Boolean).map(Number);
  if (intent.startsWith("accept:")) return { action: "accept", sourceId: Number(intent.slice(7)), memberIds, reason };
  if (intent === "reject") return { action: "reject", memberIds, reason };
  if (intent !== "edit" && intent !== "add") return "Choose what to do with this difference.";
  const attributes = parseAttributes(formString(formData, "attributes"));
  if (attributes === null) return "The attributes could not be read; reload the page and try again.";
  const span = { kind: formString(formData, "kind"), start: formString(formData, "start"), end: formString(formData, "end"), attributes, reason };
  return intent === "add" ? { action: "add", ...span } : { action: "edit", sourceId: Number(formString(formData, "sourceId")), memberIds, ...span };
}

type Outcome = { ok: true; message: string } | { ok: false; error: string };

/** The guard clauses every action shares, then the lib/server call and the revalidation. */
async function act(formData: FormData, call: (actor: { user: SessionUser } & Target) => Promise<Outcome | string>): Promise<FormState> {
  const start = await begin(formData);
  if (!("user" in start)) return start;
  const result = await call(start);
  if (typeof result === "string") return { message: result };
  if (!result.ok) return { message: result.error };
  revalidate(start);
  return { ok: true, message: result.message };
}

export async function decideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, async ({ user, projectId, documentId }) => {
    const input = decisionInput(formData);
    return typeof input === "string" ? input : await decide(user, projectId, documentId, input);
  });
}

export async function acceptUnanimousAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, ({ user, projectId, documentId }) => acceptAllUnanimous(user, projectId, documentId, { reason: formString(formData, "reason") }));
}

export async function undoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, ({ user, projectId, documentId }) =>
    undoDecision(user, projectId, documentId, { adjudicationId: formString(formData, "adjudicationId") }),
  );
}
