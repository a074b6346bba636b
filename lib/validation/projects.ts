import { z } from "@/lib/validation/zod";

export const perspectiveAxisSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  label: z.string().min(1).max(60),
  min: z.number(),
  max: z.number(),
  step: z.number().positive(),
});
export type PerspectiveAxis = z.infer<typeof perspectiveAxisSchema>;

// DESIGN.md, "Outlet perspective": AllSides-compatible left/right, Ad Fontes reliability, stance.
export const DEFAULT_AXES: PerspectiveAxis[] = [
  { key: "left_right", label: "Left–right", min: -6, max: 6, step: 0.5 },
  { key: "reliability", label: "Reliability", min: 0, max: 64, step: 1 },
  { key: "stance", label: "Stance toward the topic", min: -2, max: 2, step: 1 },
];

export const projectSettingsSchema = z.object({
  blindMode: z.boolean().default(true),
  annotatorsPerDocument: z.number().int().min(1).max(20).default(2),
  axes: z.array(perspectiveAxisSchema).max(12).default(DEFAULT_AXES),
});
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export function parseProjectSettings(raw: unknown): ProjectSettings {
  const parsed = projectSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : projectSettingsSchema.parse({});
}

export const newProjectSchema = z.object({
  name: z.string().trim().min(1, "Enter a project name.").max(120, "Project names are at most 120 characters."),
  description: z.string().trim().max(2000, "The description is at most 2,000 characters.").default(""),
});
export type NewProjectInput = z.infer<typeof newProjectSchema>;

/** The largest value an id, version or offset column holds: SQLite's integers are 64-bit, PostgreSQL's `integer` 32. */
export const MAX_DB_INTEGER = 2_147_483_647;

export const idSchema = z.coerce.number().int().positive().max(MAX_DB_INTEGER);

/** A route parameter as a positive integer id, or null (callers answer 404). */
export function parseId(value: unknown): number | null {
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
