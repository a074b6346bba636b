// One measured export, in a process of its own so its resident memory is its own: either the
// bare better-sqlite3 iterate() over the span rows (the ceiling) or a whole export in a format,
// written to /dev/null. Prints one JSON line: ms, rows, bytes, RSS before and at peak.
import { getSqlite } from "@/db";
import { planExportAsOperator, preparePlanned } from "@/lib/server/export";

async function main(): Promise<void> {
  const [what, projectId] = [process.argv[2]!, Number(process.argv[3])];
  const sqlite = getSqlite();
  let peak = process.memoryUsage().rss;
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  let rows = 0;
  let bytes = 0;
  if (what === "baseline") {
    const statement = sqlite.prepare(
      "select a.*, u.username, u.display_name from annotations a join users u on u.id = a.annotator_id join documents d on d.id = a.document_id where d.project_id = ? and a.deleted_at is null order by a.document_id",
    );
    for (const row of statement.iterate(projectId)) {
      rows += 1;
      // Touch the row so the loop cannot be optimized away.
      bytes += (row as { exact: string }).exact.length;
      if (rows % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
  } else {
    const project = { id: projectId, name: "Export bench" };
    const planned = await planExportAsOperator(project, { format: what, layer: "all" });
    if ("ok" in planned) throw new Error(planned.error);
    rows = (await planned.summary()).spanCount;
    const prepared = preparePlanned(planned, "http://127.0.0.1:3000");
    let chunks = 0;
    for await (const chunk of prepared.stream()) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      // Sample in the loop too: the interval timer cannot fire while the loop never awaits I/O.
      if (++chunks % 200 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ what, ms, rows, bytes, rssBefore: before, rssPeak: peak }));
}

void main();
