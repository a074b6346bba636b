"use client";
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { login } from "./actions";

export function LoginForm({ next }: { next: string }): ReactNode {
  const [state, action] = useActionState(login, EMPTY_FORM_STATE);
  return (
    <form action={action} className="stack">
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field label="Username" name="username" autoComplete="username" required autoFocus defaultValue={state.values?.username} error={state.errors?.username} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.errors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
