export { normalizeText } from "./normalize";
export type { MarkdownText } from "./markdown";
export { markdownToText } from "./markdown";
export type { FoldedText } from "./find";
export { findInText, foldForSearch, foldQuery } from "./find";
export { codePointIndex, type CodePointIndex } from "./code-points";
export type { TextKind } from "./unsafe-characters";
export { findUnsafeCharacter, splitsSurrogatePair, stripBidiControls, unsafeCharacterMessage } from "./unsafe-characters";
