import { describe, expect, it } from "vitest";
import { recurringTerms, type RecurringTermsRow } from "./recurring-terms";

const row = (id: string, texts: Record<string, string>): RecurringTermsRow => ({
  id,
  passages: Object.entries(texts).map(([outletId, text]) => ({ outletId, text })),
});

describe("recurringTerms", () => {
  it("counts how each outlet names an act that recurs across fact rows", () => {
    const rows = [
      row("r1", {
        north: "The killing of the general sparked protests.",
        south: "The assassination of the general sparked protests.",
        east: "The martyrdom of the general sparked protests.",
      }),
      row("r2", {
        north: "Officials defended the killing on Monday.",
        south: "Officials condemned the assassination on Monday.",
      }),
      row("r3", {
        north: "A year after the killings, crowds gathered.",
        east: "A year after the martyrdom, crowds gathered.",
      }),
    ];
    const terms = recurringTerms(rows, ["north", "south", "east"]);
    expect(terms).toEqual([
      {
        label: "killing",
        factRowIds: ["r1", "r2", "r3"],
        cells: [
          { outletId: "north", wordings: [{ text: "killing", count: 3 }] },
          { outletId: "south", wordings: [{ text: "assassination", count: 2 }] },
          { outletId: "east", wordings: [{ text: "martyrdom", count: 2 }] },
        ],
      },
    ]);
  });

  it.each([
    {
      name: "a difference seen in one row only is not recurring",
      rows: [
        row("r1", { north: "The mayor spoke.", south: "The embattled mayor spoke." }),
        row("r2", { north: "Rain fell.", south: "Rain fell." }),
      ],
    },
    {
      name: "paraphrases are not names",
      rows: [
        row("r1", { north: "A sluice burst during the spring flood.", south: "Officials described an unplanned water release." }),
        row("r2", { north: "A sluice burst during the spring flood.", south: "Officials described an unplanned water release." }),
      ],
    },
    {
      name: "long clauses are not names",
      rows: [
        row("r1", { north: "Two people were hurt.", south: "Two people were hurt and taken to the county hospital overnight." }),
        row("r2", { north: "Two people were hurt.", south: "Two people were hurt and taken to the county hospital overnight." }),
      ],
    },
    { name: "no rows", rows: [] },
  ])("$name", ({ rows }) => {
    expect(recurringTerms(rows, ["north", "south"])).toEqual([]);
  });

  it("an outlet that never words the term differently has an empty cell", () => {
    const rows = [
      row("r1", { north: "Rebels attacked the depot.", south: "Fighters attacked the depot." }),
      row("r2", { north: "Rebels retreated at dawn.", south: "Fighters retreated at dawn." }),
    ];
    expect(recurringTerms(rows, ["north", "south", "west"])).toEqual([
      {
        label: "Rebels",
        factRowIds: ["r1", "r2"],
        cells: [
          { outletId: "north", wordings: [{ text: "Rebels", count: 2 }] },
          { outletId: "south", wordings: [{ text: "Fighters", count: 2 }] },
          { outletId: "west", wordings: [] },
        ],
      },
    ]);
  });
});
