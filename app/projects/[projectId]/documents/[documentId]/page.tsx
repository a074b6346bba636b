import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/auth";
import { getDocumentForMember } from "@/lib/server/documents";
import { parseId } from "@/lib/validation/projects";
import { splitParagraphs } from "@/lib/text";

type Params = Promise<{ projectId: string; documentId: string }>;

export default async function ReaderPage({ params }: { params: Params }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const raw = await params;
  const projectId = parseId(raw.projectId);
  const documentId = parseId(raw.documentId);
  const doc = projectId === null || documentId === null ? null : getDocumentForMember(user, projectId, documentId);
  if (doc === null) notFound();

  // React renders strings as text nodes, so document text can never become markup.
  const paragraphs = splitParagraphs(doc.text);
  return (
    <article className="reader">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${doc.projectId}`}>Documents</Link>
      </nav>
      <header className="reader-head">
        <h1>{doc.title}</h1>
        <dl className="doc-meta">
          {doc.outletName ? <><dt>Outlet</dt><dd>{doc.outletName}</dd></> : null}
          {doc.author ? <><dt>Author</dt><dd>{doc.author}</dd></> : null}
          {doc.publishedAt ? <><dt>Published</dt><dd>{doc.publishedAt}</dd></> : null}
          {doc.storyName ? <><dt>Story</dt><dd>{doc.storyName}</dd></> : null}
          {doc.url ? <><dt>Source</dt><dd><a href={doc.url} rel="noopener noreferrer nofollow" target="_blank">{doc.url}</a></dd></> : null}
          <dt>Length</dt><dd>{doc.wordCount.toLocaleString("en")} words · {doc.charCount.toLocaleString("en")} characters</dd>
        </dl>
      </header>
      <div className="reader-text" data-testid="document-text" data-sha256={doc.textSha256}>
        {paragraphs.map((p) => (
          <p key={p.start} data-start={p.start} data-end={p.end}>{p.text}</p>
        ))}
      </div>
    </article>
  );
}
