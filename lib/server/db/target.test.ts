import { describe, expect, it } from "vitest";
import { describeTarget } from "./target";

describe("describeTarget", () => {
  const cases = [
    { name: "a server by TCP", url: "postgresql://app:secret@db.example:6543/parallax", expected: "Postgres at db.example:6543/parallax" },
    { name: "the default port", url: "postgresql://app@localhost/parallax", expected: "Postgres at localhost:5432/parallax" },
    {
      name: "a Unix socket's folder in host=",
      url: "postgresql://app@localhost:5433/parallax?host=%2Fvar%2Frun%2Fpostgresql",
      expected: "Postgres by the Unix socket in /var/run/postgresql (port 5433)/parallax",
    },
  ];
  it.each(cases)("$name", ({ url, expected }) => {
    expect(describeTarget({ kind: "postgres", url })).toBe(expected);
  });
});
