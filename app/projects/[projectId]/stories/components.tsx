"use client";
// Managers' controls on the stories page: create or edit a story, delete it, move a document.
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { deleteStoryAction, moveDocumentAction, saveStoryAction } from "./actions";

interface StoryFormProps {
  projectId: number;
  story?: { id: number; name: string; description: string };
}

export function StoryForm({ projectId, story }: StoryFormProps): ReactNode {
  const [state, action] = useActionState(saveStoryAction, EMPTY_FORM_STATE);
  const v = state.values ?? {};
  const prefix = story === undefined ? "new-story" : `story-${story.id}`;
  // After creating, a fresh key empties the form for the next story.
  const key = story === undefined && state.ok ? state.message : "form";
  return (
    <form action={action} className="stack" key={key} aria-label={story === undefined ? "New story" : `Edit ${story.name}`}>
      <input type="hidden" name="projectId" value={projectId} />
      {story === undefined ? null : <input type="hidden" name="storyId" value={story.id} />}
      <Field label="Story name" name="name" defaultValue={v.name ?? story?.name} error={state.errors?.name} required />
      <div className="field">
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea id={`${prefix}-description`} name="description" rows={2} defaultValue={v.description ?? story?.description} />
        {state.errors?.description ? <p className="field-error">{state.errors.description}</p> : null}
      </div>
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pendingText="Saving…">{story === undefined ? "Create story" : "Save story"}</SubmitButton>
    </form>
  );
}

export function DeleteStoryButton({ projectId, story }: { projectId: number; story: { id: number; name: string } }): ReactNode {
  const [state, action] = useActionState(deleteStoryAction, EMPTY_FORM_STATE);
  return (
    <form
      action={action}
      className="inline"
      onSubmit={(e) => {
        if (!window.confirm(`Delete the story “${story.name}”? Its documents stay in the project, in no story.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="storyId" value={story.id} />
      <button type="submit" className="button small">
        Delete story
      </button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

interface MoveProps {
  projectId: number;
  document: { id: number; title: string };
  storyId: number | null;
  stories: { id: number; name: string }[];
}

export function MoveDocumentForm({ projectId, document, storyId, stories }: MoveProps): ReactNode {
  const [state, action] = useActionState(moveDocumentAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline move-form">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="documentId" value={document.id} />
      <label className="visually-hidden" htmlFor={`move-${document.id}`}>
        Story of “{document.title}”
      </label>
      <select id={`move-${document.id}`} name="storyId" defaultValue={storyId ?? ""}>
        <option value="">No story</option>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button small">
        Move
      </button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
