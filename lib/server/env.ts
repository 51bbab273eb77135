import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/server/auth/trusted-proxies";
import { parseSmtpUrl } from "@/lib/server/mail/smtp-url";

const ZServerEnv = z.object({
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is missing: start the app with `npm start`, which creates one in the data folder, or set it." })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters long."),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL; unset it to use the embedded database.")
    .optional(),
  PARALLAX_DATA_DIR: z.string().optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the app's public address, e.g. https://parallax.example.org.").optional(),
  // Whose X-Forwarded-For is believed for the per-address limits; nobody's when unset.
  PARALLAX_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  // Where invitation emails go out; unset, links go to the server log only.
  PARALLAX_SMTP_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseSmtpUrl(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  PARALLAX_MAIL_FROM: z.string().default("Parallax <no-reply@localhost>"),
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

let cached: ServerEnv | undefined;

/** Reads and checks the environment once; a bad setting stops the server with a clear message. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnv.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
    PARALLAX_SMTP_URL: process.env.PARALLAX_SMTP_URL || undefined,
    PARALLAX_MAIL_FROM: process.env.PARALLAX_MAIL_FROM || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.message}`);
    throw new Error(`Parallax cannot start, the environment needs fixing:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests only: the next serverEnv() reads the environment again. */
export function forgetServerEnv(): void {
  cached = undefined;
}
