/**
 * Text someone typed (a name, a title, a label, a tag), shown inline. <bdi> isolates it:
 * its own direction is worked out from its first strong letter, and nothing in it can
 * reorder the words around it. A right-to-left title ends where it ends, and a name stored
 * before the schemas refused direction controls cannot turn the sentence it sits in around.
 * Source text is not shown through this: its paragraphs are blocks, which contain it anyway.
 */
export function UserText({ children }: { children: string | null | undefined }) {
  return <bdi>{children}</bdi>;
}
