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
 * The signed-in user, read once per request. The token is checked against the database so
 * a deleted account stops working at once rather than when its token expires, and so does
 * a session from before a teacher reset the account's password.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, name: true, email: true, sessionsValidFrom: true } });
  if (!user) return null;
  const { sessionsValidFrom, ...sessionUser } = user;
  if (sessionsValidFrom && !(session.signedInAt && session.signedInAt >= sessionsValidFrom.getTime())) return null;
  return sessionUser;
});

/** For pages: the signed-in user, or a redirect to sign in that comes back here. */
export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
