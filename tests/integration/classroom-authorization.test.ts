/**
 * Before the reveal, nothing a student can reach shows them a classmate's annotations or the
 * teacher's key. Each probe below is one way data leaves the server, called as a student
 * (services directly; JSON route handlers with the student's API token). Every probe's whole
 * answer, errors included, is searched for the hidden annotations' ids and comments and the
 * classmate's name.
 * After the student submits (the default reveal), the listing probes must show them: proof
 * that the probes could see a leak if there were one.
 *
 * Covered: annotation services (list, all, one, update, delete, re-attach, reply), JSON API
 * (list, one, PATCH, DELETE, reply, re-attach, hide), the event stream and the re-fetch its
 * clients make, agreement and disagreements, the annotation counts of the class, comparison
 * and taxonomy pages, the assignment's work, results, dashboard and grades (service and
 * route), the report page's service, publishing, and a share link of the class's report
 * (service and download route, Markdown and PDF, whose text is extracted).
 *
 * The export route (csv, jsonld, md, pdf) is not probed here: the authorization matrix
 * (tests/integration/authorization, cases/reports.ts) calls it in every format as this same
 * kind of student, who is refused before anything is read, and scans the answer. This file
 * keeps what the matrix cannot call as a student: services behind pages, and the report a
 * link could hand them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getAnnotationRoute, PATCH as patchAnnotationRoute, DELETE as deleteAnnotationRoute } from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/route";
import { POST as hideRoute } from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/hide/route";
import { POST as reattachRoute } from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/reattach/route";
import { POST as replyRoute } from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/replies/route";
import { GET as listAnnotationsRoute } from "@/app/api/comparisons/[comparisonId]/annotations/route";
import { GET as eventsRoute } from "@/app/api/comparisons/[comparisonId]/events/route";
import { GET as gradesRoute } from "@/app/api/assignments/[assignmentId]/grades/route";
import { GET as comparisonsRoute } from "@/app/api/workspaces/[workspaceSlug]/comparisons/route";
import { GET as sharedReportDownload } from "@/app/r/[token]/download/route";
import { getPublishedReport, getReport } from "@/lib/server/reports/get-report";
import { pdfPages } from "@/lib/server/reports/test-support";
import { publishReport } from "@/lib/server/services/report-shares/publish-report";
import { newShareToken } from "@/lib/server/services/report-shares/share-token";
import { resetRealtimeForTests } from "@/lib/server/realtime/bus";
import { getAgreement } from "@/lib/server/services/agreement/get-agreement";
import type { AnnotationView } from "@/lib/server/services/annotations/annotation-view";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAllAnnotations, findAnnotations, getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation } from "@/lib/server/services/annotations/moderate-annotation";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { exportGrades } from "@/lib/server/services/assignments/export-grades";
import { findAssignments } from "@/lib/server/services/assignments/find-assignments";
import { getAssignmentDashboard } from "@/lib/server/services/assignments/get-assignment-dashboard";
import { getAssignmentResults } from "@/lib/server/services/assignments/get-assignment-results";
import { getAssignmentWork } from "@/lib/server/services/assignments/get-assignment-work";
import { submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findTaxonomy } from "@/lib/server/services/taxonomy/find-taxonomy";
import { classroom } from "./helpers/classroom-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

// Route handlers fall back to the session cookie without a token; these tests always send one.
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));

const db = setupTestDb();

type Fixture = Awaited<ReturnType<typeof classroom>> & {
  token: string;
  hidden: AnnotationView[];
  own: AnnotationView;
  secrets: string[];
  /** A live share link of the class's report, as one made before class reports stayed private would be. */
  shareToken: string;
};

