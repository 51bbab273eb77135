/**
 * Counts attempts per key (a client address) over a sliding window, in this process's
 * memory. Keys are kept in order of last use and the least recently used is dropped past
 * `maxKeys`, so a flood of addresses costs bounded memory; a dropped key only starts over.
 */
export function createRateLimiter({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }) {
  const attempts = new Map<string, number[]>();
  /** Records an attempt and says whether it is allowed; a refused one is not counted. */
  return function take(key: string, now = Date.now()): boolean {
    const recent = (attempts.get(key) ?? []).filter((at) => at > now - windowMs);
    attempts.delete(key);
    const allowed = recent.length < limit;
    if (allowed) recent.push(now);
    attempts.set(key, recent);
    if (attempts.size > maxKeys) attempts.delete(attempts.keys().next().value!);
    return allowed;
  };
}
