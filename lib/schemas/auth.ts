import { z } from "./zod";

export const MIN_PASSWORD_LENGTH = 10;

// A few passwords long enough to pass the length rule that every guessing list tries first.
const COMMON_PASSWORDS = new Set([
  "1234567890", "12345678910", "0123456789", "qwertyuiop", "password12", "password123",
  "password1234", "iloveyou12", "abcdefghij", "letmein123", "welcome123", "administrator",
]);

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .describe("Account email, compared case-insensitively");

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`)
  .max(200, "Use at most 200 characters for your password.")
  .refine((value) => new Set(value).size > 2, "That password is too easy to guess: use more varied characters.")
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), "That password is on every guessing list: choose another.")
  .describe("At least 10 characters, not a common password");

export const ZSignUp = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for your name.").describe("Display name"),
    email: ZEmail,
    password: ZPassword,
  })
  .refine((input) => !input.password.toLowerCase().includes(input.email.split("@")[0] ?? "\u0000"), {
    message: "Your password must not contain your email address.",
    path: ["password"],
  });
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSignIn = z.infer<typeof ZSignIn>;