/** A probe's whole answer as text: a returned value, a response's status and body, or an error's message. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    const value = await run();
    if (value instanceof Response) {
      if (value.headers.get("content-type") === "application/pdf") return `${value.status} ${(await pdfPages(Buffer.from(await value.arrayBuffer()))).join("\n")}`;
      return `${value.status} ${await value.text()}`;
    }
    return JSON.stringify(value);
  } catch (error) {
    return `threw ${error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}` : String(error)}`;
  }
}

const bearer = (token: string, init: RequestInit = {}) => ({ ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers } });
const url = (path: string) => `http://localhost${path}`;
const annotationParams = (comparisonId: string, annotationId: string) => ({ params: Promise.resolve({ comparisonId, annotationId }) });

interface Probe {
  name: string;
  run: (f: Fixture, hidden: AnnotationView) => Promise<unknown>;
  /** For probes that list annotations: what must show once the work is revealed to the student. */
  afterReveal?: (f: Fixture) => string[];
  /** The probe lists the student's own work, before the reveal too. */
  showsOwn?: boolean;
}

const PEER_AND_KEY = (f: Fixture) => f.hidden.map((a) => a.id);

const PROBES: Probe[] = [
  { name: "service: findAnnotations", afterReveal: PEER_AND_KEY, showsOwn: true, run: (f) => findAnnotations(f.ana, f.comparison.id, { limit: 500 }) },
  { name: "service: findAnnotations by assignment", afterReveal: PEER_AND_KEY, showsOwn: true, run: (f) => findAnnotations(f.ana, f.comparison.id, { assignmentId: f.assignment.id }) },
  { name: "service: findAnnotations by author", run: (f) => findAnnotations(f.ana, f.comparison.id, { authorId: f.teacher.id }), afterReveal: (f) => f.hidden.slice(1).map((a) => a.id) },
  { name: "service: findAllAnnotations (the live view's catch-up)", afterReveal: PEER_AND_KEY, showsOwn: true, run: (f) => findAllAnnotations(f.ana, f.comparison.id) },
  { name: "service: getAnnotation (the live view's re-fetch of an event's id)", run: (f, h) => getAnnotation(f.ana, f.comparison.id, h.id) },
  { name: "service: updateAnnotation", run: (f, h) => updateAnnotation(f.ana, f.comparison.id, h.id, { version: h.version, resolved: true }) },
  { name: "service: deleteAnnotation", run: (f, h) => deleteAnnotation(f.ana, f.comparison.id, h.id, { version: h.version }) },
  { name: "service: reattachAnnotation", run: (f, h) => reattachAnnotation(f.ana, f.comparison.id, h.id, { version: h.version, ...f.span("Officials") }) },
  { name: "service: createReply", run: (f, h) => createReply(f.ana, f.comparison.id, h.id, { body: "Seen it?" }) },
  { name: "service: getAgreement (agreement and disagreements)", run: (f) => getAgreement(f.ana, f.klass.slug, f.comparison.slug) },
  { name: "service: findComparisons (annotation counts)", run: (f) => findComparisons(f.ana, f.klass.slug).then((r) => r.comparisons.map((c) => c._count)) },
  { name: "service: getComparisonBySlug", run: (f) => getComparisonBySlug(f.ana, f.klass.slug, f.comparison.slug) },
  { name: "service: findTaxonomy (tag counts)", run: (f) => findTaxonomy(f.ana, f.klass.slug, f.comparison.slug) },
  { name: "service: findAssignments", run: (f) => findAssignments(f.ana, f.klass.slug) },
  { name: "service: getAssignmentWork", run: (f) => getAssignmentWork(f.ana, f.klass.slug, f.assignment.id, "student") },
  { name: "service: getAssignmentResults", run: (f) => getAssignmentResults(f.ana, f.klass.slug, f.assignment.id), afterReveal: () => ["KEY-SECRET-91c2"] },
  { name: "service: getAssignmentResults of a classmate", run: (f) => getAssignmentResults(f.ana, f.klass.slug, f.assignment.id, f.ben.id) },
  { name: "service: getAssignmentDashboard", run: (f) => getAssignmentDashboard(f.ana, f.klass.slug, f.assignment.id) },
  { name: "service: exportGrades", run: (f) => exportGrades(f.ana, f.assignment.id) },
  {
    name: "API: GET annotations",
    afterReveal: PEER_AND_KEY,
    showsOwn: true,
    run: (f) => listAnnotationsRoute(new Request(url(`/api/comparisons/${f.comparison.id}/annotations?limit=500`), bearer(f.token)), { params: Promise.resolve({ comparisonId: f.comparison.id }) }),
  },
  {
    name: "API: GET annotations by assignment",
    afterReveal: PEER_AND_KEY,
    showsOwn: true,
    run: (f) =>
      listAnnotationsRoute(new Request(url(`/api/comparisons/${f.comparison.id}/annotations?assignmentId=${f.assignment.id}`), bearer(f.token)), {
        params: Promise.resolve({ comparisonId: f.comparison.id }),
      }),
  },
  { name: "API: GET one annotation", run: (f, h) => getAnnotationRoute(new Request(url(`/api/x`), bearer(f.token)), annotationParams(f.comparison.id, h.id)) },
  {
    name: "API: PATCH an annotation",
    run: (f, h) => patchAnnotationRoute(new Request(url(`/api/x`), bearer(f.token, { method: "PATCH", body: JSON.stringify({ version: h.version, resolved: true }) })), annotationParams(f.comparison.id, h.id)),
  },
  { name: "API: DELETE an annotation", run: (f, h) => deleteAnnotationRoute(new Request(url(`/api/x?version=${h.version}`), bearer(f.token, { method: "DELETE" })), annotationParams(f.comparison.id, h.id)) },
  {
    name: "API: POST a reply",
    run: (f, h) => replyRoute(new Request(url(`/api/x`), bearer(f.token, { method: "POST", body: JSON.stringify({ body: "Seen it?" }) })), annotationParams(f.comparison.id, h.id)),
  },
  {
    name: "API: POST re-attach",
    run: (f, h) =>
      reattachRoute(new Request(url(`/api/x`), bearer(f.token, { method: "POST", body: JSON.stringify({ version: h.version, ...f.span("Officials") }) })), annotationParams(f.comparison.id, h.id)),
  },
  {
    name: "API: POST hide",
    run: (f, h) => hideRoute(new Request(url(`/api/x`), bearer(f.token, { method: "POST", body: JSON.stringify({ hidden: false, version: h.version }) })), annotationParams(f.comparison.id, h.id)),
  },
  { name: "API: GET the class's comparisons", run: (f) => comparisonsRoute(new Request(url(`/api/x`), bearer(f.token)), { params: Promise.resolve({ workspaceSlug: f.klass.slug }) }) },
  { name: "service: getReport (the report page)", run: (f) => getReport(f.ana, f.comparison.id, {}) },
  { name: "service: publishReport", run: (f) => publishReport(f.ana, f.comparison.id) },
  { name: "service: getPublishedReport of the class", run: (f) => getPublishedReport(f.shareToken, {}) },
  { name: "route: download the class's shared report as md", run: (f) => sharedReportDownload(new Request(url(`/r/${f.shareToken}/download?format=md`)), { params: Promise.resolve({ token: f.shareToken }) }) },
  { name: "route: download the class's shared report as pdf", run: (f) => sharedReportDownload(new Request(url(`/r/${f.shareToken}/download?format=pdf`)), { params: Promise.resolve({ token: f.shareToken }) }) },
  { name: "API: GET grades", run: (f) => gradesRoute(new Request(url(`/api/x`), bearer(f.token)), { params: Promise.resolve({ assignmentId: f.assignment.id }) }) },
];

