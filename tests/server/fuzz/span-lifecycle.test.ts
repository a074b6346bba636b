// Model-based fuzzing of the span data layer (lib/server/annotations) on a real database built
// by the real migrations (SQLite, or PostgreSQL in the server-pg project): random runs of
// create, edit, delete and restore (with stale versions, offsets in and out of range, exact
// computed right and wrong, nesting and cycles, a layer marked done and reopened, another
// member intruding) on random Unicode text. After every step the database holds exactly what
// the model says: offsets inside the text, `exact` the code-point slice, versions grown by one
// per change, refusals changing nothing, deleted spans restored intact, one audit entry per
// change.
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { beforeAll, describe, it } from "vitest";
import { getDb } from "@/db";
import { documents } from "@/db/tables";
import type { SessionUser } from "@/lib/server/session";
import { fuzz } from "../../fuzz-seed";
import { wellFormedText } from "../../unit/fuzz/arbitraries";
import { addMember, project, reviewer } from "../helpers";
import { addDocument } from "../outlets-helpers";
import { spanSteps } from "./span-steps";
import type { Model, Real } from "./span-model";
import { first } from "@/db/rows";

const HERE = import.meta.url;
// Only there to stop a run that hangs: 100 cases take ~15 s on SQLite and ~40 s on PostgreSQL
// (a round trip to the server per query), several times that on a machine busy with other suites.
const TIMEOUT = 400_000;

let owner: SessionUser;
let manager: SessionUser;
let projectId: number;
let runs = 0;

beforeAll(async () => {
  owner = await reviewer("olive");
  manager = await reviewer("max");
  projectId = await project();
  await addMember(projectId, owner, "annotator");
  await addMember(projectId, manager, "manager");
});

/** A fresh document of `raw` text (made unique, and given a first line to title it). */
async function freshDocument(raw: string): Promise<Real> {
  const { documentId } = await addDocument(projectId, { text: `Run ${++runs}.\n${raw}` });
  const text = (await first(getDb().select({ text: documents.text }).from(documents).where(eq(documents.id, documentId))))!.text;
  return { owner, manager, projectId, documentId, text, chars: Array.from(text) };
}

describe("span lifecycle on a real database", () => {
  it(
    "any run of create, edit, delete and restore keeps every span anchored, versions growing, refusals harmless and deletions restorable",
    async () => {
      await fuzz(
        "spanLifecycles",
        fc.asyncProperty(wellFormedText, spanSteps, async (raw, steps) => {
          const real = await freshDocument(raw);
          await fc.asyncModelRun(() => ({ model: { spans: [], frozen: false } satisfies Model, real }), steps);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );
});
