// Seeds the export benchmark's corpus straight into a SQLite file made by the real migrations:
// 10,000 documents × 100 live spans (two reviewers × 50) = 1,000,000 spans, with quotes that
// name a registry speaker, so every writer does its full work. Raw prepared inserts: the point
// is the export, not the seeding.
import { sha256Hex } from "@/lib/text/hash";

export const DOCUMENTS = 10_000;
export const SPANS_PER_REVIEWER = 50;
const REVIEWERS = 2;
const KINDS = ["claim", "opinion", "quote"] as const;

function body(n: number): string {
  const words = `Article ${n}: the council voted to add a levy to water bills; critics said renters would pay most, and the mayor said “it is fair”. `;
  return words.repeat(20).trimEnd();
}

export interface Seeded {
  projectId: number;
  managerId: number;
  spans: number;
}

export async function seedExportCorpus(): Promise<Seeded> {
  const { getSqlite } = await import("@/db");
  const sqlite = getSqlite();
  const insertUser = sqlite.prepare("insert into users (username, display_name, password_hash, role) values (?, ?, 'x', ?) returning id");
  const manager = (insertUser.get("manager", "Manager", "admin") as { id: number }).id;
  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => (insertUser.get(`reviewer${i}`, `Reviewer ${i}`, "member") as { id: number }).id);
  const projectId = (sqlite.prepare("insert into projects (name, settings) values ('Export bench', '{}') returning id").get() as { id: number }).id;
  const member = sqlite.prepare("insert into project_members (project_id, user_id, role) values (?, ?, ?)");
  member.run(projectId, manager, "manager");
  for (const id of reviewers) member.run(projectId, id, "annotator");
  const outlet = (sqlite.prepare("insert into outlets (name, kind) values ('Bench Courier', 'newspaper') returning id").get() as { id: number }).id;
  const source = (sqlite.prepare("insert into sources (project_id, name, kind) values (?, 'Mayor', 'person') returning id").get(projectId) as { id: number })
    .id;
  const insertDoc = sqlite.prepare(
    "insert into documents (project_id, outlet_id, title, text, text_sha256, char_count, word_count) values (?, ?, ?, ?, ?, ?, ?) returning id",
  );
  const insertSpan = sqlite.prepare(
    "insert into annotations (document_id, annotator_id, layer, kind, start, \"end\", exact, prefix, suffix, attributes) values (?, ?, 'annotator', ?, ?, ?, ?, ?, ?, ?)",
  );
  let spans = 0;
  sqlite.transaction(() => {
    for (let n = 0; n < DOCUMENTS; n++) {
      const text = body(n);
      const docId = (insertDoc.get(projectId, outlet, `Bench article ${n}`, text, sha256Hex(text), text.length, Math.round(text.length / 6)) as { id: number })
        .id;
      const slot = Math.floor(text.length / SPANS_PER_REVIEWER);
      for (const reviewer of reviewers) {
        for (let i = 0; i < SPANS_PER_REVIEWER; i++) {
          const kind = KINDS[i % 3]!;
          const start = i * slot + (reviewer % 3);
          const end = start + 20 + (i % 7);
          const attributes =
            kind === "quote"
              ? { source_id: source, speaker_type: "named_person", mode: "direct", cue: "said" }
              : kind === "claim"
                ? { checkworthy: "yes" }
                : { holder: "author" };
          insertSpan.run(
            docId,
            reviewer,
            kind,
            start,
            end,
            text.slice(start, end),
            text.slice(Math.max(0, start - 32), start),
            text.slice(end, end + 32),
            JSON.stringify(attributes),
          );
          spans += 1;
        }
      }
    }
  })();
  return { projectId, managerId: manager, spans };
}
