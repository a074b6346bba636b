// The sources registry: search and add (registry.ts), the Sources page's table (list.ts),
// curators' edits (edit.ts), merges and their undo (merge.ts, undo.ts), and its history.
export { createSource, getSource, missingSourceIds, searchSources, sourceNamesFor, type CreateSourceResult, type SourceDto } from "./registry";
export { registryAccess, type RegistryAccess } from "./access";
export { listSources, quoteCounts, type SourcesOverview } from "./list";
export { updateSource, type UpdateSourceResult } from "./edit";
export { mergeSources, type MergeResult } from "./merge";
export { undoMerge, type UndoResult } from "./undo";
export { sourceHistory } from "./history";
