"use server";
import { redirect } from "next/navigation";
import { formString, type FormState } from "@/app/form-state";
import { getCurrentSession } from "@/lib/server/auth";
import { createProject } from "@/lib/server/projects";
import { newProjectSchema } from "@/lib/validation/projects";
import { fieldErrors } from "@/lib/validation/users";

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user } = await getCurrentSession();
  if (user === null) redirect("/login");
  const values = { name: formString(formData, "name"), description: formString(formData, "description") };
  const parsed = newProjectSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await createProject(user, parsed.data);
  if (!result.ok) return { message: result.error, values };
  redirect(`/projects/${result.projectId}`);
}
