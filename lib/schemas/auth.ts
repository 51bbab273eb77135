import { refuseUnsafeCharacters } from "./text";
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

const PASSWORD_HAS_EMAIL = "Your password must not contain your email address.";

/** Whether a password holds the name part of the account's email, the first thing a guesser tries. */
function containsEmail(password: string, email: string): boolean {
  return password.toLowerCase().includes(email.toLowerCase().split("@")[0] ?? "\u0000");
}

export const ZSignUp = z
  .object({
    name: z.string().superRefine(refuseUnsafeCharacters("line", "name")).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for your name.").describe("Display name"),
    email: ZEmail,
    password: ZPassword,
  })
  .refine((input) => !containsEmail(input.password, input.email), { message: PASSWORD_HAS_EMAIL, path: ["password"] });
export type TSignUp = z.infer<typeof ZSignUp>;

/** A signed-in user replacing their password; the new one follows the sign-up rules for their email. */
export function changePasswordSchema(email: string) {
  return z
    .object({
      currentPassword: z.string().min(1, "Enter your current password.").max(200, "That is not your current password."),
      newPassword: ZPassword.refine((value) => !containsEmail(value, email), PASSWORD_HAS_EMAIL),
      confirmPassword: z.string(),
    })
    .refine((input) => input.confirmPassword === input.newPassword, {
      message: "The two new passwords differ: type the same one twice.",
      path: ["confirmPassword"],
    })
    .refine((input) => input.newPassword !== input.currentPassword, {
      message: "The new password is your current one: choose a different one.",
      path: ["newPassword"],
    });
}
export type TChangePassword = z.infer<ReturnType<typeof changePasswordSchema>>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSignIn = z.infer<typeof ZSignIn>;
