"use client";
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { setupAdmin } from "./actions";

export function SetupForm(): ReactNode {
  const [state, action] = useActionState(setupAdmin, EMPTY_FORM_STATE);
  return (
    <form action={action} className="stack">
      <FormMessage message={state.message} />
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.values?.username}
        error={state.errors?.username}
        hint="Lowercase letters, digits, dots, dashes, underscores."
      />
      <Field label="Display name" name="displayName" required defaultValue={state.values?.displayName} error={state.errors?.displayName} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.password}
        hint="At least 10 characters."
      />
      <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required error={state.errors?.confirm} />
      <SubmitButton pendingText="Creating…">Create administrator</SubmitButton>
    </form>
  );
}
