import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/server/auth";
import { listProjectsForUser } from "@/lib/server/projects";
import { listQueue, summarizeQueue } from "@/lib/server/queue";
import { adminExists } from "@/lib/server/users";

export const metadata = { title: "Projects" };

const ROLE_LABEL = { manager: "Manager", annotator: "Annotator", adjudicator: "Adjudicator" } as const;

export default async function HomePage(): Promise<ReactNode> {
  await connection();
  if (!(await adminExists())) redirect("/setup");
  const { user } = await getCurrentSession();
  if (user === null) redirect("/login");
  const projects = await listProjectsForUser(user);
  const queue = summarizeQueue(await listQueue(user));
  const open = queue.todo + queue.inProgress;
  return (
    <section>
      {open + queue.done > 0 ? (
        <aside className="card queue-card" aria-labelledby="queue-heading">
          <h2 id="queue-heading">Your queue</h2>
          <p>
            {queue.inProgress} in progress · {queue.todo} to do · {queue.done} done
          </p>
          <p className="row-actions">
            {open > 0 ? (
              <Link className="button primary" href="/queue/next">
                Next document
              </Link>
            ) : (
              <span className="meta">All your documents are done.</span>
            )}
            <Link href="/queue">See the whole queue</Link>
          </p>
        </aside>
      ) : null}
      <div className="page-head">
        <h1>Projects</h1>
        {user.role === "admin" ? (
          <Link className="button primary" href="/projects/new">
            New project
          </Link>
        ) : null}
      </div>
      {projects.length === 0 ? (
        <p className="empty">You are not a member of any project yet. An administrator or project manager can add you.</p>
      ) : (
        <ul className="card-list" aria-label="Your projects">
          {projects.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link href={`/projects/${p.id}`}>{p.name}</Link>
              </h2>
              {p.description ? <p>{p.description}</p> : null}
              <p className="meta">
                <span className="badge">{ROLE_LABEL[p.role]}</span>
                {p.isDemo ? <span className="badge demo">Demo</span> : null}
                <span>
                  {p.documentCount} document{p.documentCount === 1 ? "" : "s"}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
