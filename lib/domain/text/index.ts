export { normalizeText } from "./normalize";
export type { MarkdownText } from "./markdown";
export { markdownToText } from "./markdown";
export { codePointIndex, type CodePointIndex } from "./code-points";
