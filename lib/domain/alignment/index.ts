export type { PassageOptions, Span } from "./sentences";
export { segmentPassages, segmentSentences } from "./sentences";
export type { IdfTable, SimilarityOptions } from "./similarity";
export { buildIdf, similarity } from "./similarity";
export type { AlignmentCorpus, PassageMatch, SourceIndex, SourceInput, SourceSuggestions, SuggestOptions } from "./suggest";
export { buildAlignmentCorpus, buildSourceIndex, suggestPassages } from "./suggest";
export type { Quotation, QuotationOccurrence, SharedQuotation, SharedQuotationOptions } from "./quotations";
export { extractQuotations, findSharedQuotations } from "./quotations";
