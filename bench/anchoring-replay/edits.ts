/**
 * Random revisions of an article and the truth about every annotation after them.
 *
 * Edits are what corrections look like: a typo made or fixed inside a word, a word
 * replaced, a few words inserted or deleted, a phrase rewritten, a paragraph moved. Each
 * is a splice; a move is a cut and a paste. Inserted words come from a vocabulary that
 * is not in the articles, so an edit never creates a new copy of a quote.
 *
 * Every character of the old text is followed through the splices (a moved paragraph's
 * characters move with it), which gives, for each annotation:
 *   - its class: untouched-quote (all its characters still there, side by side),
 *     edited-but-placeable (at least half of its words still there, whole), mostly-gone;
 *   - where it truly is now: the old range followed through the splices, growing by
 *     what was inserted inside it and by the new words of an edit that replaced its
 *     first or last words (null when nothing of it is left); for an untouched quote in
 *     one of two identical lines that were both moved (whole, or edited elsewhere), either
 *     copy (twinPlaces); for one beside inserted text that begins or ends with the quote's
 *     own characters, either side of that text (slidPlaces).
 */
import { randomInt, randomWords } from "@/lib/domain/anchoring/test-support";

export interface Splice {
  at: number;
  deleteCount: number;
  insert: string;
  move?: "out" | "in";
}

export type EditClass = "untouched-quote" | "edited-but-placeable" | "mostly-gone";

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

