// The data layer's own cost, call by call, in this process (no HTTP, no React): a session check,
// a document, the span list of a 3,000-span document, span creates and edits. Run on two
// checkouts of the code to compare them (README, "Benchmarks"); prints JSON medians in ms.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeEach(rounds: number, run: (i: number) => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  return Number(median(times).toFixed(3));
}

async function main(): Promise<void> {
  process.env.DATABASE_PATH = path.join(mkdtempSync(path.join(tmpdir(), "pd-calls-")), "calls.db");
  process.env.PROVENANCE_DEMO = "0";
  const fixture = await import("./workspace-fixture");
  const { createAnnotation, listAnnotations, updateAnnotation } = await import("@/lib/server/annotations");
  const { getDocumentForMember } = await import("@/lib/server/document-reads");
  const { validateSessionToken } = await import("@/lib/server/session");
  const { wordAtOrAfter, toCodePoints } = await import("@/lib/text/snap");
  const { user, token } = await fixture.benchUser();
  const { projectId, documentId } = await fixture.addDocument(user, 30_000, 3_000);
  const chars = toCodePoints(fixture.syntheticArticle(30_000));
  const created: { id: number; version: number }[] = [];
  const out = {
    session: await timeEach(500, () => validateSessionToken(token)),
    document: await timeEach(300, () => getDocumentForMember(user, projectId, documentId)),
    list3000: await timeEach(20, () => listAnnotations(user, projectId, documentId)),
    create: await timeEach(300, async (i) => {
      const word = wordAtOrAfter(chars, (i * 97) % (chars.length - 50))!;
      const result = await createAnnotation(user, projectId, documentId, {
        kind: "claim",
        start: word.start,
        end: word.end,
        exact: chars.slice(word.start, word.end).join(""),
      });
      if (!result.ok) throw new Error(result.error);
      created.push({ id: result.annotation.id, version: result.annotation.version });
    }),
    edit: await timeEach(300, async (i) => {
      const span = created[i]!;
      const result = await updateAnnotation(user, projectId, documentId, span.id, { version: span.version, note: `note ${i}` });
      if (!result.ok) throw new Error(result.error);
    }),
  };
  console.log(JSON.stringify(out));
}
void main();
