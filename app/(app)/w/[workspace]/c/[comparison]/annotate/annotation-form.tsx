"use client";

import { useState } from "react";
import { UserText } from "@/app/_components/user-text";
import type { TagSetOption } from "./annotate-types";

export interface AnnotationDraft {
  tagIds: string[];
  comment: string;
  isClaim: boolean;
  asserter: "OUTLET" | "QUOTED_PARTY";
  assertedBy: string;
  status: "UNVERIFIED" | "SUPPORTED" | "DISPUTED" | "FALSE";
  evidence: string;
}

export const EMPTY_DRAFT: AnnotationDraft = {
  tagIds: [],
  comment: "",
  isClaim: false,
  asserter: "OUTLET",
  assertedBy: "",
  status: "UNVERIFIED",
  evidence: "",
};

/** The request body fields of a draft, as the annotation services expect them. */
export function draftFields(draft: AnnotationDraft) {
  return {
    tagIds: draft.tagIds,
    comment: draft.comment,
    claim: draft.isClaim
      ? {
          asserter: draft.asserter,
          assertedBy: draft.asserter === "QUOTED_PARTY" ? draft.assertedBy : undefined,
          status: draft.status,
          evidence: draft.evidence.split(/\s+/).filter(Boolean),
        }
      : null,
  };
}

/** Tags by set (filterable), comment and claim fields; used to create and to edit. */
export function AnnotationForm({
  idPrefix, tagSets, draft, onChange, onSubmit, submitLabel, pending, onCancel, tagKeys,
}: {
  idPrefix: string;
  tagSets: TagSetOption[];
  draft: AnnotationDraft;
  onChange: (draft: AnnotationDraft) => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
  /** The key (1–9) that toggles a tag, shown beside it, where the view has tag keys. */
  tagKeys?: Map<string, string>;
}) {
  const [filter, setFilter] = useState("");
  const set = (patch: Partial<AnnotationDraft>) => onChange({ ...draft, ...patch });
  const toggle = (id: string) => set({ tagIds: draft.tagIds.includes(id) ? draft.tagIds.filter((t) => t !== id) : [...draft.tagIds, id] });
  const needle = filter.trim().toLowerCase();
  return (
    <form
      className="form annotation-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <div className="field">
        <label htmlFor={`${idPrefix}-filter`}>Find a tag</label>
        <input id={`${idPrefix}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. loaded" />
      </div>
      <div className="tag-picker">
        {tagSets.map((tagSet) => {
          const tags = tagSet.tags.filter((t) => !t.retired && (!needle || t.name.toLowerCase().includes(needle)));
          if (tags.length === 0) return null;
          return (
            <fieldset key={tagSet.id}>
              <legend><UserText>{tagSet.name}</UserText></legend>
              {tags.map((tag) => {
                const option = (
                  <label key={tag.id} className="tag-option" title={tag.description ?? undefined} style={{ background: draft.tagIds.includes(tag.id) ? tag.color : undefined }}>
                    <input type="checkbox" checked={draft.tagIds.includes(tag.id)} onChange={() => toggle(tag.id)} aria-keyshortcuts={tagKeys?.get(tag.id)} />
                    <UserText>{tag.name}</UserText>
                  </label>
                );
                const key = tagKeys?.get(tag.id);
                // The key sits beside the label, not in it: the tag's label stays its name alone.
                return key ? (
                  <span key={tag.id} className="tag-option-keyed">
                    {option}
                    <kbd className="tag-key" aria-hidden="true">{key}</kbd>
                  </span>
                ) : (
                  option
                );
              })}
            </fieldset>
          );
        })}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-comment`}>Comment (optional)</label>
        <textarea id={`${idPrefix}-comment`} rows={2} value={draft.comment} onChange={(e) => set({ comment: e.target.value })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.isClaim} onChange={(e) => set({ isClaim: e.target.checked })} /> This is a claim
      </label>
      {draft.isClaim ? (
        <div className="claim-fields">
          <fieldset>
            <legend>Who asserts it</legend>
            <label className="check">
              <input type="radio" name={`${idPrefix}-asserter`} checked={draft.asserter === "OUTLET"} onChange={() => set({ asserter: "OUTLET" })} /> The outlet
            </label>
            <label className="check">
              <input type="radio" name={`${idPrefix}-asserter`} checked={draft.asserter === "QUOTED_PARTY"} onChange={() => set({ asserter: "QUOTED_PARTY" })} /> A quoted party
            </label>
          </fieldset>
          {draft.asserter === "QUOTED_PARTY" ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-party`}>Quoted party</label>
              <input id={`${idPrefix}-party`} type="text" value={draft.assertedBy} placeholder="e.g. the port authority" onChange={(e) => set({ assertedBy: e.target.value })} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${idPrefix}-status`}>Status</label>
            <select id={`${idPrefix}-status`} value={draft.status} onChange={(e) => set({ status: e.target.value as AnnotationDraft["status"] })}>
              <option value="UNVERIFIED">Unverified</option>
              <option value="SUPPORTED">Supported</option>
              <option value="DISPUTED">Disputed</option>
              <option value="FALSE">False</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-evidence`}>Evidence links (one per line)</label>
            <textarea id={`${idPrefix}-evidence`} rows={2} value={draft.evidence} onChange={(e) => set({ evidence: e.target.value })} />
          </div>
        </div>
      ) : null}
      <div className="form--inline">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
