// Building a story's candidate vectors (./candidates) takes a second or two the first time a
// process ranks that story; doing it when a reviewer opens one of its documents means their
// first "suggest matches" finds the work done. It runs one document at a time and yields to the
// event loop between documents, so requests arriving meanwhile wait tens of milliseconds at
// most, not the whole build. The cache holds spans whoever may see them; suggestMatches still
// filters and re-reads winners under the viewer's visibility, so warming grants nothing.
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { documents } from "@/db/tables";
import { documentCandidates } from "./candidates";

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// One warm-up per story at a time: two page views of the same story share it.
const running = new Map<number, Promise<void>>();

async function warm(storyId: number): Promise<void> {
  const ids = await getDb().select({ id: documents.id }).from(documents).where(eq(documents.storyId, storyId));
  for (const { id } of ids) {
    await pause();
    // Each call reads only what changed since the cache last saw it: cheap when already warm.
    await documentCandidates(getDb(), [id]);
  }
}

/**
 * Fills the match-suggestion cache for every document of the story. Never rejects: a failure
 * (the database closed under it, say) is logged and costs only the head start.
 */
export function warmStory(storyId: number): Promise<void> {
  const pending = running.get(storyId);
  if (pending !== undefined) return pending;
  const started = warm(storyId)
    .catch((error: unknown) => console.error(`Could not warm match suggestions for story ${storyId}:`, error))
    .finally(() => running.delete(storyId));
  running.set(storyId, started);
  return started;
}
