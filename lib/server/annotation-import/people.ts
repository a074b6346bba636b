// Who a file's usernames are here, and which layer each span goes to. A span keeps its author
// only if that person is a member of this project: an import must not hand work to strangers,
// so a missing person is refused once, with who is missing and what to do instead.
import { and, asc, eq } from "drizzle-orm";
import { projectMembers, users } from "@/db/tables";
import type { LayerName } from "@/lib/export/types";
import { refuse, type ImportRun, type Member, type SpanInput } from "./types";
import { first } from "@/db/rows";

export interface LayerTarget {
  layer: "annotator" | "gold";
  annotatorId: number;
}

async function memberNames(run: ImportRun): Promise<string[]> {
  const rows = await run.tx
    .select({ username: users.username })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, run.projectId))
    .orderBy(asc(users.username));
  return rows.map((r) => r.username);
}

async function missingReason(run: ImportRun, username: string, exists: boolean, where: string): Promise<string> {
  const who = exists ? `“${username}” is not a member of this project` : `there is no user “${username}” here`;
  const fix = exists ? "add them to the project as a member" : "an admin can create the account and a manager add it to the project";
  const alternatives = (await memberNames(run)).map((n) => `reviewer:${n}`);
  return `${who} (${where}): ${fix}, or import with the layer gold or one of ${alternatives.join(", ")}`;
}

/** The project member with this username; null (refused once, naming `where`) when there is none. */
export async function memberByUsername(run: ImportRun, username: string, where: string): Promise<Member | null> {
  const key = username.toLowerCase();
  const known = run.members.get(key);
  if (known !== undefined) return known;
  const user = await first(
    run.tx.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(eq(users.username, key)),
  );
  const member =
    user === undefined
      ? undefined
      : await first(
          run.tx
            .select({ userId: projectMembers.userId })
            .from(projectMembers)
            .where(and(eq(projectMembers.projectId, run.projectId), eq(projectMembers.userId, user.id))),
        );
  const found = user !== undefined && member !== undefined ? user : null;
  if (found === null) refuse(run, `user ${key}`, await missingReason(run, key, user !== undefined, where));
  run.members.set(key, found);
  return found;
}

const reviewerOf = (layer: LayerName): string => layer.slice("reviewer:".length);

/**
 * The layer a span is written to. "gold" and "reviewer:NAME" put every span in that layer
 * (gold spans are then the importing manager's); "as-exported" follows the file, keeping a
 * gold span's author when the file names one.
 */
export async function targetOf(run: ImportRun, span: SpanInput): Promise<LayerTarget | null> {
  const chosen: LayerName | null = run.layer === "as-exported" ? span.layer : run.layer;
  if (chosen === null) {
    refuse(run, span.ref, "the file does not say which layer this span is in: import it with the layer gold or reviewer:<username>");
    return null;
  }
  if (chosen === "gold") {
    if (run.layer !== "as-exported" || span.annotator === undefined) return { layer: "gold", annotatorId: run.actor.id };
    const author = await memberByUsername(run, span.annotator.username, `author of the gold span ${span.ref}`);
    return author === null ? null : { layer: "gold", annotatorId: author.id };
  }
  const reviewer = await memberByUsername(run, reviewerOf(chosen), run.layer === "as-exported" ? `reviewer of ${span.ref}` : "the chosen layer");
  return reviewer === null ? null : { layer: "annotator", annotatorId: reviewer.id };
}
