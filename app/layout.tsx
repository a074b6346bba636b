import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/server/auth";
import { logout } from "./actions";
import { MainMenu } from "./main-menu";
import "./globals.css";

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
          <Link href="/" className="brand">
            Provenance Desk
          </Link>
          {user ? (
            <MainMenu>
              <Link href="/">Projects</Link>
              <Link href="/queue">Your queue</Link>
              <Link href="/outlets">Outlets</Link>
              {user.role === "admin" ? <Link href="/admin/users">Users</Link> : null}
              <Link href="/account">Account</Link>
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
