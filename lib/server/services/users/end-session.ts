import "server-only";
import { db } from "@/lib/server/db/client";

/**
 * Ends one session on the server, at sign-out: its id is refused from now on (see
 * getSessionUser), so a copy of the cookie stops working with it. Only this session ends;
 * the user's other browsers stay signed in (a password change ends those). Ended ids are
 * kept until their token would have expired anyway, then dropped.
 */
export async function endSession({ sid, userId, expiresAt }: { sid: string; userId: string; expiresAt: Date }): Promise<void> {
  await db().$transaction([
    db().endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    db().endedSession.createMany({ data: [{ sid, userId, expiresAt }], skipDuplicates: true }),
  ]);
}
