import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/server/auth";
import { adminExists } from "@/lib/server/users";
import { LoginForm } from "./components";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; setup?: string }> }): Promise<ReactNode> {
  await connection();
  if (!(await adminExists())) redirect("/setup");
  const { user } = await getCurrentSession();
  if (user !== null) redirect("/");
  const { next, setup } = await searchParams;
  return (
    <section className="narrow card">
      <h1>Sign in</h1>
      {setup === "done" ? <p className="notice">Setup is already done. Sign in with your account.</p> : null}
      <LoginForm next={typeof next === "string" ? next : ""} />
    </section>
  );
}
