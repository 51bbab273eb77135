import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
    /** When the user signed in (ms since the epoch); sessions from before a password reset are refused. */
    signedInAt?: number;
    /** This session's id: refused once the session signs out. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    signedInAt?: number;
    sid?: string;
  }
}
