"use client";
import { useActionState, useState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { createTokenAction, revokeTokenAction, type CreateTokenState } from "./actions";

const NO_TOKEN: CreateTokenState = EMPTY_FORM_STATE;

export function CreateTokenForm(): ReactNode {
  const [state, action] = useActionState(createTokenAction, NO_TOKEN);
  // A fresh key after success empties the name field for the next token.
  return (
    <div className="stack">
      {state.token ? <NewToken token={state.token} message={state.message} /> : null}
      <form action={action} className="stack" key={state.token ?? "form"}>
        {state.token ? null : <FormMessage message={state.message} ok={state.ok} />}
        <Field
          label="Name"
          name="name"
          required
          defaultValue={state.values?.name}
          error={state.errors?.name}
          hint="What the token is for, e.g. “CI export script”."
        />
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </form>
    </div>
  );
}

function NewToken({ token, message }: { token: string; message?: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    navigator.clipboard.writeText(token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="notice success stack" role="status">
      <p className="new-token-message">{message}</p>
      <label htmlFor="new-token" className="visually-hidden">
        Your new token
      </label>
      <input id="new-token" className="new-token" value={token} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="new-token" />
      <button type="button" className="button small" onClick={copy}>
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: number; name: string }): ReactNode {
  const [state, action] = useActionState(revokeTokenAction, EMPTY_FORM_STATE);
  return (
    <form
      action={action}
      className="inline"
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Scripts using it will stop working at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className="button small" aria-label={`Revoke ${name}`}>
        Revoke
      </button>
      <FormMessage message={state.ok ? undefined : state.message} ok={state.ok} />
    </form>
  );
}
