import { notFound } from "next/navigation";
import { after } from "next/server";
import type { ReactNode } from "react";
import { memberDocument, type DocumentParams } from "../../project-page";
import { referencedSources } from "@/lib/server/annotations/checks";
import { listAnnotations } from "@/lib/server/annotations";
import { documentStatusFor } from "@/lib/server/assignments";
import { warmStory } from "@/lib/server/claim-links/warm";
import { warmComparison } from "@/lib/server/compare/spans";
import { sourceNamesFor } from "@/lib/server/sources";
import { suggestionSettingsFor } from "@/lib/server/suggestions-settings";
import { compactSpans } from "@/lib/workspace/compact-spans";
import { Workspace } from "./components";
import { PageLink } from "@/app/page-link";

type Params = DocumentParams;

export default async function DocumentPage({ params }: { params: Params }): Promise<ReactNode> {
  const { user, project, doc } = await memberDocument(params);
  const spans = await listAnnotations(user, doc.projectId, doc.id);
  if (spans === null) notFound();
  // A reviewer who opens one article of a story is likely to ask for its match suggestions or
  // its comparison next: build both caches once the page has been sent.
  const storyId = doc.storyId;
  if (storyId !== null) {
    after(() => warmStory(storyId));
    after(() => warmComparison(doc.projectId, storyId));
  }

  const status = await documentStatusFor(user, doc.projectId, doc.id);
  const seesOthers = !project.settings.blindMode || project.role !== "annotator";
  return (
    <article className="reader wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <PageLink href="/">Projects</PageLink> / <PageLink href={`/projects/${doc.projectId}`}>{project.name}</PageLink>
      </nav>
      <header className="reader-head">
        <h1>{doc.title}</h1>
        <dl className="doc-meta">
          {doc.outletId !== null ? (
            <>
              <dt>Outlet</dt>
              <dd>
                <PageLink href={`/outlets/${doc.outletId}?project=${doc.projectId}`}>{doc.outletName}</PageLink>
              </dd>
            </>
          ) : null}
          {doc.author ? (
            <>
              <dt>Author</dt>
              <dd>{doc.author}</dd>
            </>
          ) : null}
          {doc.publishedAt ? (
            <>
              <dt>Published</dt>
              <dd>{doc.publishedAt}</dd>
            </>
          ) : null}
          {doc.storyName ? (
            <>
              <dt>Story</dt>
              <dd>{doc.storyName}</dd>
            </>
          ) : null}
          {doc.url ? (
            <>
              <dt>Source</dt>
              <dd>
                <a href={doc.url} rel="noopener noreferrer nofollow" target="_blank">
                  {doc.url}
                </a>
              </dd>
            </>
          ) : null}
          <dt>Length</dt>
          <dd>
            {doc.wordCount.toLocaleString("en")} words · {doc.charCount.toLocaleString("en")} characters
          </dd>
          <dt>Layer</dt>
          <dd>{seesOthers ? "Everyone's spans (you can edit your own)" : "Your own spans (blind mode)"}</dd>
        </dl>
        <nav aria-label="Document pages" className="project-tabs">
          <PageLink href={`/projects/${doc.projectId}/documents/${doc.id}`} aria-current="page">
            Annotate
          </PageLink>
          <PageLink href={`/projects/${doc.projectId}/documents/${doc.id}/segments`}>Provenance and perspective</PageLink>
          {project.role !== "annotator" ? <PageLink href={`/projects/${doc.projectId}/review/${doc.id}`}>Review and adjudicate</PageLink> : null}
          <PageLink href={`/projects/${doc.projectId}/review/${doc.id}/mine`}>Adjudication of your spans</PageLink>
          <PageLink href={`/projects/${doc.projectId}/documents/${doc.id}/text`}>Plain text</PageLink>
          {project.role === "manager" ? <PageLink href={`/projects/${doc.projectId}/documents/${doc.id}/details`}>Details</PageLink> : null}
        </nav>
      </header>
      <Workspace
        projectId={doc.projectId}
        documentId={doc.id}
        text={doc.text}
        initialSpans={compactSpans(doc.id, spans)}
        sourceNames={await sourceNamesFor(user, doc.projectId, [...new Set(spans.flatMap((s) => referencedSources(s.attributes)))])}
        me={{ id: user.id, name: user.displayName }}
        frozen={status === "submitted"}
        seesOthers={seesOthers}
        storyName={doc.storyName}
        suggestions={(await suggestionSettingsFor(user, doc.projectId))?.enabled ?? false}
      />
    </article>
  );
}
