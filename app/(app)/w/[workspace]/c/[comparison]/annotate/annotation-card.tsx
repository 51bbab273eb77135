"use client";

import { useState, type ReactNode } from "react";
import { UserText } from "@/app/_components/user-text";
import { AnnotationForm, draftFields, type AnnotationDraft } from "./annotation-form";
import { CopyLink } from "./annotation-relations";
import { CLAIM_STATUS_LABELS, type Annotation, type TagSetOption } from "./annotate-types";
import { TextChangedMark } from "./text-changed-mark";

const TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

function toDraft(a: Annotation): AnnotationDraft {
  return {
    tagIds: a.tags.map((t) => t.id),
    comment: a.comment ?? "",
    isClaim: Boolean(a.claim),
    asserter: a.claim?.asserter ?? "OUTLET",
    assertedBy: a.claim?.assertedBy ?? "",
    status: a.claim?.status ?? "UNVERIFIED",
    evidence: a.claim?.evidence.join("\n") ?? "",
  };
}

export interface CardActions {
  /** `version` is the one the change is based on: for an edit, the version when editing began. */
  update: (a: Annotation, version: number, fields: ReturnType<typeof draftFields> | { resolved: boolean }) => Promise<string | null>;
  remove: (a: Annotation) => void;
  hide: (a: Annotation, hidden: boolean, reason?: string) => void;
  reply: (a: Annotation, body: string) => Promise<boolean>;
  reattach: (a: Annotation) => void;
  clearTextChanged: (a: Annotation) => void;
}

