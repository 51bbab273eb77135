import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter";

const MINUTE = 60_000;

describe("createRateLimiter", () => {
  it("allows `limit` attempts per key in the window, then refuses until the oldest leaves it", () => {
    const take = createRateLimiter({ limit: 3, windowMs: 10 * MINUTE });
    expect([0, 1, 2, 3].map((minute) => take("203.0.113.7", minute * MINUTE))).toEqual([true, true, true, false]);
    expect(take("198.51.100.2", 3 * MINUTE)).toBe(true);
    expect(take("203.0.113.7", 9 * MINUTE)).toBe(false);
    expect(take("203.0.113.7", 10 * MINUTE + 1)).toBe(true);
  });

  it("does not count refused attempts, so waiting out the window always helps", () => {
    const take = createRateLimiter({ limit: 1, windowMs: MINUTE });
    take("a", 0);
    for (let second = 1; second < 60; second++) expect(take("a", second * 1000)).toBe(false);
    expect(take("a", MINUTE + 1)).toBe(true);
  });

  it("forgets the least recently used address past maxKeys", () => {
    const take = createRateLimiter({ limit: 1, windowMs: MINUTE, maxKeys: 2 });
    take("a", 0);
    take("b", 0);
    expect(take("a", 1)).toBe(false);
    take("c", 2);
    expect(take("a", 3)).toBe(false);
    expect(take("b", 4)).toBe(true);
  });
});
