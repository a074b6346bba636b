// The shape every form action returns to its useActionState hook.
export interface FormState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  /** Values to put back in the form after a refused submission, so nothing typed is lost. */
  values?: Record<string, string>;
}

export const EMPTY_FORM_STATE: FormState = {};

export function formString(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
