"use client";
import { useActionState, useDeferredValue, useState, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/app/components";
import { Markdown } from "@/app/markdown";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { MAX_GUIDELINES, type ProjectSettings } from "@/lib/validation/members";
import { saveGuidelinesAction, saveSettingsAction } from "./actions";
import { TableRegion } from "@/app/table-region";

export function GuidelinesForm({ projectId, guidelines }: { projectId: number; guidelines: string }): ReactNode {
  const [state, action] = useActionState(saveGuidelinesAction, EMPTY_FORM_STATE);
  const [text, setText] = useState(state.values?.guidelines ?? guidelines);
  // The preview follows typing without holding it up on a long text.
  const shown = useDeferredValue(text);
  return (
    <form action={action} className="card stack" aria-labelledby="guidelines-heading">
      <h2 id="guidelines-heading">Guidelines</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="field">
        <label htmlFor="guidelines">Guidelines (Markdown)</label>
        <textarea
          id="guidelines"
          name="guidelines"
          rows={16}
          maxLength={MAX_GUIDELINES}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="guidelines-hint"
        />
        <p className="hint" id="guidelines-hint">
          Members read them as the preview shows, on the team page and beside every document. Headings, lists, emphasis, links, tables and code work; HTML is
          not rendered.
        </p>
      </div>
      <section aria-labelledby="guidelines-preview-heading" className="guidelines-preview" tabIndex={0}>
        <h3 id="guidelines-preview-heading">Preview</h3>
        {shown.trim() ? <Markdown source={shown} /> : <p className="empty">Nothing to show yet.</p>}
      </section>
      <SubmitButton pendingText="Saving…">Save guidelines</SubmitButton>
    </form>
  );
}

export function SettingsForm({ projectId, settings }: { projectId: number; settings: ProjectSettings }): ReactNode {
  const [state, action] = useActionState(saveSettingsAction, EMPTY_FORM_STATE);
  // After a refusal, show what was typed; otherwise the saved settings.
  const typed = (name: string, saved: string | number): string => (state.ok ? undefined : state.values?.[name]) ?? String(saved);
  return (
    <form action={action} className="card stack" aria-labelledby="settings-heading" key={state.ok ? "saved" : JSON.stringify(state.values ?? {})}>
      <h2 id="settings-heading">Settings</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            name="blindMode"
            defaultChecked={typed("blindMode", settings.blindMode ? "on" : "off") === "on"}
            aria-describedby="blind-hint"
          />{" "}
          Blind mode
        </label>
        <p className="hint" id="blind-hint">
          Annotators see only their own spans. Managers and adjudicators always see everyone’s.
        </p>
      </div>
      <div className="field">
        <label htmlFor="annotatorsPerDocument">Reviewers per document</label>
        <input
          id="annotatorsPerDocument"
          name="annotatorsPerDocument"
          type="number"
          min={1}
          max={20}
          step={1}
          required
          defaultValue={typed("annotatorsPerDocument", settings.annotatorsPerDocument)}
          aria-describedby="per-doc-hint"
        />
        <p className="hint" id="per-doc-hint">
          The default for automatic assignment on the team page.
        </p>
      </div>
      <TableRegion label="Perspective axes">
        <table className="table axes">
          <caption>Perspective axes</caption>
          <thead>
            <tr>
              <th scope="col">Axis</th>
              <th scope="col">Label</th>
              <th scope="col">Minimum</th>
              <th scope="col">Maximum</th>
            </tr>
          </thead>
          <tbody>
            {settings.axes.map((axis, i) => (
              <tr key={axis.key}>
                <td>
                  <code>{axis.key}</code>
                  <input type="hidden" name="axisKey" value={axis.key} />
                  <input type="hidden" name={`axis.${i}.step`} value={axis.step} />
                </td>
                <td>
                  <input
                    aria-label={`Label of ${axis.key}`}
                    name={`axis.${i}.label`}
                    defaultValue={typed(`axis.${i}.label`, axis.label)}
                    required
                    maxLength={60}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Minimum of ${axis.key}`}
                    name={`axis.${i}.min`}
                    type="number"
                    step="any"
                    defaultValue={typed(`axis.${i}.min`, axis.min)}
                    required
                  />
                </td>
                <td>
                  <input
                    aria-label={`Maximum of ${axis.key}`}
                    name={`axis.${i}.max`}
                    type="number"
                    step="any"
                    defaultValue={typed(`axis.${i}.max`, axis.max)}
                    required
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
