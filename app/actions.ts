"use server";
import { redirect } from "next/navigation";
import { deleteSessionTokenCookie, getCurrentSession } from "@/lib/server/auth";
import { invalidateSession } from "@/lib/server/session";

export async function logout(): Promise<void> {
  const { session } = await getCurrentSession();
  if (session !== null) await invalidateSession(session.id);
  await deleteSessionTokenCookie();
  redirect("/login");
}
