// Input of adjudication decisions and gold ratings, shared by the server actions, the JSON
// route and lib/server. (Kept here because lib/validation is another engineer's; it can move.)
import { z } from "@/lib/validation/zod";
import { ANNOTATION_KINDS } from "@/lib/validation/annotations";

export const REASON_MAX = 2000;

export const reasonSchema = z
  .string()
  .trim()
  .max(REASON_MAX, `The reason is at most ${REASON_MAX.toLocaleString("en")} characters.`)
  .default("");

const id = z.coerce.number().int().positive();
const memberIds = z.array(id).min(1, "Name the reviewers' spans this decision settles.").max(100);

/** A span as the adjudicator writes it to gold: offsets in code points, attributes per kind. */
const goldFields = {
  kind: z.enum(ANNOTATION_KINDS, { message: "Kind must be claim, opinion or quote." }),
  start: z.coerce.number().int("start must be a whole number.").min(0, "start must be 0 or more."),
  end: z.coerce.number().int("end must be a whole number.").positive("end must be after start."),
  attributes: z.record(z.string(), z.unknown()).default({}),
};

export const decisionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("accept"), sourceId: id, memberIds, reason: reasonSchema }),
  z.strictObject({ action: z.literal("edit"), sourceId: id, memberIds, reason: reasonSchema, ...goldFields }),
  z.strictObject({ action: z.literal("reject"), memberIds, reason: reasonSchema }),
  z.strictObject({ action: z.literal("add"), reason: reasonSchema, ...goldFields }),
]);
export type DecisionInput = z.infer<typeof decisionSchema>;

export const acceptUnanimousSchema = z.strictObject({ reason: reasonSchema });

export const undoSchema = z.strictObject({ adjudicationId: id });

/** A gold outlet rating. `expectedUpdatedAt`: the gold row the adjudicator saw (null: none). */
export const goldRatingSchema = z.strictObject({
  outletId: id,
  axis: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "Unknown axis."),
  value: z.coerce.number({ message: "Enter a number." }).refine(Number.isFinite, "Enter a number."),
  rationale: z
    .string()
    .trim()
    .min(1, "Say why: the rationale is required.")
    .max(REASON_MAX, `The rationale is at most ${REASON_MAX.toLocaleString("en")} characters.`),
  expectedUpdatedAt: z.coerce.number().int().nonnegative().nullable().default(null),
});
export type GoldRatingInput = z.infer<typeof goldRatingSchema>;
