import { expect } from "vitest";
import * as report from "@/app/(app)/w/[workspace]/c/[comparison]/report/actions";
import * as corpus from "@/app/(app)/w/[workspace]/c/[comparison]/report/import-corpus-action";
import * as exportRoute from "@/app/api/comparisons/[comparisonId]/export/route";
import * as shared from "@/app/r/[token]/actions";
import * as download from "@/app/r/[token]/download/route";
import { outletKey } from "@/lib/domain/report/build-report";
import { db } from "@/lib/server/db/client";
import { publishReport } from "@/lib/server/services/report-shares/publish-report";
import { newShareToken } from "@/lib/server/services/report-shares/share-token";
import { ANNOTATORS, EDITORS, MEMBERS, PUBLIC, type Expectation } from "../actors";
import { action, form, route, type Cell } from "../matrix";
import { annotationIn, tagIn, unique } from "../world";

// Reports and exports carry everyone's annotations with their authors: a class's student
// gets neither (before the reveal that would be a classmate's work and the key), so every
// export format is refused to them here, as the report page is (classroom-authorization.test.ts
// probes the report service and the published report, which no route of its own reaches).
const REPORT_READERS: Expectation = { ...MEMBERS, studentBeforeReveal: 403 };
/** Editors publish a team's report; a class's report has no public link, so its teacher is told so. */
const PUBLISHERS: Expectation = { ...EDITORS, teacher: 400 };
/** Importing annotations from a file is for those who annotate, and not a class's students (their work belongs to assignments). */
const IMPORTERS: Expectation = { ...ANNOTATORS, studentBeforeReveal: 403 };
/** A share link works for anyone, but never for a class's report. */
const TEAM_SHARES: Expectation = { ...PUBLIC, studentBeforeReveal: 404, teacher: 404, pendingStudent: 404 };

/**
 * A live share link of the cell's comparison: published by its owner in a team; in a class,
 * where publishing is refused, written as one made before that rule was.
 */
async function liveShare(cell: Cell) {
  const { world } = cell;
  if (!world.classroom) return publishReport(world.owner, world.comparison.id);
  return db().reportShare.create({ data: { comparisonId: world.comparison.id, token: newShareToken(), createdById: world.owner.id } });
}
const liveShares = (cell: Cell) => db().reportShare.count({ where: { comparisonId: cell.world.comparison.id, revokedAt: null } });

/** Someone else's annotation with a tag of its own, which the report counts in a row of its own. */
async function taggedAnnotation(cell: Cell) {
  const tag = await tagIn(cell.world);
  return { ...(await annotationIn(cell.world, { tagId: tag.tagId })), tagName: tag.name };
}
type Tagged = Awaited<ReturnType<typeof taggedAnnotation>>;

/** The report figure that counts the tagged annotation: its tag in the outlet of the world's source. */
async function figureOf(cell: Cell, t: Tagged) {
  const source = await db().source.findUniqueOrThrow({ where: { id: cell.world.source.id }, select: { id: true, outlet: { select: { id: true } } } });
  return { tagId: t.tagId, outletId: outletKey(source) };
}
type Listed = { data: { annotations: { id: string }[] } };

/** Whether a file shows the annotation: its comment in the annotation formats, its tag's count in the report (the PDF and the zips are checked for being one). */
const FORMATS = {
  csv: (text: string, t: Tagged) => text.includes(t.comment),
  jsonld: (text: string, t: Tagged) => text.includes(t.comment),
  md: (text: string, t: Tagged) => text.includes(`| ${t.tagName} | 1 (`),
  pdf: (text: string) => text.startsWith("%PDF-"),
  brat: (text: string) => text.startsWith("PK"),
  webanno: (text: string) => text.startsWith("PK"),
};

