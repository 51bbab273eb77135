import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TagCharts, type ChartOutlet, type ChartTagSet, type LoadCell } from "@/app/_components/report/tag-charts";

// A large comparison's figures: the default taxonomy's 49 tags (four sets) over 20 outlets.
const OUTLETS: ChartOutlet[] = Array.from({ length: 20 }, (_, i) => ({ id: `outlet-${i}`, name: `Outlet number ${i + 1} Daily` }));
const SET_SIZES = [12, 12, 13, 12];

function tagSets(): ChartTagSet[] {
  let tag = 0;
  return SET_SIZES.map((size, s) => ({
    id: `set-${s}`,
    name: `Tag set ${s + 1}`,
    tags: Array.from({ length: size }, () => {
      const t = tag++;
      const counts = OUTLETS.map((_, i) => (t * 7 + i * 13) % 90);
      return { id: `tag-${t}`, name: `Tag number ${t + 1}`, color: "#f4c2a1", retired: false, counts, rates: counts.map((c) => (c * 1000) / 24_000) };
    }),
  }));
}

// Server rendering never asks for the annotations behind a figure.
const loadCell: LoadCell = () => new Promise(() => {});

function render() {
  return renderToString(createElement(TagCharts, { outlets: OUTLETS, tagSets: tagSets(), loadCell }));
}

describe("the report's tag charts for 49 tags over 20 outlets (980 figures)", () => {
  it("stay small: the figures' markup grows by about half a kilobyte a figure", () => {
    // Was 934 kB with a label, class names and a focus ring per bar and per cell.
    expect(render().length).toBeLessThan(600_000);
  });

  it("keep every figure readable: a table per tag set, the bar charts as titled images, a labelled focusable heat-map cell per figure", () => {
    const html = render();
    expect(html.match(/<table/g)).toHaveLength(SET_SIZES.length);
    expect(html.match(/<td/g)).toHaveLength(49 * 20);
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(SET_SIZES.length);
    expect(html.match(/<svg[^>]*role="group"/g)).toHaveLength(1);
    expect(html.match(/<g tabindex="0" role="img" aria-label="Outlet number \d+ Daily, Tag number \d+: [\d.]+ per 1,000 words \(\d+ annotations?\)"/g)).toHaveLength(49 * 20);
  });
});
