import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/auth";
import { listOutletsForViewer } from "@/lib/server/outlets";
import { TableRegion } from "@/app/table-region";

export const metadata = { title: "Outlets" };

export default async function OutletsPage(): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const outlets = await listOutletsForViewer(user);
  return (
    <section>
      <h1>Outlets</h1>
      <p className="lead">
        Every outlet known to Provenance Desk. Each profile gathers the outlet’s documents in your projects, your team’s perspective ratings and published
        reference ratings.
      </p>
      {outlets.length === 0 ? (
        <p className="empty">No outlets yet. They are added when documents are imported with an outlet.</p>
      ) : (
        <TableRegion label="Outlets">
          <table className="table">
            <caption className="visually-hidden">Outlets</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col" className="num">
                  Documents in your projects
                </th>
              </tr>
            </thead>
            <tbody>
              {outlets.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/outlets/${o.id}`}>{o.name}</Link>
                    {o.domain ? <span className="meta"> · {o.domain}</span> : null}
                  </td>
                  <td>{o.kind.replace("_", " ")}</td>
                  <td>{o.country ?? <span className="meta">—</span>}</td>
                  <td className="num">{o.documentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
