"use client";
// The project's suggestion setting: attribution suggestions on or off in the workspace, and the
// reporting cues the project adds to the built-in list (lib/suggest).
import { useActionState, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { CUE_MAX_LENGTH, CUES_MAX, type SuggestionSettings } from "@/lib/validation/suggestions";
import { saveSuggestionsAction } from "./actions";

export function SuggestionsForm({ projectId, settings }: { projectId: number; settings: SuggestionSettings }): ReactNode {
  const [state, action] = useActionState(saveSuggestionsAction, EMPTY_FORM_STATE);
  // After a refusal, show what was sent; otherwise the saved setting.
  const typed = state.ok ? undefined : state.values;
  const enabled = typed?.suggestionsEnabled === undefined ? settings.enabled : typed.suggestionsEnabled === "on";
  return (
    <form action={action} className="card stack" aria-labelledby="suggestions-heading" key={state.ok ? "saved" : JSON.stringify(typed ?? {})}>
      <h2 id="suggestions-heading">Suggestions</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="field checkbox-field">
        <label>
          <input type="checkbox" name="suggestionsEnabled" defaultChecked={enabled} aria-describedby="suggestions-hint" /> Suggest attributed quotes and their
          speakers
        </label>
        <p className="hint" id="suggestions-hint">
          The workspace draws quotes found by rules (quotation marks, reporting verbs such as “said” or “according to”, a named speaker nearby) faintly, for
          each reviewer to accept or reject. They are never counted in agreement or exports until accepted. Blind annotation studies may want them off: a
          suggestion can anchor a reviewer to what the machine saw.
        </p>
      </div>
      <div className="field">
        <label htmlFor="suggestionCues">Extra reporting cues</label>
        <textarea
          id="suggestionCues"
          name="suggestionCues"
          rows={4}
          defaultValue={typed?.suggestionCues ?? settings.cues.join("\n")}
          aria-describedby="cues-hint"
        />
        <p className="hint" id="cues-hint">
          One per line, added to the built-in list (said, told, added, argued, wrote, according to…): “briefed”, “posted”, “wrote in a statement”. At most{" "}
          {CUES_MAX} cues of up to {CUE_MAX_LENGTH} characters.
        </p>
      </div>
      <SubmitButton pendingText="Saving…">Save suggestion settings</SubmitButton>
    </form>
  );
}
