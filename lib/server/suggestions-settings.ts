// The project's suggestion setting: on or off, and the reporting cues it adds to the built-in
// list. Any member reads it (the workspace asks for suggestions only when it is on); only a
// manager changes it, audited in the same transaction.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { projectMembers, projects } from "@/db/tables";
import { suggestionSettingsSchema, type SuggestionSettings } from "@/lib/validation/suggestions";
import { invalid } from "./annotations/result";
import { recordAudit } from "./audit";
import { refuseUnlessManager, type ProjectUpdateResult } from "./members";
import type { SessionUser } from "./session";
import { first } from "@/db/rows";

/** The setting for a member of the project; null for anyone else. */
export async function suggestionSettingsFor(user: SessionUser, projectId: number): Promise<SuggestionSettings | null> {
  const row = await first(
    getDb()
      .select({ enabled: projects.suggestionsEnabled, cues: projects.suggestionCues })
      .from(projects)
      .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, user.id)))
      .where(eq(projects.id, projectId)),
  );
  return row ?? null;
}

/** The first problem, naming the cue it is about. */
function settingsProblem(issue: { path: PropertyKey[]; message: string }, input: unknown): string {
  const at = issue.path[0] === "cues" && typeof issue.path[1] === "number" ? issue.path[1] : null;
  const cue = at === null ? undefined : (input as { cues: unknown[] }).cues[at];
  return typeof cue === "string" ? `“${cue.trim()}”: ${issue.message}` : issue.message;
}

/** A manager turns suggestions on or off and sets the extra cues; `input` is checked against suggestionSettingsSchema. */
export async function updateSuggestionSettings(manager: SessionUser, projectId: number, input: unknown): Promise<ProjectUpdateResult> {
  return getDb().transaction(
    async (tx): Promise<ProjectUpdateResult> => {
      const refusal = await refuseUnlessManager(manager, projectId, "change the suggestion settings");
      if (refusal !== null) return refusal;
      const parsed = suggestionSettingsSchema.safeParse(input);
      if (!parsed.success) return invalid(settingsProblem(parsed.error.issues[0]!, input));
      const before = (await first(
        tx.select({ enabled: projects.suggestionsEnabled, cues: projects.suggestionCues }).from(projects).where(eq(projects.id, projectId)),
      ))!;
      const after = parsed.data;
      await tx.update(projects).set({ suggestionsEnabled: after.enabled, suggestionCues: after.cues }).where(eq(projects.id, projectId));
      await recordAudit(tx, { actorId: manager.id, action: "update_suggestion_settings", entity: "project", entityId: projectId, before, after });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}
