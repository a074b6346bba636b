import { connection } from "next/server";
import type { ReactNode } from "react";
import { listApiTokens } from "@/lib/server/api-tokens";
import { requireUser } from "@/lib/server/auth";
import { MAX_LIVE_API_TOKENS } from "@/lib/validation/api-tokens";
import { CreateTokenForm, RevokeTokenForm } from "./components";
import { TableRegion } from "@/app/table-region";
import "./account.css";

export const metadata = { title: "Your account" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function AccountPage(): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const tokens = await listApiTokens(user);
  return (
    <section>
      <h1>Your account</h1>
      <p className="lead">
        Signed in as {user.displayName} ({user.username}).
      </p>
      <h2>API tokens</h2>
      <p className="lead">
        A token lets a script download exports of the projects you may export, as you. It can read exports and nothing else. Send it as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/projects/&lt;id&gt;/export</code>.
      </p>
      <div className="sidebar-layout">
        <div>
          {tokens.length === 0 ? (
            <p className="empty">You have no API tokens.</p>
          ) : (
            <TableRegion label="Your API tokens">
              <table className="table">
                <caption className="visually-hidden">Your API tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Token</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((t) => (
                    <tr key={t.id} data-token-id={t.id}>
                      <td>
                        <strong>{t.name}</strong>
                      </td>
                      <td>
                        <code>pdt_…{t.lastFour}</code>
                      </td>
                      <td className="nowrap">{dateFormat.format(t.createdAt)}</td>
                      <td className="nowrap">{t.lastUsedAt === null ? <span className="meta">Never</span> : timeFormat.format(t.lastUsedAt)}</td>
                      <td>
                        <RevokeTokenForm tokenId={t.id} name={t.name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <p className="meta">
            {tokens.length} of at most {MAX_LIVE_API_TOKENS} tokens.
          </p>
        </div>
        <aside className="card" aria-labelledby="create-token-heading">
          <h2 id="create-token-heading">Create a token</h2>
          <p className="meta">It is shown once, right after you create it; only a fingerprint of it is kept.</p>
          <CreateTokenForm />
        </aside>
      </div>
    </section>
  );
}
