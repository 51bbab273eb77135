import type { z } from "zod";
import { AppError } from "./errors";

/** Parses input with a schema; a failure becomes INVALID_INPUT with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message;
  }
  const first = result.error.issues[0]?.message ?? "The input is not valid.";
  throw new AppError("INVALID_INPUT", first, fieldErrors);
}
