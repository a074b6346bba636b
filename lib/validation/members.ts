// Inputs of the team, settings and assignment forms. Shared by server actions and lib/server,
// so a refusal reads the same wherever it comes from.
import { z } from "@/lib/validation/zod";
import { idSchema, projectSettingsSchema, type ProjectSettings } from "./projects";
import { usernameSchema } from "./users";

export const PROJECT_ROLES = ["manager", "annotator", "adjudicator"] as const;
export const ROLE_LABELS = { manager: "Manager", annotator: "Annotator", adjudicator: "Adjudicator" } as const;

export const projectRoleSchema = z.enum(PROJECT_ROLES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ""
      ? "Choose a role."
      : `“${String(issue.input)}” is not a project role: choose manager, annotator or adjudicator.`,
});

export const addMemberSchema = z.object({
  username: z.string().trim().min(1, "Enter the username of an existing user.").pipe(usernameSchema),
  role: projectRoleSchema,
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ userId: idSchema, role: projectRoleSchema });

export const memberIdSchema = z.object({ userId: idSchema });

export const MAX_GUIDELINES = 50_000;
export const guidelinesSchema = z.object({
  guidelines: z.string().max(MAX_GUIDELINES, `Guidelines are at most ${MAX_GUIDELINES.toLocaleString("en")} characters.`),
});

export const assignDocumentSchema = z.object({
  documentId: z.coerce.number({ error: "Choose a document." }).int().positive("Choose a document."),
  userId: z.coerce.number({ error: "Choose a reviewer." }).int().positive("Choose a reviewer."),
});
export type AssignDocumentInput = z.infer<typeof assignDocumentSchema>;

export const autoAssignSchema = z.object({
  perDocument: z.coerce
    .number({ error: "Enter how many reviewers each document needs." })
    .int("Enter a whole number of reviewers.")
    .min(1, "Each document needs at least one reviewer.")
    .max(20, "At most 20 reviewers per document."),
  userIds: z.array(idSchema).min(1, "Choose at least one reviewer.").max(500),
});
export type AutoAssignInput = z.infer<typeof autoAssignSchema>;

/**
 * The project's settings as projectSettingsSchema defines them, plus what a person can get
 * wrong in the form: an axis whose minimum is not below its maximum, or a range the step
 * does not fit. Messages name the axis.
 */
export const settingsInputSchema = projectSettingsSchema.superRefine((settings, ctx) => {
  settings.axes.forEach((axis, i) => {
    if (!(axis.min < axis.max)) {
      ctx.addIssue({ code: "custom", path: ["axes", i, "min"], message: `${axis.label}: the minimum must be below the maximum.` });
    } else if (axis.step > axis.max - axis.min) {
      ctx.addIssue({ code: "custom", path: ["axes", i, "step"], message: `${axis.label}: the step is larger than the range.` });
    }
  });
  const keys = settings.axes.map((a) => a.key);
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["axes"], message: "Each axis needs its own key." });
});

/** A person-readable message for a settings refusal (zod's defaults name types, not fields). */
export function settingsError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "These settings are not valid.";
  if (issue.code === "custom") return issue.message;
  const [field, index, part] = issue.path;
  if (field === "annotatorsPerDocument") return "Reviewers per document must be a whole number from 1 to 20.";
  if (field === "blindMode") return "Blind mode must be on or off.";
  if (field === "axes" && typeof index === "number") {
    const what = part === "label" ? "a label of 1 to 60 characters" : `a number as its ${String(part)}`;
    return `Axis ${index + 1} needs ${what}.`;
  }
  return "These settings are not valid.";
}

export type { ProjectSettings };
