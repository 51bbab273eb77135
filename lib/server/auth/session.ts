import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/server/db/client";
import { authOptions } from "./auth-options";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The signed-in user, read once per request. The token is checked against the database
 * (the user by id, and this session among its ended ones: primary-key lookups, in one
 * statement), so a deleted account stops working at once rather than when its token
 * expires, and so does a session that signed out (a copied cookie dies with it) or that
 * began before a password change or a teacher's reset. A token without a session id
 * predates sign-out ending sessions and is refused: its holder signs in again, once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id || !session.sid) return null;
  const [user] = await db().$queryRaw<(SessionUser & { sessionsValidFrom: Date | null; ended: boolean })[]>`
    SELECT u.id, u.name, u.email, u."sessionsValidFrom",
      EXISTS (SELECT 1 FROM "EndedSession" e WHERE e.sid = ${session.sid} AND e."userId" = u.id) AS ended
    FROM "User" u WHERE u.id = ${id}`;
  if (!user || user.ended) return null;
  const sessionsValidFrom = user.sessionsValidFrom && new Date(user.sessionsValidFrom);
  if (sessionsValidFrom && !(session.signedInAt && session.signedInAt >= sessionsValidFrom.getTime())) return null;
  return { id: user.id, name: user.name, email: user.email };
});

/** For pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
