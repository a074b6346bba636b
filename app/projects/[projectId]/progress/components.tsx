"use client";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { reopenAction } from "./actions";

/** A manager's button that unfreezes one reviewer's submitted layer of one document. */
export function ReopenButton({
  projectId,
  documentId,
  userId,
  name,
  title,
}: {
  projectId: number;
  documentId: number;
  userId: number;
  name: string;
  title: string;
}): ReactNode {
  const [state, action] = useActionState(reopenAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button small" aria-label={`Reopen ${title} for ${name}`}>
        Reopen
      </button>
      {state.ok ? null : <FormMessage message={state.message} />}
    </form>
  );
}
