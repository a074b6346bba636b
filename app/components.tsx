"use client";
// Small form pieces shared by every page: labelled fields, a submit button that says when
// it is working, and a message area that screen readers announce.
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";

export function SubmitButton({ children, pendingText }: { children: ReactNode; pendingText?: string }): ReactNode {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button primary" disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? "Working…") : children}
    </button>
  );
}

interface FieldProps {
  label: string;
  name: string;
  type?: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  list?: string;
  autoFocus?: boolean;
}

export function Field({ label, name, error, hint, ...input }: FieldProps): ReactNode {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ message, ok }: { message?: string; ok?: boolean }): ReactNode {
  if (!message) return null;
  return (
    <p role={ok ? "status" : "alert"} className={ok ? "notice success" : "notice error"}>
      {message}
    </p>
  );
}
