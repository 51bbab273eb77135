import { describe, expect, it } from "vitest";
import { partsCache } from "./figures-cache";

/** A compute() that records which ids it was asked for and answers `id@marker`. */
function recorder(markers: Record<string, string>, omit: string[] = []) {
  const asked: string[][] = [];
  const compute = async (ids: string[]) => {
    asked.push(ids);
    return new Map(ids.filter((id) => !omit.includes(id)).map((id) => [id, `${id}@${markers[id]}`]));
  };
  return { asked, compute };
}

const parts = (markers: Record<string, string>) => Object.entries(markers).map(([id, marker]) => ({ id, marker }));

describe("partsCache", () => {
  it.each<[string, Record<string, string>, Record<string, string>, string[][], string[]]>([
    ["nothing changed: nothing computed", { a: "1", b: "1" }, { a: "1", b: "1" }, [], ["a@1", "b@1"]],
    ["one part's marker changed: only that part", { a: "1", b: "1", c: "1" }, { a: "1", b: "2", c: "1" }, [["b"]], ["a@1", "b@2", "c@1"]],
    ["a part added and one gone", { a: "1", b: "1" }, { a: "1", c: "1" }, [["c"]], ["a@1", "c@1"]],
  ])("%s", async (_, before, after, asked, values) => {
    const cache = partsCache<string>();
    await cache.get("k", parts(before), recorder(before).compute);
    const second = recorder(after);
    const got = await cache.get("k", parts(after), second.compute);
    expect(second.asked).toEqual(asked);
    expect([...got.values()]).toEqual(values);
  });

  it("leaves out a part compute() did not return, and keeps nothing of a failed computation", async () => {
    const cache = partsCache<string>();
    const first = await cache.get("k", parts({ a: "1", b: "1" }), recorder({ a: "1", b: "1" }, ["b"]).compute);
    expect([...first.keys()]).toEqual(["a"]);
    await expect(cache.get("k", parts({ a: "2" }), () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    const again = recorder({ a: "2" });
    await cache.get("k", parts({ a: "2" }), again.compute);
    expect(again.asked).toEqual([["a"]]);
  });

  it("keeps each key's parts apart and forgets them all on clear()", async () => {
    const cache = partsCache<string>();
    await cache.get("x", parts({ a: "1" }), recorder({ a: "1" }).compute);
    const other = recorder({ a: "1" });
    await cache.get("y", parts({ a: "1" }), other.compute);
    expect(other.asked).toEqual([["a"]]);
    cache.clear();
    const cold = recorder({ a: "1" });
    await cache.get("x", parts({ a: "1" }), cold.compute);
    expect(cold.asked).toEqual([["a"]]);
  });
});
