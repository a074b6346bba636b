// Words for classes, decisions and attributes, shared by the server sections and the client board.
import type { DifferenceClass } from "@/lib/review";

export const CLASS_LABELS: Record<DifferenceClass, string> = {
  agree: "Agree",
  different_kind: "Different kind",
  different_boundaries: "Different boundaries",
  only_some: "Only one reviewer marked it",
  attribute_differs: "Attribute differs",
};

export const DECISION_LABELS = { accepted: "Accepted", edited: "Accepted with changes", rejected: "Rejected", added: "Added" } as const;

export const ATTRIBUTE_LABELS: Record<string, string> = {
  source_id: "Speaker",
  speaker_type: "Speaker type",
  mode: "Mode",
  content_type: "Content",
  checkworthy: "Check-worthy",
  certainty: "Certainty",
  holder: "Holder",
  sentiment: "Sentiment",
  bias: "Bias",
};

/** An attribute value as a person reads it (a speaker by name, enums with spaces). */
export function attributeText(name: string, value: unknown, sourceNames: Record<number, string>): string {
  if (value === undefined || value === null || value === "") return "—";
  if (name === "source_id" && typeof value === "number") return sourceNames[value] ?? `source ${value}`;
  return String(value).replaceAll("_", " ");
}
