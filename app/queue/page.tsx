import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/auth";
import { documentHref, listQueue, nextDocument, QUEUE_STATUS_LABELS, summarizeQueue } from "@/lib/server/queue";
import { TableRegion } from "@/app/table-region";
import "./queue.css";

export const metadata = { title: "Your queue" };

const BADGE = { todo: "badge", in_progress: "badge progress", submitted: "badge ok" } as const;

export default async function QueuePage(): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const items = await listQueue(user);
  const next = await nextDocument(user);
  const summary = summarizeQueue(items);
  return (
    <section>
      <div className="page-head">
        <h1>Your queue</h1>
        {next ? (
          <Link className="button primary" href={documentHref(next)}>
            Next document
          </Link>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="empty">Nothing is assigned to you yet. A project manager assigns documents on the project’s team page.</p>
      ) : (
        <>
          <p className="meta queue-summary" role="status">
            {summary.todo} to do · {summary.inProgress} in progress · {summary.done} done
            {next === null ? " — all done, thank you." : ""}
          </p>
          <TableRegion label="Documents assigned to you">
            <table className="table queue">
              <caption className="visually-hidden">Documents assigned to you</caption>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Project</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={`${i.projectId}-${i.documentId}`} data-status={i.status}>
                    <td>
                      <Link href={documentHref(i)}>{i.title}</Link>
                      {i.outletName ? <span className="meta"> · {i.outletName}</span> : null}
                    </td>
                    <td>
                      <Link href={`/projects/${i.projectId}`}>{i.projectName}</Link>
                    </td>
                    <td>
                      <span className={BADGE[i.status]}>{QUEUE_STATUS_LABELS[i.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}
