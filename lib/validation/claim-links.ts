// The claim-link API's inputs: which two spans to link, and how many suggestions to return.
import { z } from "@/lib/validation/zod";

const spanId = (what: string) =>
  z
    .number({ error: `${what} must be a span id (a whole number).` })
    .int(`${what} must be a span id (a whole number).`)
    .positive(`${what} must be a span id (a whole number).`);

export const linkSpansSchema = z
  .object({
    annotationId: spanId("annotationId"),
    otherAnnotationId: spanId("otherAnnotationId"),
  })
  .strict();
export type LinkSpansInput = z.infer<typeof linkSpansSchema>;

/** `?limit=` on the matches route: 1–50, 5 when absent. */
export const suggestionLimitSchema = z.coerce
  .number({ error: "limit must be a whole number from 1 to 50." })
  .int("limit must be a whole number from 1 to 50.")
  .min(1, "limit must be a whole number from 1 to 50.")
  .max(50, "limit must be a whole number from 1 to 50.")
  .default(5);
