export { normalizeText } from "./normalize";
export type { MarkdownText } from "./markdown";
export { markdownToText } from "./markdown";
export type { TextKind } from "./unsafe-characters";
export { findUnsafeCharacter, splitsSurrogatePair, stripBidiControls, unsafeCharacterMessage } from "./unsafe-characters";