function words(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function paragraphs(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(/[^\n]+\n*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** `editsPer100Words` random edits per 100 words of `text`. */
export function randomEdits(random: () => number, text: string, editsPer100Words: number): { text: string; splices: Splice[] } {
  const count = Math.max(1, Math.round((words(text).length * editsPer100Words) / 100));
  const splices: Splice[] = [];
  let current = text;
  const push = (s: Splice) => {
    splices.push(s);
    current = current.slice(0, s.at) + s.insert + current.slice(s.at + s.deleteCount);
  };
  for (let i = 0; i < count; i++) {
    const ws = words(current);
    if (ws.length < 10) break;
    const w = ws[randomInt(random, 0, ws.length - 1)]!;
    const roll = random();
    if (roll < 0.25) {
      // A typo: one letter of a word changed, dropped or doubled.
      const at = randomInt(random, w.start, w.end - 1);
      const kind = randomInt(random, 0, 2);
      if (kind === 0) push({ at, deleteCount: 1, insert: "xq"[randomInt(random, 0, 1)]! });
      else if (kind === 1 && w.end - w.start > 1) push({ at, deleteCount: 1, insert: "" });
      // A doubled letter: the copy goes after the letter. Two equal letters side by side
      // cannot be told apart, and a diff reports the second as the new one ("kiled" →
      // "kiiled" keeps "ki"), so a quote ending after the first still holds it.
      else push({ at: at + 1, deleteCount: 0, insert: current[at]! });
    } else if (roll < 0.5) {
      push({ at: w.start, deleteCount: w.end - w.start, insert: randomWords(random, 1) });
    } else if (roll < 0.65) {
      push({ at: w.start, deleteCount: 0, insert: `${randomWords(random, randomInt(random, 1, 3))} ` });
    } else if (roll < 0.8) {
      const last = ws[Math.min(ws.length - 1, ws.indexOf(w) + randomInt(random, 0, 2))]!;
      const end = current[last.end] === " " ? last.end + 1 : last.end;
      push({ at: w.start, deleteCount: end - w.start, insert: "" });
    } else if (roll < 0.9) {
      const last = ws[Math.min(ws.length - 1, ws.indexOf(w) + randomInt(random, 2, 8))]!;
      push({ at: w.start, deleteCount: last.end - w.start, insert: randomWords(random, randomInt(random, 1, 6)) });
    } else {
      const ps = paragraphs(current);
      if (ps.length < 3) continue;
      const from = ps[randomInt(random, 0, ps.length - 1)]!;
      const moved = current.slice(from.start, from.end);
      push({ at: from.start, deleteCount: moved.length, insert: "", move: "out" });
      const to = paragraphs(current)[randomInt(random, 0, paragraphs(current).length - 1)]!;
      push({ at: to.start, deleteCount: 0, insert: moved, move: "in" });
    }
  }
  return { text: current, splices };
}

/** For each character of the old text, its offset in the new text, or -1 if it is gone. */
export function followCharacters(oldLength: number, splices: readonly Splice[]): Int32Array {
  let origin: number[] = Array.from({ length: oldLength }, (_, i) => i);
  let cut: number[] = [];
  for (const s of splices) {
    const removed = origin.slice(s.at, s.at + s.deleteCount);
    const inserted = s.move === "in" ? cut : Array<number>(s.insert.length).fill(-1);
    if (s.move === "out") cut = removed;
    origin = [...origin.slice(0, s.at), ...inserted, ...origin.slice(s.at + s.deleteCount)];
  }
  const next = new Int32Array(oldLength).fill(-1);
  origin.forEach((old, i) => {
    if (old >= 0) next[old] = i;
  });
  return next;
}

/** For each character of the old text, whether a move (a paragraph cut and pasted) carried it. */
export function movedCharacters(oldLength: number, splices: readonly Splice[]): Uint8Array {
  let origin: number[] = Array.from({ length: oldLength }, (_, i) => i);
  let cut: number[] = [];
  const moved = new Uint8Array(oldLength);
  for (const s of splices) {
    const removed = origin.slice(s.at, s.at + s.deleteCount);
    if (s.move === "out") cut = removed;
    if (s.move === "in") for (const old of cut) if (old >= 0) moved[old] = 1;
    const inserted = s.move === "in" ? cut : Array<number>(s.insert.length).fill(-1);
    origin = [...origin.slice(0, s.at), ...inserted, ...origin.slice(s.at + s.deleteCount)];
  }
  return moved;
}

export function classify(oldText: string, next: Int32Array, start: number, end: number): EditClass {
  const kept = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (next[i]! < 0 || next[i]! !== next[from]! + (i - from)) return false;
    return true;
  };
  if (kept(start, end)) return "untouched-quote";
  const quoted = words(oldText.slice(start, end));
  const share =
    quoted.length === 0
      ? Array.from({ length: end - start }, (_, i) => next[start + i]!).filter((n) => n >= 0).length / (end - start)
      : quoted.filter((w) => kept(start + w.start, start + w.end)).length / quoted.length;
  return share >= 0.5 ? "edited-but-placeable" : "mostly-gone";
}

/**
 * Other places an untouched quote may as rightly be found: when its line (paragraph) has
 * an identical twin in the old text and both lines were moved, the new text holds two
 * copies of that line in new places and nothing tells which copy is which; the quote's
 * offset in the twin's copy is as right as in its own. Moved: whole, so that neither the
 * text before it nor the paragraph after it is beside it any more; or cut and pasted by a
 * move (`moved`, see movedCharacters) with the quote's characters, edited elsewhere or not
 * (two identical lines both moved and each edited somewhere else: which edit befell which
 * is as unknowable, and where each landed says nothing either).
 */
export function twinPlaces(oldText: string, next: Int32Array, moved: Uint8Array, start: number, end: number): number[] {
  const lineStart = oldText.lastIndexOf("\n", start - 1) + 1;
  const newline = oldText.indexOf("\n", lineStart);
  const lineEnd = newline === -1 ? oldText.length : newline;
  if (end > lineEnd) return [];
  const line = oldText.slice(lineStart, lineEnd);
  const intact = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (next[i]! < 0 || next[i]! !== next[from]! + (i - from)) return false;
    return true;
  };
  const movedWhole = (from: number) => {
    if (!intact(from, from + line.length)) return false;
    // Moved: neither the text before it nor the paragraph after its line breaks is beside it any more.
    let after = from + line.length;
    while (oldText[after] === "\n") after++;
    const before = from > 0 && next[from - 1]! !== next[from]! - 1;
    return before && (after >= oldText.length || next[after]! !== next[after - 1]! + 1);
  };
  // The quote's characters, at `offset` into the line starting at `from`, intact and carried by a move.
  const quoteMoved = (from: number) => {
    const [a, b] = [from + start - lineStart, from + end - lineStart];
    if (!intact(a, b)) return false;
    for (let i = a; i < b; i++) if (!moved[i]) return false;
    return true;
  };
  const movedLine = (from: number) => movedWhole(from) || quoteMoved(from);
  if (!movedLine(lineStart)) return [];
  const places: number[] = [];
  for (let at = oldText.indexOf(line); at !== -1; at = oldText.indexOf(line, at + 1)) {
    const whole = (at === 0 || oldText[at - 1] === "\n") && (at + line.length === oldText.length || oldText[at + line.length] === "\n");
    if (at !== lineStart && whole && movedLine(at) && intact(at + start - lineStart, at + end - lineStart)) places.push(next[at + start - lineStart]!);
  }
  return places;
}

/** For each character of the new text, whether an edit inserted it (neither kept nor moved). */
export function insertedCharacters(newLength: number, next: Int32Array): Uint8Array {
  const inserted = new Uint8Array(newLength).fill(1);
  for (const at of next) if (at >= 0) inserted[at] = 0;
  return inserted;
}

/**
 * Other places an untouched quote, now at [at, at + length) of the new text, may as rightly
 * be found: when inserted text right after it ends with the quote's characters (or right
 * before it begins with them), the same new text arises from that insertion made one
 * quote's length earlier (later), which puts the quote's characters on the other side of
 * it. A space before words inserted at a word's start (`in port` → `in canyon port`: the
 * old space is the first or the second) or a doubled letter: nothing in the two texts
 * tells which copy is the old one, so either counts.
 */
export function slidPlaces(newText: string, inserted: Uint8Array, at: number, length: number): number[] {
  const quote = newText.slice(at, at + length);
  const places: number[] = [];
  let after = at + length;
  while (after < newText.length && inserted[after]) after++;
  if (after - (at + length) >= length && newText.slice(after - length, after) === quote) places.push(after - length);
  let before = at;
  while (before > 0 && inserted[before - 1]) before--;
  if (at - before >= length && newText.startsWith(quote, before)) places.push(before);
  return places;
}

/** Where the old range [start, end) truly is after the splices (see the header), or null. */
export function followRange(range: { start: number; end: number }, splices: readonly Splice[]): { start: number; end: number } | null {
  let { start, end } = range;
  let movedBy: number | null = null;
  for (const s of splices) {
    const spliceEnd = s.at + s.deleteCount;
    if (movedBy !== null) {
      // The range left with its paragraph at the previous splice; this one pastes it.
      const length = end - start;
      start = s.at + movedBy;
      end = start + length;
      movedBy = null;
      continue;
    }
    const delta = s.insert.length - s.deleteCount;
    if (s.move === "out" && s.at <= start && end <= spliceEnd) {
      movedBy = start - s.at;
    } else if (spliceEnd <= start && (s.deleteCount > 0 || s.at <= start)) {
      start += delta;
      end += delta;
    } else if (s.at >= end) {
      continue;
    } else if (s.at <= start && spliceEnd >= end) {
      return null;
    } else if (s.at <= start) {
      end += delta;
      start = s.at;
    } else if (spliceEnd >= end) {
      end = s.at + s.insert.length;
    } else {
      end += delta;
    }
    if (end <= start) return null;
  }
  return { start, end };
}
