"use client";
// Member forms: add a member, change a role, remove a member. Each says what happened, and a
// refusal (such as demoting the last manager) is announced where the person clicked.
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { PROJECT_ROLES, ROLE_LABELS } from "@/lib/validation/members";
import { addMemberAction, changeRoleAction, removeMemberAction } from "./actions";

type Role = (typeof PROJECT_ROLES)[number];

function RoleOptions(): ReactNode {
  return PROJECT_ROLES.map((r) => (
    <option key={r} value={r}>
      {ROLE_LABELS[r]}
    </option>
  ));
}

export function AddMemberForm({ projectId }: { projectId: number }): ReactNode {
  const [state, action] = useActionState(addMemberAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="stack" key={state.ok ? state.message : "form"} aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a member</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <Field
        label="Username"
        name="username"
        required
        defaultValue={state.values?.username}
        error={state.errors?.username}
        hint="An existing user; admins create users on the Users page."
      />
      <div className="field">
        <label htmlFor="field-role">Role</label>
        <select id="field-role" name="role" defaultValue={state.values?.role ?? "annotator"} aria-invalid={state.errors?.role ? true : undefined}>
          <RoleOptions />
        </select>
        {state.errors?.role ? <p className="field-error">{state.errors.role}</p> : null}
      </div>
      <SubmitButton pendingText="Adding…">Add member</SubmitButton>
    </form>
  );
}

export function MemberActions({ projectId, userId, name, role }: { projectId: number; userId: number; name: string; role: Role }): ReactNode {
  const [roleState, roleAction] = useActionState(changeRoleAction, EMPTY_FORM_STATE);
  const [removeState, removeAction] = useActionState(removeMemberAction, EMPTY_FORM_STATE);
  const failed = [roleState, removeState].find((s) => s.message && !s.ok);
  return (
    <div className="member-actions">
      <form action={roleAction} className="inline">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="userId" value={userId} />
        <label className="visually-hidden" htmlFor={`role-${userId}`}>
          Role of {name}
        </label>
        <select id={`role-${userId}`} name="role" defaultValue={role} key={role}>
          <RoleOptions />
        </select>
        <button type="submit" className="button small" aria-label={`Change role of ${name}`}>
          Change role
        </button>
      </form>
      <form action={removeAction} className="inline">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className="button small danger" aria-label={`Remove ${name} from the project`}>
          Remove
        </button>
      </form>
      {failed ? <FormMessage message={failed.message} /> : null}
    </div>
  );
}
