// The typed refusals that lib/server returns instead of throwing, so route handlers and
// server actions can answer with the right status and a message a person understands.
import type { AnnotationDto } from "@/lib/validation/annotations";

export type FailureCode = "not_found" | "forbidden" | "not_owner" | "frozen" | "stale" | "not_deleted" | "invalid" | "duplicate";

export interface Failure {
  ok: false;
  status: 400 | 403 | 404 | 409 | 422;
  code: FailureCode;
  error: string;
  /** On "stale" and "not_deleted": the span as it is now, so the client can show it. */
  current?: AnnotationDto;
}

export type AnnotationResult = { ok: true; annotation: AnnotationDto } | Failure;

export function fail(status: Failure["status"], code: FailureCode, error: string): Failure {
  return { ok: false, status, code, error };
}

export const invalid = (error: string): Failure => fail(422, "invalid", error);

// One message for "no such document", "not in this project" and "not a member": telling
// them apart would reveal which projects and documents exist.
export const documentNotFound = (): Failure => fail(404, "not_found", "This document does not exist, or you are not a member of its project.");

export const spanNotFound = (): Failure => fail(404, "not_found", "This span does not exist or has been deleted.");

export const frozen = (): Failure => fail(409, "frozen", "You marked this document done; ask a manager to reopen it.");

export function stale(current: AnnotationDto): Failure {
  return {
    ...fail(409, "stale", "This span was changed in another tab or by another action. Reload to see the latest version."),
    current,
  };
}
