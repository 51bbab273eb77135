import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/server/env";
import { toAppError } from "@/lib/server/db/errors";
import { safeCallbackPath } from "@/lib/domain/safe-callback";
import { endSession } from "@/lib/server/services/users/end-session";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { clientIp } from "./client-ip";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await verifyCredentials({
              email: credentials?.email,
              password: credentials?.password,
              ip: clientIp(req.headers),
            });
          } catch (error) {
            // next-auth hands the message of a thrown Error to the sign-in form as `error`.
            const known = toAppError(error);
            throw known ? new Error(known.message) : error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Only at sign-in: next-auth renews the token (and its iat) as the session is used.
        if (user) {
          token.sub = user.id;
          token.signedInAt = Date.now();
          token.sid = randomBytes(16).toString("base64url");
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
        if (typeof token.sid === "string") session.sid = token.sid;
        return session;
      },
      // Where next-auth sends the browser after signing in or out: a path of this site only.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return baseUrl + safeCallbackPath(path);
      },
    },
    events: {
      // The cookie is deleted in the browser by next-auth; this ends the session on the server too.
      async signOut({ token }) {
        if (typeof token?.sid !== "string" || !token.sub) return;
        const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
        await endSession({ sid: token.sid, userId: token.sub, expiresAt });
      },
    },
  };
}
