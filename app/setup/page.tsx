import { redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { adminExists } from "@/lib/server/users";
import { SetupForm } from "./components";

export const metadata = { title: "Set up" };

export default async function SetupPage(): Promise<ReactNode> {
  await connection();
  if (await adminExists()) redirect("/login?setup=done");
  return (
    <section className="narrow card">
      <h1>Welcome to Provenance Desk</h1>
      <p>Create the first administrator account. Administrators add reviewers and create projects.</p>
      <SetupForm />
    </section>
  );
}
