// The comparison across outlets, server side: who may see it, which layer each document is
// shown in, and the data lib/compare computes its figures from.
export { loadComparison, type ComparisonView } from "./load";
export { quotesInCell, type CellQuote, type CellResult } from "./cell";
export { loadReading, MAX_READING, type ReadingDocument, type ReadingView } from "./reading";
export { layerChoiceParam, parseLayerChoice, type LayerChoice } from "./layer";
export { comparisonCsv, csvResponse, type ComparisonCsv } from "./csv";
