import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/server/auth";
import { logout } from "./actions";
import { MainMenu } from "./main-menu";
import "./globals.css";
import { PageLink } from "@/app/page-link";

export const metadata: Metadata = {
  title: { default: "Provenance Desk", template: "%s · Provenance Desk" },
  description: "Annotate where news claims come from and how outlets slant them.",
};

export default async function RootLayout({ children }: { children: ReactNode }): Promise<ReactNode> {
  const { user } = await getCurrentSession();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar">
          <PageLink href="/" className="brand">
            Provenance Desk
          </PageLink>
          {user ? (
            <MainMenu>
              <PageLink href="/">Projects</PageLink>
              <PageLink href="/queue">Your queue</PageLink>
              <PageLink href="/outlets">Outlets</PageLink>
              {user.role === "admin" ? <PageLink href="/admin/users">Users</PageLink> : null}
              <PageLink href="/account">Account</PageLink>
              <span className="whoami" title={`Signed in as ${user.username}`}>
                {user.displayName}
              </span>
              <form action={logout}>
                <button type="submit" className="button link">
                  Sign out
                </button>
              </form>
            </MainMenu>
          ) : null}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
