// Preparing an export for a project's manager or adjudicator: parse the choices, check who is
// asking, resolve the scope, count what the file will hold, and hand back a stream that reads
// the database only as fast as its consumer takes the bytes.
import { formatOf, projectSlug } from "@/lib/export";
import type { Chunk, DocumentSource, ExportMeta } from "@/lib/export/types";
import type { ExportOptions, RawExportQuery } from "@/lib/validation/export";
import type { Failure } from "../annotations/result";
import type { SessionUser } from "../session";
import { planExport, type PlannedExport } from "./authorize";
import type { ExportSummary } from "./plan";
import { exportSource } from "./reader";

export interface PreparedExport {
  fileName: string;
  contentType: string;
  options: ExportOptions;
  stream(): AsyncGenerator<Chunk, void, undefined>;
  /** Documents the writer has taken from the reader so far (over all its passes). */
  documentsRead(): number;
  /** Documents in the chosen scope before the gold-only filter: known without counting spans. */
  documentsInScope: number;
  /** What the file holds; counted over the whole scope on first call (see ExportMeta.totals). */
  totals(): Promise<ExportSummary>;
}

export async function prepareExport(user: SessionUser, projectId: number, raw: RawExportQuery, baseUrl: string): Promise<PreparedExport | Failure> {
  const planned = await planExport(user, projectId, raw);
  return "ok" in planned ? planned : preparePlanned(planned, baseUrl);
}

/** A source that counts the documents taken from it, for progress and for the log. */
function counted(open: DocumentSource, onDocument: (read: number) => void): DocumentSource {
  let read = 0;
  return (pass) =>
    (async function* () {
      for await (const doc of open(pass)) {
        onDocument(++read);
        yield doc;
      }
    })();
}

/** The file for a plan that has been authorized; `onDocument` hears each document read (the CLI's progress bar). */
export function preparePlanned(planned: PlannedExport, baseUrl: string, onDocument: (read: number) => void = () => undefined): PreparedExport {
  // `planned.summary()` counts on first call: nothing here may call it before the stream starts.
  const { plan } = planned;
  const format = formatOf(plan.options.format);
  const meta: ExportMeta = {
    project: plan.project,
    exportedAt: new Date().toISOString(),
    baseUrl: baseUrl.replace(/\/+$/, ""),
    layer: plan.options.layer,
    kinds: plan.options.kinds,
    includeText: plan.options.includeText || !format.textOptional,
    totals: () => planned.summary(),
  };
  const layerPart = plan.options.layer.replace(/^reviewer:/, "reviewer-");
  let read = 0;
  const source = counted(exportSource(plan), (n) => {
    read = n;
    onDocument(n);
  });
  return {
    totals: () => planned.summary(),
    documentsInScope: plan.documentIds.length,
    options: plan.options,
    fileName: `${projectSlug(plan.project.name)}-${layerPart}.${format.extension}`,
    contentType: format.contentType,
    stream: () => format.writer(source, meta),
    documentsRead: () => read,
  };
}

export { canExport, planExport, planExportAsOperator, type PlannedExport } from "./authorize";
export type { ExportPlan, ExportSummary } from "./plan";
