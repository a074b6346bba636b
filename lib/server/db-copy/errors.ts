// An expected failure of the copy (bad arguments, an unusable source, a refused target): the
// CLI prints its message alone, without a stack trace, and exits non-zero.
export class CopyError extends Error {
  override name = "CopyError";
}
