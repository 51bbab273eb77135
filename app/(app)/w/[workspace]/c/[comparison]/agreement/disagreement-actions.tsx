"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resolveDisagreementAction } from "./actions";

type Props = {
  where: { workspace: string; comparison: string };
  target: { sourceId: string; tagSetId: string; start: number; end: number };
  coders: { coderId: string; coder: string }[];
};

/** Accept one reviewer's version, merge them, or mark the stretch resolved. */
export function DisagreementActions({ where, target, coders }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const settle = (kind: "ACCEPTED" | "MERGED" | "RESOLVED", acceptedCoderId?: string) =>
    startTransition(async () => {
      const result = await resolveDisagreementAction(where, { ...target, kind, acceptedCoderId });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  return (
    <div className="form--inline" role="group" aria-label="Settle this disagreement">
      {coders.map((c) => (
        <button key={c.coderId} type="button" className="button button--small" disabled={pending} onClick={() => settle("ACCEPTED", c.coderId)}>
          Accept {c.coder}&apos;s version
        </button>
      ))}
      <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => settle("MERGED")}>
        Merge
      </button>
      <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => settle("RESOLVED")}>
        Mark resolved
      </button>
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
    </div>
  );
}
