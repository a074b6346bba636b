// A document's details for its managers: edit the metadata (audited, refused when someone else
// saved first) or delete the document with everything attached to it, after a confirmation
// that says what goes. Non-members and unknown documents get 404; other roles are told why not.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { memberDocument, type DocumentParams } from "../../../project-page";
import { listOutlets, listStories } from "@/lib/server/catalog";
import { getDocumentDetails } from "@/lib/server/document-edit";
import { DeleteDocument, DetailsForm } from "./components";

export const metadata = { title: "Document details" };

export default async function DocumentDetailsPage({ params }: { params: DocumentParams }): Promise<ReactNode> {
  const { user, project, doc } = await memberDocument(params);
  const result = await getDocumentDetails(user, doc.projectId, doc.id);
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href="/">Projects</Link> / <Link href={`/projects/${doc.projectId}`}>{project.name}</Link> /{" "}
      <Link href={`/projects/${doc.projectId}/documents/${doc.id}`}>{doc.title}</Link> / <span>Details</span>
    </nav>
  );
  if (!result.ok) {
    if (result.status === 404) notFound();
    return (
      <section className="narrow card stack">
        {breadcrumb}
        <h1>Document details</h1>
        <p role="alert" className="notice error">
          {result.error}
        </p>
        <Link href={`/projects/${doc.projectId}/documents/${doc.id}`}>Back to the document</Link>
      </section>
    );
  }
  const { details } = result;
  return (
    <section className="stack">
      {breadcrumb}
      <h1>Details of “{doc.title}”</h1>
      <p className="lead">
        {details.wordCount.toLocaleString("en")} words{details.sourceFileName ? `, imported from ${details.sourceFileName}` : ""}. The text is frozen; changing
        these details leaves every span as it is, so reviewers can keep annotating.
      </p>
      <DetailsForm
        projectId={doc.projectId}
        documentId={doc.id}
        values={details.values}
        outlets={(await listOutlets()).map((o) => o.name)}
        stories={(await listStories(doc.projectId)).map((s) => s.name)}
      />
      <DeleteDocument projectId={doc.projectId} documentId={doc.id} title={details.values.title} impact={details.impact} />
    </section>
  );
}
