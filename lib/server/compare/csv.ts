// The CSV download under each chart: the same Table the page renders, as a file a spreadsheet
// opens in UTF-8 (hence the BOM), named after the project, the story and the table.
import { comparisonTables, tableToCsv } from "@/lib/compare";
import { TABLE_NAMES, type TableName } from "@/lib/compare/tables";
import { BOM } from "@/lib/export/csv-cells";
import { slug } from "@/lib/export/slug";
import { fail, type Failure } from "../annotations/result";
import { disposition } from "../export/response";
import type { SessionUser } from "../session";
import { parseLayerChoice } from "./layer";
import { loadComparison } from "./load";

export interface ComparisonCsv {
  ok: true;
  fileName: string;
  /** The file's text, BOM first. */
  body: string;
}

const isTable = (name: string | null): name is TableName => (TABLE_NAMES as readonly (string | null)[]).includes(name);

/** `params` as the URL gives them: `table` (required) and `layer` (optional, as on the page). */
export async function comparisonCsv(user: SessionUser, projectId: number, storyId: number | null, params: URLSearchParams): Promise<ComparisonCsv | Failure> {
  const table = params.get("table");
  if (!isTable(table)) {
    const asked = table === null || table === "" ? "No table was named" : `There is no table “${table}”`;
    return fail(400, "invalid", `${asked}. Ask for one of: ${TABLE_NAMES.join(", ")} (?table=${TABLE_NAMES[0]}).`);
  }
  const loaded = await loadComparison(user, projectId, storyId, parseLayerChoice(params.get("layer")));
  if (!loaded.ok) return loaded;
  const { view } = loaded;
  const tables = comparisonTables(view.comparison, view.input);
  const where = view.story === null ? "all-stories" : slug(view.story.name) || `story-${view.story.id}`;
  const fileName = `${slug(view.project.name) || `project-${view.project.id}`}-${where}-${table}.csv`;
  return { ok: true, fileName, body: BOM + tableToCsv(tables[table]) };
}

export function csvResponse(csv: ComparisonCsv): Response {
  return new Response(csv.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": disposition(csv.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
