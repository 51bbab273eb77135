import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/server/errors";

/** For pages: a service's not-found (or not-a-member) becomes the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
