import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/server/auth";
import { listUsers } from "@/lib/server/users";
import { CreateUserForm, ResetPasswordForm, ToggleDisabledForm } from "./components";
import { TableRegion } from "@/app/table-region";

export const metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function UsersPage(): Promise<ReactNode> {
  await connection();
  const admin = await requireAdmin();
  const users = await listUsers();
  return (
    <section>
      <h1>Users</h1>
      <div className="sidebar-layout">
        <div>
          <TableRegion label="All users">
            <table className="table">
              <caption className="visually-hidden">All users</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Added</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} data-username={u.username}>
                    <td>
                      <strong>{u.displayName}</strong>
                      <br />
                      <span className="meta">{u.username}</span>
                    </td>
                    <td>{u.role === "admin" ? "Administrator" : "Reviewer"}</td>
                    <td>{u.disabledAt ? <span className="badge danger">Disabled</span> : <span className="badge ok">Active</span>}</td>
                    <td className="nowrap">{dateFormat.format(u.createdAt)}</td>
                    <td>
                      {u.id === admin.id ? (
                        <span className="meta">You</span>
                      ) : (
                        <div className="row-actions">
                          <ToggleDisabledForm userId={u.id} username={u.username} disabled={u.disabledAt !== null} />
                          <ResetPasswordForm userId={u.id} username={u.username} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
        <aside className="card" aria-labelledby="add-reviewer-heading">
          <h2 id="add-reviewer-heading">Add a reviewer</h2>
          <p className="meta">Give them their username and initial password; they join the demo project as annotators.</p>
          <CreateUserForm />
        </aside>
      </div>
    </section>
  );
}
