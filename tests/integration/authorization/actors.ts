import type { SessionUser } from "@/lib/server/auth/session";
import { memberOf, type World } from "./world";

/** What the matrix sets up once per file: the workspace it is about, and one elsewhere. */
export interface Scene {
  /** The team workspace every cell acts on. */
  world: World;
  /** Another team's workspace, owned by the outsider. */
  elsewhere: World;
}

/** Who acts in a cell, and on which world (a class is another world than the team's). */
export interface Acting {
  user: SessionUser | null;
  world: World;
}

type ActorSpec = { label: string; join: (scene: Scene) => Promise<Acting> } | { label: string; pending: string };

/**
 * The columns of the matrix. An actor is a factory: it makes (or picks) a user and says
 * which world they act on. A `pending` actor belongs to a feature not on this branch; its
 * cells show as todo. Writing its `join` makes every expectation need its column (the
 * types say where), and the presets below take most of it.
 */
export const ACTORS = {
  anonymous: { label: "anonymous", join: async ({ world }) => ({ user: null, world }) },
  outsider: { label: "member of another workspace", join: async ({ world, elsewhere }) => ({ user: elsewhere.owner, world }) },
  viewer: { label: "viewer", join: async ({ world }) => ({ user: (await memberOf(world, "VIEWER", "Vic Viewer")).user, world }) },
  reviewer: { label: "reviewer", join: async ({ world }) => ({ user: (await memberOf(world, "REVIEWER", "Rita Reviewer")).user, world }) },
  editor: { label: "editor", join: async ({ world }) => ({ user: (await memberOf(world, "EDITOR", "Eddie Editor")).user, world }) },
  owner: { label: "owner", join: async ({ world }) => ({ user: world.owner, world }) },
  studentBeforeReveal: {
    label: "student before reveal",
    pending: "classroom: a student of a class with this comparison as an assignment, who has not submitted yet",
  },
  teacher: { label: "teacher", pending: "classroom: the teacher of that class" },
} satisfies Record<string, ActorSpec>;

export type ActorName = keyof typeof ACTORS;
type ReadyActor = { [K in ActorName]: (typeof ACTORS)[K] extends { join: unknown } ? K : never }[ActorName];

export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/**
 * What an actor gets: "ok" (allowed, and the effect happened), or the refusal: 401 not
 * signed in, 404 not a member (as if it did not exist), 403 a member without the role.
 * Server actions answer the same codes as UNAUTHENTICATED, NOT_FOUND and FORBIDDEN.
 */
export type Outcome = "ok" | 401 | 403 | 404;
export const ok = "ok";

export type Expectation = { [K in ReadyActor]: Outcome } & { [K in Exclude<ActorName, ReadyActor>]?: Outcome };

// The common rows of the matrix, from PRODUCT.md's roles (see docs/permissions.md).
export const PUBLIC:     Expectation = { anonymous: ok,  outsider: ok,  viewer: ok,  reviewer: ok,  editor: ok,  owner: ok  };
export const SIGNED_IN:  Expectation = { anonymous: 401, outsider: ok,  viewer: ok,  reviewer: ok,  editor: ok,  owner: ok  };
export const MEMBERS:    Expectation = { anonymous: 401, outsider: 404, viewer: ok,  reviewer: ok,  editor: ok,  owner: ok  };
export const ANNOTATORS: Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: ok,  editor: ok,  owner: ok  };
export const EDITORS:    Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: ok,  owner: ok  };
export const OWNERS:     Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: 403, owner: ok  };
/** Members may see it, but nobody may do this to it: e.g. change someone else's annotation. */
export const NOBODY:     Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 403, editor: 403, owner: 403 };
/** Nobody may see it: someone else's token, a deleted annotation. */
export const UNSEEN:     Expectation = { anonymous: 401, outsider: 404, viewer: 404, reviewer: 404, editor: 404, owner: 404 };
