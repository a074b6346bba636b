// Side-by-side reading: two or three documents of a story in columns, their spans marked, and
// what links them (a claim, a speaker) lit up in every column on hover or focus.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { linksBetween } from "@/lib/charts/reading";
import { layerChoiceParam, loadReading, parseLayerChoice } from "@/lib/server/compare";
import { listStoriesForMember } from "@/lib/server/stories";
import { parseId } from "@/lib/validation/projects";
import { LayerForm } from "../../../compare/layer";
import { withQuery } from "../../../compare/paths";
import { single, type Search } from "../../../compare/query";
import { memberProject, ProjectNav } from "../../../project-page";
import { ChooseDocuments, parseDocs, type Choice } from "./choose";
import { ReadingColumn } from "./column";
import { ReadingLinks } from "./components";
import { KeysHelp, KindLegend } from "./help";
import "../../../compare/compare.css";
import "./read.css";

type Params = Promise<{ projectId: string; storyId: string }>;

export const metadata = { title: "Read side by side" };

/** By default: the first document of up to three different outlets, oldest first. */
function defaultChoice(documents: (Choice & { outletId: number | null })[]): number[] {
  const picked: number[] = [];
  const outlets = new Set<number | null>();
  for (const d of documents) {
    if (picked.length === 3 || outlets.has(d.outletId)) continue;
    picked.push(d.id);
    outlets.add(d.outletId);
  }
  // A story from one outlet still opens on two of its documents.
  for (const d of documents) if (picked.length < 2 && !picked.includes(d.id)) picked.push(d.id);
  return picked;
}

export default async function ReadPage({ params, searchParams }: { params: Params; searchParams: Search }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const storyId = parseId((await params).storyId);
  const story = storyId === null ? undefined : (await listStoriesForMember(user, project.id))?.stories.find((s) => s.id === storyId);
  if (story === undefined) notFound();
  const query = await searchParams;
  const documents = story.outlets.flatMap((c) => c.documents).sort((a, b) => (a.publishedAt ?? "9999").localeCompare(b.publishedAt ?? "9999") || a.id - b.id);
  const asked = parseDocs(query.docs);
  const ids = query.docs === undefined ? defaultChoice(documents) : asked.ids;
  const layer = parseLayerChoice(single(query.layer));
  const storyPath = `/projects/${project.id}/stories/${story.id}`;
  const problem =
    documents.length === 0
      ? "This story has no documents yet."
      : asked.bad.length > 0
        ? `“${asked.bad[0]}” is not a document id.`
        : ids.length > 3
          ? "Choose at most three documents to read side by side."
          : ids.length === 0
            ? "Choose two or three documents of the story."
            : null;
  const result = problem === null ? await loadReading(user, project.id, story.id, ids, layer) : null;
  const view = result?.ok ? result.view : null;
  const layerParam = view === null || view.blind ? null : layerChoiceParam(view.layer);
  const links = view === null ? null : linksBetween(view.documents, view.groups, view.sources);
  return (
    <section className="compare-page reading-page">
      <ProjectNav
        project={project}
        current="stories"
        trail={[{ label: story.name, href: withQuery(storyPath, { layer: layerParam }) }, { label: "Read side by side" }]}
      />
      <h1>Read side by side</h1>
      <p className="lead">
        {story.name}: {documents.length} document{documents.length === 1 ? "" : "s"}. Spans of the layer shown are marked; a claim linked across documents and a
        speaker quoted in more than one light up in every column.
      </p>
      <ChooseDocuments action={`${storyPath}/read`} documents={documents} chosen={ids} layer={layerParam} />
      {view === null ? null : (
        <LayerForm action={`${storyPath}/read`} blind={view.blind} reviewers={view.reviewers} current={layerParam} keep={{ docs: ids.join(",") }} />
      )}
      {problem !== null || (result !== null && !result.ok) ? (
        <p className="notice error" role="alert">
          {problem ?? (result !== null && !result.ok ? result.error : "")}
        </p>
      ) : null}
      {documents.length === 1 ? <p className="notice">This story has one document; add another to read coverage side by side.</p> : null}
      {view === null || links === null ? null : (
        <>
          <KindLegend />
          <KeysHelp />
          <ReadingLinks labels={links.labels}>
            <div className={`read-columns columns-${view.documents.length}`}>
              {view.documents.map((d, i) => (
                <ReadingColumn key={d.document.id} projectId={project.id} index={i + 1} reading={d} keysOf={links.bySpan} blind={view.blind} />
              ))}
            </div>
          </ReadingLinks>
        </>
      )}
    </section>
  );
}
