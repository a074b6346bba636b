"use client";
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { createProjectAction } from "./actions";

export function NewProjectForm(): ReactNode {
  const [state, action] = useActionState(createProjectAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="stack">
      <FormMessage message={state.message} />
      <Field label="Project name" name="name" required autoFocus defaultValue={state.values?.name} error={state.errors?.name} />
      <div className="field">
        <label htmlFor="field-description">Description</label>
        <textarea id="field-description" name="description" rows={3} defaultValue={state.values?.description} />
        {state.errors?.description ? <p className="field-error">{state.errors.description}</p> : null}
      </div>
      <SubmitButton pendingText="Creating…">Create project</SubmitButton>
    </form>
  );
}