/** One annotation in the side panel: its quote, tags, claim, thread, and what the user may do with it. */
export function AnnotationCard({
  annotation: a, me, canAnnotate, canModerate, tagSets, selected, onSelect, actions, pending, canReattach, conflict, permalink, focusReplyId, relations,
}: {
  annotation: Annotation;
  me: string;
  canAnnotate: boolean;
  canModerate: boolean;
  tagSets: TagSetOption[];
  selected: boolean;
  onSelect: () => void;
  actions: CardActions;
  pending: boolean;
  canReattach: boolean;
  conflict: string | null;
  /** The path that opens this annotation (add `&reply=` for a reply); absent where there is none to give. */
  permalink?: string;
  /** The reply a permalink pointed at, outlined. */
  focusReplyId?: string | null;
  /** The annotation's relations and the "Link to…" form, given whether the card is open. */
  relations?: (open: boolean) => ReactNode;
}) {
  const [editing, setEditing] = useState<{ draft: AnnotationDraft; version: number } | null>(null);
  const [reply, setReply] = useState("");
  const mine = a.author.id === me;
  const orphaned = a.anchor.status === "ORPHANED";
  // Only the selected card shows its thread and controls: a source can carry a thousand
  // annotations, and a full card for each would make the page slow to become usable.
  const open = selected || editing !== null || conflict !== null || orphaned;
  return (
    <li className={`annotation-card${selected ? " annotation-card--selected" : ""}${a.hidden ? " annotation-card--hidden" : ""}`} id={`annotation-${a.id}`}>
      <button type="button" className="annotation-card__quote" onClick={onSelect} aria-pressed={selected}>
        “{a.target.exact.length > 160 ? `${a.target.exact.slice(0, 160)}…` : a.target.exact}”
      </button>
      <div className="annotation-card__tags">
        {a.tags.map((t) => (
          <span key={t.id} className="tag-chip" style={{ background: t.color }}>
            <UserText>{t.name}</UserText>
          </span>
        ))}
      </div>
      <p className="meta">
        <UserText>{a.author.name}</UserText> · {TIME.format(new Date(a.createdAt))}
        {a.proposedBy ? ` · accepted from a proposal (${a.proposedBy.replace("@", " v")})` : ""}
        {a.version > 1 ? ` · edited` : ""}
        {a.resolved ? " · resolved" : ""}
        {!open && a.replies.length > 0 ? ` · ${a.replies.length} ${a.replies.length === 1 ? "reply" : "replies"}` : ""}
        {a.anchor.status === "FUZZY" ? " · moved with an edit" : ""}
      </p>
      {mine || canModerate ? <TextChangedMark annotation={a} pending={pending} onClear={() => actions.clearTextChanged(a)} /> : null}
      {a.hidden ? <p className="notice notice--info">Hidden by an editor: {a.hidden.reason}</p> : null}
      {conflict ? <p className="notice notice--error" role="alert">{conflict}</p> : null}
      {editing ? (
        <AnnotationForm
          idPrefix={`edit-${a.id}`}
          tagSets={tagSets}
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          pending={pending}
          submitLabel="Save changes"
          onCancel={() => setEditing(null)}
          onSubmit={async () => {
            const error = await actions.update(a, editing.version, draftFields(editing.draft));
            if (!error) setEditing(null);
          }}
        />
      ) : (
        <>
          {a.comment ? <p className="annotation-card__comment">{a.comment}</p> : null}
          {a.claim ? (
            <p className="annotation-card__claim">
              <span className={`badge claim--${a.claim.status?.toLowerCase()}`}>{a.claim.status ? CLAIM_STATUS_LABELS[a.claim.status] : ""} claim</span>{" "}
              asserted by {a.claim.asserter === "OUTLET" ? "the outlet" : <UserText>{a.claim.assertedBy}</UserText>}
              {a.claim.evidence.map((url) => (
                <a key={url} href={url} rel="noopener noreferrer nofollow" className="evidence">
                  evidence
                </a>
              ))}
            </p>
          ) : null}
        </>
      )}
      {relations?.(open)}
      {open && a.replies.length > 0 ? (
        <ol className="plain-list replies" aria-label="Replies">
          {a.replies.map((r) => (
            <li key={r.id} id={`reply-${r.id}`} className={r.id === focusReplyId ? "reply--focused" : undefined}>
              <strong>{r.author.name}</strong> <span className="meta">{TIME.format(new Date(r.createdAt))}</span>
              {permalink ? <CopyLink path={`${permalink}&reply=${encodeURIComponent(r.id)}`} label="reply" /> : null}
              <p>{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {open && permalink ? <CopyLink path={permalink} label="annotation" /> : null}
      {open && canAnnotate && !editing ? (
        <div className="annotation-card__actions">
          <form
            className="reply-form"
            onSubmit={async (event) => {
              event.preventDefault();
              if (await actions.reply(a, reply)) setReply("");
            }}
          >
            <label htmlFor={`reply-${a.id}`} className="visually-hidden">
              Reply to <UserText>{a.author.name}</UserText>&apos;s annotation
            </label>
            <input id={`reply-${a.id}`} type="text" value={reply} placeholder="Reply…" onChange={(e) => setReply(e.target.value)} />
            <button type="submit" className="button button--quiet button--small" disabled={pending || !reply.trim()}>
              Reply
            </button>
          </form>
          {mine ? (
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing({ draft: toDraft(a), version: a.version })}>
              Edit
            </button>
          ) : null}
          <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => actions.update(a, a.version, { resolved: !a.resolved })}>
            {a.resolved ? "Reopen" : "Resolve"}
          </button>
          {orphaned && (mine || canModerate) ? (
            <button type="button" className="button button--small" disabled={pending || !canReattach} onClick={() => actions.reattach(a)}>
              Re-attach to selection
            </button>
          ) : null}
          {canModerate ? (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={pending}
              onClick={() => {
                if (a.hidden) actions.hide(a, false);
                else {
                  const reason = window.prompt("Why hide this annotation? Its author will see the reason.");
                  if (reason) actions.hide(a, true, reason);
                }
              }}
            >
              {a.hidden ? "Show again" : "Hide"}
            </button>
          ) : null}
          {mine ? (
            <button
              type="button"
              className="button button--danger button--small"
              disabled={pending}
              onClick={() => {
                if (window.confirm("Delete this annotation? Its replies go with it.")) actions.remove(a);
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
