import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/server/auth";
import { NewProjectForm } from "./components";

export const metadata = { title: "New project" };

export default async function NewProjectPage(): Promise<ReactNode> {
  await connection();
  await requireAdmin();
  return (
    <section className="narrow card">
      <h1>New project</h1>
      <p>A project is one annotation campaign: its documents, its team and its guidelines. You become its manager.</p>
      <NewProjectForm />
    </section>
  );
}
