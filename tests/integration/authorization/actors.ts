import type { SessionUser } from "@/lib/server/auth/session";
import { memberOf, type World } from "./world";

/** What the matrix sets up once per file: the workspace it is about, and one elsewhere. */
export interface Scene {
  /** The team workspace every cell acts on. */
  world: World;
  /** Another team's workspace, owned by the outsider. */
  elsewhere: World;
  /** A class with the same kind of comparison, for its teacher and students. */
  classroom: World;
}

/** Who acts in a cell, and on which world (a class is another world than the team's). */
export interface Acting {
  user: SessionUser | null;
  world: World;
}

type ActorSpec = { label: string; join: (scene: Scene) => Promise<Acting> };

/**
 * The columns of the matrix. An actor is a factory: it makes (or picks) a user and says
 * which world they act on. A new actor makes every expectation need its column (the types
 * say where), and the presets below take most of it.
 */
export const ACTORS = {
  anonymous: { label: "anonymous", join: async ({ world }) => ({ user: null, world }) },
  outsider: { label: "member of another workspace", join: async ({ world, elsewhere }) => ({ user: elsewhere.owner, world }) },
  viewer: { label: "viewer", join: async ({ world }) => ({ user: (await memberOf(world, "VIEWER", "Vic Viewer")).user, world }) },
  reviewer: { label: "reviewer", join: async ({ world }) => ({ user: (await memberOf(world, "REVIEWER", "Rita Reviewer")).user, world }) },
  editor: { label: "editor", join: async ({ world }) => ({ user: (await memberOf(world, "EDITOR", "Eddie Editor")).user, world }) },
  owner: { label: "owner", join: async ({ world }) => ({ user: world.owner, world }) },
  // The class's student has joined and not submitted: peers' work and the key are hidden from them.
  studentBeforeReveal: { label: "student before reveal", join: async ({ classroom }) => ({ user: classroom.classroom!.student, world: classroom }) },
  teacher: { label: "teacher", join: async ({ classroom }) => ({ user: classroom.owner, world: classroom }) },
  // Asked to join the class with its code and was not admitted: no member, so the class does not exist for them.
  pendingStudent: { label: "student waiting to be admitted", join: async ({ classroom }) => ({ user: classroom.classroom!.pending, world: classroom }) },
} satisfies Record<string, ActorSpec>;

export type ActorName = keyof typeof ACTORS;

export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/**
 * What an actor gets: "ok" (allowed, and the effect happened), or the refusal: 401 not
 * signed in, 404 not a member (as if it did not exist), 403 a member without the role,
 * 400 a member whose workspace has no such thing (a team has no join code, a class takes
 * no invitations). Server actions answer the same codes as UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN and INVALID_INPUT.
 */
export type Outcome = "ok" | 400 | 401 | 403 | 404;
export const ok = "ok";

export type Expectation = Record<ActorName, Outcome>;

// The common rows of the matrix, from PRODUCT.md's roles (see docs/permissions.md). A
// teacher runs their class as an owner does; a student before the reveal acts in their
// class, where they may read the comparison and do their own assignment work only; a
// student waiting to be admitted is no member of the class, so it does not exist for them.
const o = ok;
export const PUBLIC:     Expectation = { anonymous: o,   outsider: o,   viewer: o,   reviewer: o,   editor: o,   owner: o,   studentBeforeReveal: o,   teacher: o,   pendingStudent: o   };
export const SIGNED_IN:  Expectation = { anonymous: 401, outsider: o,   viewer: o,   reviewer: o,   editor: o,   owner: o,   studentBeforeReveal: o,   teacher: o,   pendingStudent: o   };
export const MEMBERS:    Expectation = { anonymous: 401, outsider: 404, viewer: o,   reviewer: o,   editor: o,   owner: o,   studentBeforeReveal: o,   teacher: o,   pendingStudent: 404 };
/** Members may see it, except a student before the reveal: someone else's annotation, and what hangs on it. */
export const PEERS_SEE:  Expectation = { ...MEMBERS, studentBeforeReveal: 404 };
export const ANNOTATORS: Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: o,   editor: o,   owner: o,   studentBeforeReveal: o,   teacher: o,   pendingStudent: 404 };
/** Annotators acting on someone else's annotation, which a student before the reveal cannot see. */
export const PEERS_ACT:  Expectation = { ...ANNOTATORS, studentBeforeReveal: 404 };
export const EDITORS:    Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: o,   owner: o,   studentBeforeReveal: 403, teacher: o,   pendingStudent: 404 };
export const OWNERS:     Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: 403, owner: o,   studentBeforeReveal: 403, teacher: o,   pendingStudent: 404 };
/** Only a class's teachers (and its students never): assignments, keys, grades. */
export const TEACHERS:   Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: 403, owner: 403, studentBeforeReveal: 403, teacher: o,   pendingStudent: 404 };
/** Members may see it, but nobody may do this to it: e.g. change someone else's annotation (a student cannot even see it). */
export const NOBODY:     Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: 403, owner: 403, studentBeforeReveal: 404, teacher: 403, pendingStudent: 404 };
/** Nobody may see it: someone else's token, a deleted annotation. */
export const UNSEEN:     Expectation = { anonymous: 401, outsider: 404, viewer: 404, reviewer: 404, editor: 404, owner: 404, studentBeforeReveal: 404, teacher: 404, pendingStudent: 404 };