/** Ana (the student probing) has one annotation; Ben's and the key's are hidden from her until she submits. */
async function setup(): Promise<Fixture> {
  const f = await classroom(db);
  const own = await createAnnotation(f.ana, f.comparison.id, { ...f.work("Critics", "Labeling"), comment: "Ana's own note" });
  const peer = await createAnnotation(f.ben, f.comparison.id, { ...f.work("harbour district", "Loaded language"), comment: "PEER-SECRET-7f3a" });
  const key = await createAnnotation(f.teacher, f.comparison.id, { ...f.work("spillway", "Loaded language"), comment: "KEY-SECRET-91c2" });
  const { token } = await createApiToken(f.ana, { name: "probe" });
  const share = await db().reportShare.create({ data: { comparisonId: f.comparison.id, token: newShareToken(), createdById: f.teacher.id } });
  const hidden = [peer, key, ...f.key];
  // The source text is no secret; what identifies the hidden work is its ids, its comments and its author.
  return { ...f, token, own, hidden, shareToken: share.token, secrets: [...hidden.map((a) => a.id), "PEER-SECRET-7f3a", "KEY-SECRET-91c2", "A judgement, not a fact.", "Ben Student"] };
}

describe("before the reveal, no path shows a student a classmate's work or the key", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup();
  });
  afterAll(async () => {
    await resetRealtimeForTests();
  });

  it.each(PROBES.map((p) => [p.name, p] as const))("%s", async (_name, probe) => {
    for (const hidden of f.hidden) {
      const text = await outcome(() => probe.run(f, hidden));
      for (const secret of f.secrets) expect(text, `${probe.name} leaked “${secret}”: ${text.slice(0, 300)}`).not.toContain(secret);
    }
  });

  it("answers not found, never forbidden, for a hidden annotation's id", async () => {
    for (const hidden of f.hidden) {
      const response = await getAnnotationRoute(new Request(url("/api/x"), bearer(f.token)), annotationParams(f.comparison.id, hidden.id));
      expect(response.status).toBe(404);
    }
  });

  it("streams only ids, and the re-fetch a client makes for them finds nothing", async () => {
    const controller = new AbortController();
    const response = await eventsRoute(new Request(url(`/api/comparisons/${f.comparison.id}/events`), bearer(f.token, { signal: controller.signal })), {
      params: Promise.resolve({ comparisonId: f.comparison.id }),
    });
    expect(response.status).toBe(200);
    const stream = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const peer = await createAnnotation(f.ben, f.comparison.id, { ...f.work("rising river", "Loaded language"), comment: "PEER-SECRET-live" });
    let received = "";
    while (!received.includes("event: change")) received += (await stream.read()).value ?? "";
    controller.abort();
    await stream.cancel();
    const data = JSON.parse(received.split("event: change\ndata: ")[1]!.split("\n")[0]!) as Record<string, string>;
    expect(data).toEqual({ comparisonId: f.comparison.id, type: "annotation", id: peer.id, action: "created" });
    expect(received).not.toContain("PEER-SECRET-live");
    expect(await outcome(() => getAnnotation(f.ana, f.comparison.id, peer.id))).toMatch(/^threw NOT_FOUND/);
    expect(JSON.stringify(await findAllAnnotations(f.ana, f.comparison.id, { assignmentId: f.assignment.id }))).not.toContain(peer.id);
  });

  it("shows the student their own work everywhere it lists annotations", async () => {
    for (const probe of PROBES.filter((p) => p.showsOwn)) {
      expect(await outcome(() => probe.run(f, f.own)), probe.name).toContain(f.own.id);
    }
  });
});

describe("after the reveal, the same probes show the class's work and the key", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await setup();
    // Under "after submit" a classmate's work shows once they have submitted it too.
    await submitAssignment(f.ben, f.klass.slug, f.assignment.id);
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
  });

  it.each(PROBES.filter((p) => p.afterReveal).map((p) => [p.name, p] as const))("%s", async (_name, probe) => {
    const text = await outcome(() => probe.run(f, f.hidden[0]!));
    for (const shown of probe.afterReveal!(f)) expect(text).toContain(shown);
  });
});

describe("a class's report", () => {
  it("is not published, by its teacher or anyone, and a student cannot publish it", async () => {
    const f = await classroom(db);
    await expect(publishReport(f.teacher, f.comparison.id)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(publishReport(f.ana, f.comparison.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().reportShare.count({ where: { comparisonId: f.comparison.id } })).toBe(0);
  });

  it("is read by its teacher in full, and the probes above would see the key there", async () => {
    const f = await setup();
    const text = JSON.stringify(await getReport(f.teacher, f.comparison.id, {}));
    expect(text).toContain("Ben Student");
    await expect(getReport(f.ana, f.comparison.id, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
