import type { ReactNode } from "react";
import { listProjectAssignments, type ProjectAssignmentRow } from "@/lib/server/assignment-removal";
import { listDocumentsForMember } from "@/lib/server/document-reads";
import { listMembers, type MemberRow } from "@/lib/server/members";
import type { ProjectForMember } from "@/lib/server/projects";
import { ROLE_LABELS } from "@/lib/validation/members";
import { AssignForm, AutoAssignForm, type Option } from "./assign-forms";
import { AssignmentList } from "./assignment-list";
import { AddMemberForm, MemberActions } from "./components";
import { memberProject, ProjectNav, type ProjectParams } from "../project-page";
import { Markdown } from "@/app/markdown";
import { TableRegion } from "@/app/table-region";
import "./team.css";

export const metadata = { title: "Team" };

function MembersTable({ project, members }: { project: ProjectForMember; members: MemberRow[] }): ReactNode {
  const manages = project.role === "manager";
  return (
    <TableRegion label={`Members of ${project.name}`}>
      <table className="table members">
        <caption className="visually-hidden">Members of {project.name}</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            {manages ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} data-username={m.username}>
              <td>
                <strong>{m.displayName}</strong> <span className="meta">{m.username}</span>
                {m.disabled ? (
                  <>
                    {" "}
                    <span className="badge danger">Disabled</span>
                  </>
                ) : null}
              </td>
              <td>
                <span className="badge">{ROLE_LABELS[m.role]}</span>
              </td>
              {manages ? (
                <td>
                  <MemberActions projectId={project.id} userId={m.userId} name={m.displayName} role={m.role} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function AssignSection({
  project,
  members,
  documents,
  assigned,
}: {
  project: ProjectForMember;
  members: MemberRow[];
  documents: Option[];
  assigned: ProjectAssignmentRow[];
}): ReactNode {
  const reviewers = members.filter((m) => !m.disabled).map((m) => ({ id: m.userId, label: m.displayName, role: m.role }));
  return (
    <section aria-labelledby="assign-heading" className="stack">
      <h2 id="assign-heading">Assign documents</h2>
      {documents.length === 0 ? (
        <p className="empty">Add documents to the project before assigning them.</p>
      ) : (
        <div className="two-columns">
          <AutoAssignForm projectId={project.id} reviewers={reviewers} perDocument={project.settings.annotatorsPerDocument} />
          <AssignForm projectId={project.id} documents={documents} reviewers={reviewers} />
        </div>
      )}
      <h3 id="assignments-heading">Current assignments</h3>
      <AssignmentList projectId={project.id} rows={assigned} />
    </section>
  );
}

export default async function TeamPage({ params }: { params: ProjectParams }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const members = (await listMembers(user, project.id)) ?? [];
  const manages = project.role === "manager";
  const documents = manages ? (await listDocumentsForMember(user, project.id, { sort: "title" })).map((d) => ({ id: d.id, label: d.title })) : [];
  const assigned = manages ? ((await listProjectAssignments(user, project.id)) ?? []) : [];
  return (
    <section>
      <ProjectNav project={project} current="team" />
      <h1>Team</h1>
      <div className={manages ? "sidebar-layout" : undefined}>
        <div className="stack">
          <MembersTable project={project} members={members} />
          {manages ? <AssignSection project={project} members={members} documents={documents} assigned={assigned} /> : null}
        </div>
        {manages ? (
          <aside className="card" aria-labelledby="add-member-heading">
            <AddMemberForm projectId={project.id} />
          </aside>
        ) : null}
      </div>
      <section aria-labelledby="guidelines-heading" className="guidelines-section">
        <h2 id="guidelines-heading">Guidelines</h2>
        {/* Rendered from Markdown and sanitised: nothing in the guidelines can run (app/markdown.tsx). */}
        {project.guidelines.trim() ? (
          <Markdown source={project.guidelines} className="guidelines card markdown" />
        ) : (
          <p className="empty">No guidelines yet.</p>
        )}
      </section>
    </section>
  );
}
