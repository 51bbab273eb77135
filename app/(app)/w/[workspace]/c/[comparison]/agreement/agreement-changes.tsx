import { LocalTime } from "@/app/_components/local-time";
import { UserText } from "@/app/_components/user-text";
import type { Measure } from "@/lib/domain/agreement";
import type { AgreementSinceLastChange } from "@/lib/server/services/agreement/record-agreement-visit";

const MEASURE: Record<Measure, string> = { alpha: "α (words)", alphaU: "αU (spans)", open: "open disagreements" };
const KIND = { ACCEPTED: "accepted one reviewer's version", MERGED: "merged the versions", RESOLVED: "marked it resolved" } as const;

const value = (measure: Measure, v: number | null) => (v === null ? "not measurable" : measure === "open" ? String(v) : v.toFixed(3));

/** What changed between the figures the reader saw before and now (kept between visits). */
export function AgreementChangesSection({ since }: { since: AgreementSinceLastChange | null }) {
  if (!since) return null;
  return (
    <section className="card notice--info" aria-labelledby="agreement-changes">
      <h2 id="agreement-changes">What changed</h2>
      <p>
        Compared with the figures you saw on <LocalTime date={since.since} /> (this change first showed on{" "}
        <LocalTime date={since.changedAt} />):
      </p>
      {since.settled.length > 0 ? (
        <ul>
          {since.settled.map((s, i) => (
            <li key={i}>
              <UserText>{s.by}</UserText> settled a disagreement in <UserText>{s.set}</UserText> ({KIND[s.kind]}).
            </li>
          ))}
        </ul>
      ) : null}
      <ul>
        {since.changes.map((c, i) => (
          <li key={i}>
            <UserText>{c.set}</UserText>
            {c.tag ? (
              <>
                {" › "}
                <UserText>{c.tag}</UserText>
              </>
            ) : null}
            : {MEASURE[c.measure]} was {value(c.measure, c.before)}, now {value(c.measure, c.after)}.
          </li>
        ))}
      </ul>
      {since.settled.length > 0 && since.changes.every((c) => c.measure === "open") ? (
        <p className="meta">
          Settling a disagreement records the decision and takes it off the list; it does not change anyone&apos;s annotations, so α
          and αU stay as they were until a reviewer edits, retags or deletes the annotations involved.
        </p>
      ) : null}
    </section>
  );
}
