import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/server/env";
import { toAppError } from "@/lib/server/db/errors";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { clientIp } from "./client-ip";

export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
        return session;
      },
    },
  };
}
