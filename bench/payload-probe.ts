// One-off: the page's bytes and the span list as sent, full objects vs compact, at 3,000 spans.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-payload-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.db");
  process.env.PROVENANCE_DEMO = "0";
  const { buildFixture } = await import("./workspace-fixture");
  const { listAnnotations } = await import("@/lib/server/annotations");
  const { compactSpans } = await import("@/lib/workspace/compact-spans");
  const { closeDb } = await import("@/db");
  const { startServer } = await import("../tests/e2e/harness");
  const f = await buildFixture(30_000, 3_000);
  const spans = (await listAnnotations(f.user, f.projectId, f.documentId)) ?? [];
  console.log("full DTO JSON bytes", Buffer.byteLength(JSON.stringify(spans)));
  console.log("compact JSON bytes", Buffer.byteLength(JSON.stringify(compactSpans(f.documentId, spans))));
  await closeDb();
  const server = await startServer({ dbPath: process.env.DATABASE_PATH, demo: false });
  try {
    const res = await fetch(`${server.baseUrl}/projects/${f.projectId}/documents/${f.documentId}`, { headers: { cookie: `pd_session=${f.token}` } });
    const html = await res.text();
    console.log("page status", res.status, "HTML bytes", Buffer.byteLength(html));
  } finally {
    await server.stop();
  }
}
void main();
