"use client";
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { createUserAction, resetPasswordAction, toggleDisabledAction } from "./actions";

export function CreateUserForm(): ReactNode {
  const [state, action] = useActionState(createUserAction, EMPTY_FORM_STATE);
  // A fresh key after success empties the form for the next reviewer.
  return (
    <form action={action} className="stack" key={state.ok ? state.message : "form"}>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Username" name="username" required defaultValue={state.values?.username} error={state.errors?.username} />
      <Field label="Display name" name="displayName" required defaultValue={state.values?.displayName} error={state.errors?.displayName} />
      <Field
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.password}
        hint="At least 10 characters."
      />
      <SubmitButton pendingText="Adding…">Add reviewer</SubmitButton>
    </form>
  );
}

export function ToggleDisabledForm({ userId, username, disabled }: { userId: number; username: string; disabled: boolean }): ReactNode {
  const [state, action] = useActionState(toggleDisabledAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disable" value={disabled ? "false" : "true"} />
      <button type="submit" className="button small" aria-label={`${disabled ? "Enable" : "Disable"} ${username}`}>
        {disabled ? "Enable" : "Disable"}
      </button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

export function ResetPasswordForm({ userId, username }: { userId: number; username: string }): ReactNode {
  const [state, action] = useActionState(resetPasswordAction, EMPTY_FORM_STATE);
  return (
    <details className="inline-details">
      <summary>Reset password</summary>
      <form action={action} className="inline">
        <input type="hidden" name="userId" value={userId} />
        <label className="visually-hidden" htmlFor={`reset-${userId}`}>
          New password for {username}
        </label>
        <input id={`reset-${userId}`} name="password" type="password" autoComplete="new-password" placeholder="New password" required />
        <button type="submit" className="button small">
          Set password
        </button>
        <FormMessage message={state.errors?.password ?? state.message} ok={state.ok} />
      </form>
    </details>
  );
}
