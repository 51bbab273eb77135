import type { ReactNode } from "react";
import { textAttributes } from "@/lib/domain/text/language";

/**
 * One source's passage of a row, as the fact rows and the Align all review show it: the
 * outlet's name (shown, or for screen readers only where a column heading already shows
 * it), the passage's text or "Not reported", and what follows the text (notices, a button).
 */
export function PassageCell({
  outlet,
  outletLabel,
  language,
  text,
  badge,
  children,
}: {
  outlet: string;
  outletLabel: "visible" | "hidden";
  language?: string | null;
  /** The passage (plain or marked), or null when the source does not report the fact. */
  text: ReactNode | null;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`cell${text === null ? " cell--missing" : ""}`}>
      {outletLabel === "visible" ? <div className="source__outlet">{outlet}</div> : <span className="visually-hidden">{outlet}</span>}
      {badge}
      {text === null ? (
        <p className="cell__missing">Not reported</p>
      ) : (
        <>
          <p className="cell__text" {...textAttributes(language)}>
            {text}
          </p>
          {children}
        </>
      )}
    </div>
  );
}
