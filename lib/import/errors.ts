export type ImportErrorCode = "too_large" | "not_utf8" | "unsupported_type" | "empty" | "missing_title" | "too_complex";

/** An import refused for a reason the person importing can act on; `message` is shown to them. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = "ImportError";
    this.code = code;
  }
}

/** How messages name the input: the file, or pasted text when there is none. */
export function describeSource(fileName: string | undefined): string {
  return fileName === undefined || fileName === "" ? "The pasted text" : fileName;
}
