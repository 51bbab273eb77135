import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/server/errors";

/**
 * For pages: a service's not-found (or not-a-member) becomes the 404 page, and so does a
 * page the actor's role may not open (a student on a teacher's page): its text says "does
 * not exist, or you do not have access to it".
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
