"use server";
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { updateProjectGuidelines, updateProjectSettings } from "@/lib/server/members";
import { updateSuggestionSettings } from "@/lib/server/suggestions-settings";
import { parseId } from "@/lib/validation/projects";
import { parseCueList } from "@/lib/validation/suggestions";

const NO_PROJECT: FormState = { message: "This project does not exist, or you are not a member of it." };

// An empty box is "no number", not zero (Number("") is 0), so it is refused with a message.
const numberField = (formData: FormData, name: string): number => {
  const raw = formString(formData, name).trim();
  return raw === "" ? Number.NaN : Number(raw);
};

/** The settings form as the object projectSettingsSchema validates (in lib/server). */
function readSettings(formData: FormData): unknown {
  const keys = formData.getAll("axisKey").map(String);
  return {
    blindMode: formData.get("blindMode") === "on",
    annotatorsPerDocument: numberField(formData, "annotatorsPerDocument"),
    axes: keys.map((key, i) => ({
      key,
      label: formString(formData, `axis.${i}.label`).trim(),
      min: numberField(formData, `axis.${i}.min`),
      max: numberField(formData, `axis.${i}.max`),
      step: numberField(formData, `axis.${i}.step`),
    })),
  };
}

export async function saveGuidelinesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const guidelines = formString(formData, "guidelines").replace(/\r\n/g, "\n");
  const result = await updateProjectGuidelines(user, projectId, guidelines);
  if (!result.ok) return { message: result.error, values: { guidelines } };
  revalidatePath(`/projects/${projectId}`, "layout");
  return { ok: true, message: "Guidelines saved." };
}

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const result = await updateProjectSettings(user, projectId, readSettings(formData));
  if (!result.ok) {
    // Give back what was typed (a missing blindMode means its box was unticked).
    const values = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    return { message: result.error, values: { blindMode: "off", ...values } };
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { ok: true, message: "Settings saved." };
}

export async function saveSuggestionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const enabled = formData.get("suggestionsEnabled") === "on";
  const cues = formString(formData, "suggestionCues");
  const result = await updateSuggestionSettings(user, projectId, { enabled, cues: parseCueList(cues) });
  if (!result.ok) return { message: result.error, values: { suggestionsEnabled: enabled ? "on" : "off", suggestionCues: cues } };
  revalidatePath(`/projects/${projectId}`, "layout");
  return { ok: true, message: enabled ? "Suggestions are on." : "Suggestions are off." };
}
