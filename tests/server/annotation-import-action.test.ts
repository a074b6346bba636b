// The Import page's "Import annotations" server action: Check (a dry run) then Import, and the
// refusals it gives before reading anything.
import { count } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { importAnnotationsAction } from "@/app/projects/[projectId]/import/actions";
import { getDb } from "@/db";
import { annotations } from "@/db/tables";
import { jsonlLine } from "@/lib/export/jsonl";
import { sha256Hex } from "@/lib/text/hash";
import { MAX_ANNOTATION_IMPORT_BYTES } from "@/lib/validation/annotation-import";
import { sampleDocument, sampleMeta, TEXT } from "../unit/export/fixture";
import { addMember, admin, project, reviewer, signInAs } from "./helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const corpus = jsonlLine({ ...sampleDocument(), textSha256: sha256Hex(TEXT) }, sampleMeta());
const spanCount = async (): Promise<number> => (await first(getDb().select({ n: count() }).from(annotations)))!.n;

function form(projectId: number, intent: "check" | "import", file: File, layer = "gold"): FormData {
  const data = new FormData();
  data.set("projectId", String(projectId));
  data.append("annotationFiles", file);
  data.set("format", "auto");
  data.set("layer", layer);
  data.set("intent", intent);
  return data;
}

/** A file whose bytes must never be read: reading them fails the test. */
class UnreadableFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error("the upload was read");
  }
  override get size(): number {
    return MAX_ANNOTATION_IMPORT_BYTES + 1;
  }
}

describe("importAnnotationsAction", () => {
  it("checks without writing, says what the import would do, then imports the same file", async () => {
    const projectId = await project();
    await signInAs(await admin());
    const file = new File([corpus], "corpus.jsonl");
    const before = await spanCount();
    const checked = await importAnnotationsAction({}, form(projectId, "check", file));
    expect(checked).toMatchObject({ ok: true, checked: true, refused: [] });
    expect(checked.message).toMatch(/^Check passed/);
    expect(checked.lines).toContain("Spans: 7 added, 1 already present (unchanged).");
    expect(await spanCount()).toBe(before);
    const imported = await importAnnotationsAction(checked, form(projectId, "import", file));
    expect(imported).toMatchObject({ ok: true, checked: false, message: "Imported.", lines: checked.lines });
    expect(await spanCount()).toBe(before + 7);
  });

  it("lists every refusal and writes nothing", async () => {
    const projectId = await project();
    await signInAs(await admin());
    const result = await importAnnotationsAction({}, form(projectId, "import", new File([corpus + "{broken\n"], "corpus.jsonl")));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Nothing was imported: 1 problem must be fixed first/);
    expect(result.refused).toEqual([expect.objectContaining({ ref: "line 2" })]);
  });

  it("refuses an upload over the size limit without reading it", async () => {
    const projectId = await project();
    await signInAs(await admin());
    const result = await importAnnotationsAction({}, form(projectId, "check", new UnreadableFile(["x"], "huge.jsonl")));
    expect(result.message).toBe("Nothing was imported: huge.jsonl is 25.0 MB: the limit is 25 MB.");
  });

  it("refuses an annotator before reading the upload", async () => {
    const projectId = await project();
    const annotator = await reviewer();
    await addMember(projectId, annotator, "annotator");
    await signInAs(annotator);
    const result = await importAnnotationsAction({}, form(projectId, "import", new UnreadableFile(["x"], "corpus.jsonl")));
    expect(result.message).toBe("Only a manager of this project can import annotations.");
  });
});
