// The sources registry's edits: rename, retype, re-affiliate, add and remove aliases, merge two
// sources and undo a merge. Shared by the route handlers, the Sources page and the tests.
import { z } from "@/lib/validation/zod";
import { SOURCE_KINDS, type SourceDto } from "./annotations";

export const SOURCE_NAME_MAX = 200;
export const ALIASES_MAX = 100;

const alias = z.string().trim().min(1, "An alias cannot be empty.").max(SOURCE_NAME_MAX, `An alias is at most ${SOURCE_NAME_MAX} characters.`);
const aliasList = z.array(alias).max(ALIASES_MAX, `At most ${ALIASES_MAX} aliases at a time.`);

/**
 * Aliases are added and removed by name rather than sent as a whole list, so two curators
 * adding different aliases at the same time both keep theirs.
 */
export const updateSourceSchema = z
  .strictObject({
    name: z.string().trim().min(1, "Enter the source's name.").max(SOURCE_NAME_MAX, `A name is at most ${SOURCE_NAME_MAX} characters.`).optional(),
    kind: z.enum(SOURCE_KINDS, { message: "Pick the kind of source." }).optional(),
    affiliation: z.string().trim().max(200, "An affiliation is at most 200 characters.").optional(),
    addAliases: aliasList.optional(),
    removeAliases: aliasList.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one of name, kind, affiliation, addAliases, removeAliases." });
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const mergeSourcesSchema = z
  .strictObject({
    from: z.number({ message: "from must be the id of the source to merge away." }).int().positive(),
    into: z.number({ message: "into must be the id of the source to keep." }).int().positive(),
  })
  .refine((v) => v.from !== v.into, { message: "A source cannot be merged into itself; pick two different sources.", path: ["into"] });
export type MergeSourcesInput = z.infer<typeof mergeSourcesSchema>;

/** A row of the Sources page: the source and how often it is quoted, as far as the reader may know. */
export interface SourceRow extends SourceDto {
  quotes: number;
  documents: number;
  outlets: number;
}

/** One entry of the registry's history on the Sources page. */
export interface SourceHistoryEntry {
  id: number;
  action: "create" | "update" | "merge" | "unmerge";
  actorName: string | null;
  at: string;
  /** A sentence describing the change, e.g. "Merged “Khanjar” into “Khamis al-Khanjar”: 3 quotes moved." */
  summary: string;
  /** On a merge: whether it can still be undone (not yet undone). */
  undoable: boolean;
}
