"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/server/action";

/**
 * For forms whose action sets a password (sign-up, a password change): once the action
 * succeeds, signs this browser in with the credentials remembered at submit, then goes to
 * `next` (or stays) and refreshes; a refused sign-in goes to the sign-in page. Returns the
 * function the form's submit handler calls to remember them.
 */
export function useSignInAfter(state: ActionState, next?: string) {
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      if (result?.error) router.replace("/sign-in");
      else if (next) router.replace(next);
      router.refresh();
    });
  }, [state, router, next]);

  return useCallback((email: string, password: string) => {
    credentials.current = { email, password };
  }, []);
}
