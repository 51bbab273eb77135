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
 * (the user by id, and this session among its ended ones: primary-key lookups), so a
 * deleted account stops working at once rather than when its token expires, and so does a
 * session that signed out (a copied cookie dies with it) or that began before a password
 * change or a teacher's reset. A token without a session id predates sign-out ending
 * sessions and is refused: its holder signs in again, once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id || !session.sid) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, sessionsValidFrom: true, endedSessions: { where: { sid: session.sid }, select: { sid: true } } },
  });
  if (!user) return null;
  const { sessionsValidFrom, endedSessions, ...sessionUser } = user;
  if (endedSessions.length > 0) return null;
  if (sessionsValidFrom && !(session.signedInAt && session.signedInAt >= sessionsValidFrom.getTime())) return null;
  return sessionUser;
});

/** For pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