export const reportEntries = [
  route(exportRoute.GET, (c) =>
    Object.entries(FORMATS).map(([format, shows]) =>
      c({
        name: `export someone else's annotation as ${format}`,
        expect: REPORT_READERS,
        arrange: taggedAnnotation,
        request: (cell) => ({ params: { comparisonId: cell.world.comparison.id }, query: { format } }),
        shows: (body, t) => shows(typeof body === "string" ? body : JSON.stringify(body), t),
      }),
    ),
  ),
  action(report.publishReportAction, (c) => [
    c({
      name: "publish the report",
      expect: PUBLISHERS,
      arrange: async (cell) => {
        await db().reportShare.updateMany({ where: { comparisonId: cell.world.comparison.id }, data: { revokedAt: new Date() } });
        return {};
      },
      args: (cell) => [null, form({ comparisonId: cell.world.comparison.id })],
      verify: async (cell, _t, allowed) => expect(await liveShares(cell)).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(report.importAnnotationsAction, (c) => [
    c({
      name: "import annotations from a W3C JSON-LD file",
      expect: IMPORTERS,
      arrange: async () => ({ comment: unique("Imported") }),
      args: (cell, t) => {
        const data = form({ comparisonId: cell.world.comparison.id, format: "jsonld" });
        const annotation = {
          type: "Annotation",
          body: [{ type: "TextualBody", purpose: "tagging", value: "Loaded language" }, { type: "TextualBody", purpose: "commenting", value: t.comment }],
          target: { source: "urn:elsewhere", selector: { type: "TextQuoteSelector", exact: "Officials opened the spillway" } },
        };
        data.append("file", new File([JSON.stringify(annotation)], "import.jsonld"));
        return [null, data];
      },
      verify: async (cell, t, allowed) => expect(await db().annotation.count({ where: { comparisonId: cell.world.comparison.id, comment: t.comment } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(corpus.importCorpusAction, (c) => [
    c({
      name: "import annotations from a Label Studio file",
      expect: IMPORTERS,
      arrange: async (cell) => ({ comment: unique("Labelled"), text: (await db().sourceRevision.findFirstOrThrow({ where: { sourceId: cell.world.source.id }, orderBy: { number: "desc" } })).text }),
      args: (cell, t) => {
        const data = form({ ...cell.world.where, comparisonId: cell.world.comparison.id, format: "labelstudio" });
        const start = t.text.indexOf("spillway");
        const task = {
          data: { text: t.text },
          annotations: [{ result: [{ type: "labels", from_name: "label", to_name: "text", value: { start, end: start + "spillway".length, text: "spillway", labels: ["Loaded language"] }, meta: { text: [t.comment] } }] }],
        };
        data.append("files", new File([JSON.stringify([task])], "tasks.json"));
        return [null, data];
      },
      verify: async (cell, t, allowed) => expect(await db().annotation.count({ where: { comparisonId: cell.world.comparison.id, comment: t.comment } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(report.revokeReportShareAction, (c) => [
    c({
      name: "withdraw the report's link",
      expect: EDITORS,
      arrange: liveShare,
      args: (cell) => [null, form({ comparisonId: cell.world.comparison.id })],
      verify: async (_cell, t, allowed) => expect((await db().reportShare.findUniqueOrThrow({ where: { id: t.id } })).revokedAt !== null).toBe(allowed),
    }),
  ]),
  action(report.fetchReportCellAction, (c) => [
    c({
      name: "list the annotations behind a figure of the report",
      expect: REPORT_READERS,
      arrange: async (cell) => {
        const t = await taggedAnnotation(cell);
        return { ...t, figure: await figureOf(cell, t) };
      },
      args: (cell, t) => [cell.world.comparison.id, "", t.figure],
      shows: (body, t) => (body as Listed).data.annotations.some((a) => a.id === t.id),
    }),
  ]),
  action(shared.fetchSharedReportCellAction, (c) => [
    c({
      name: "list the annotations behind a figure of a shared report",
      expect: TEAM_SHARES,
      arrange: async (cell) => {
        const t = await taggedAnnotation(cell);
        return { ...t, figure: await figureOf(cell, t), token: (await liveShare(cell)).token };
      },
      args: (_cell, t) => [t.token, "", t.figure],
      shows: (body, t) => (body as Listed).data.annotations.some((a) => a.id === t.id),
    }),
  ]),
  route(download.GET, (c) =>
    (["md", "pdf"] as const).map((format) =>
      c({
        name: `download a shared report as ${format}`,
        expect: TEAM_SHARES,
        arrange: async (cell) => ({ ...(await taggedAnnotation(cell)), token: (await liveShare(cell)).token }),
        request: (_cell, t) => ({ params: { token: t.token }, query: { format } }),
        shows: (body, t) => FORMATS[format](String(body), t),
      }),
    ),
  ),
];
