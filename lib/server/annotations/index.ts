// Spans on documents: the annotator layer. Every function takes the acting user first and
// authorizes in the query; writes return a typed refusal (./result) instead of throwing.
export { createAnnotation } from "./create";
export { deleteAnnotation, restoreAnnotation } from "./lifecycle";
export { annotationHistory, listAnnotations, type HistoryEntry, type ListAnnotationsOptions } from "./read";
export type { AnnotationResult, Failure, FailureCode } from "./result";
export { updateAnnotation } from "./update";
