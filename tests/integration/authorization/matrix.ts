import { vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/server/auth/session";
import { ok, type ActorName, type Expectation, type Outcome } from "./actors";
import type { Site } from "./discover";
import type { World } from "./world";

/** One actor about to make one call. */
export interface Cell {
  actor: ActorName;
  user: SessionUser | null;
  /** The actor's personal API token, sent to route handlers as "Authorization: Bearer". */
  token: string | null;
  world: World;
  /** The scene's class, which actors outside it address by its ids (an assignment's) to be refused. */
  classroom: World;
}

/** What came back, whichever way the call went in. */
export interface Reply {
  /** The expected kind of answer, or a description of an unexpected one (which fails the cell). */
  outcome: Outcome | string;
  status?: number;
  contentType?: string | null;
  body: unknown;
  /** Everything the caller received, as text: what the secrets check scans. */
  text: string;
  /** What a refusal told the caller, without the form values they sent themselves. */
  said: string;
}

/** A case as the runner sees it: the types of its target and arguments are closed over. */
export interface MatrixCase {
  name: string;
  expect: Expectation;
  run(cell: Cell, site: Site): Promise<{ reply: Reply; verify(allowed: boolean): Promise<void> }>;
}

export interface Entry {
  target: unknown;
  cases: MatrixCase[];
  /** For a site the matrix deliberately does not drive: why. */
  exempt?: string;
}

/** What a case does besides the call: make what it acts on, then check the effect. */
export interface Scenario<T> {
  /** What is done to what, e.g. "someone else's annotation". */
  name: string;
  expect: Expectation;
  /** Makes what the call acts on, fresh for every cell, as someone who may (never as the actor). */
  arrange?: (cell: Cell) => Promise<T>;
  /**
   * For reads that list things: whether the answer shows the arranged target. A successful
   * answer without it counts as 404, since for this actor it does not exist.
   */
  shows?: (body: unknown, target: T) => boolean;
  /** Checks the database (or the answer) for the effect: it happened if `allowed`, else nothing changed. Reads check `shows` instead. */
  verify?: (cell: Cell, target: T, allowed: boolean, reply: Reply) => Promise<void>;
}

/** Types a scenario on its own, so a route case and an action case can share it. */
export function scenario<T>(spec: Scenario<T>): Scenario<T> {
  return spec;
}

export interface RouteRequest<P> {
  params: P;
  query?: Record<string, string>;
  body?: unknown;
}

export interface RouteCase<P, T> extends Scenario<T> {
  request: (cell: Cell, target: T) => RouteRequest<P>;
  /** The status of success; 200 unless said. */
  status?: number;
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Cases for one route handler (one exported method). */
export function route<P>(handler: RouteHandler<P>, cases: (c: <T>(spec: RouteCase<P, T>) => MatrixCase) => MatrixCase[]): Entry {
  function c<T>(spec: RouteCase<P, T>): MatrixCase {
    return {
      name: spec.name,
      expect: spec.expect,
      async run(cell, site) {
        const target = (await spec.arrange?.(cell)) as T;
        const reply = await callRoute(handler, site, cell, spec.request(cell, target), spec.status ?? 200);
        return settle(spec, cell, target, reply);
      },
    };
  }
  return { target: handler, cases: cases(c) };
}

type ActionFn = (...args: never[]) => Promise<unknown>;

export interface ActionCase<F extends ActionFn, T> extends Scenario<T> {
  args: (cell: Cell, target: T) => Parameters<F>;
}

/** Cases for one server action. */
export function action<F extends ActionFn>(fn: F, cases: (c: <T>(spec: ActionCase<F, T>) => MatrixCase) => MatrixCase[]): Entry {
  function c<T>(spec: ActionCase<F, T>): MatrixCase {
    return {
      name: spec.name,
      expect: spec.expect,
      async run(cell) {
        const target = (await spec.arrange?.(cell)) as T;
        const reply = await callAction(fn as unknown as (...args: unknown[]) => Promise<unknown>, cell, spec.args(cell, target));
        return settle(spec, cell, target, reply);
      },
    };
  }
  return { target: fn, cases: cases(c) };
}

/** A site listed on purpose without cases. */
export function exempt(target: unknown, reason: string): Entry {
  return { target, cases: [], exempt: reason };
}

/** A form as the browser posts it. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function settle<T>(spec: Scenario<T>, cell: Cell, target: T, reply: Reply) {
  const hidden = reply.outcome === ok && spec.shows && !spec.shows(reply.body, target);
  return {
    reply: hidden ? { ...reply, outcome: 404 as const } : reply,
    verify: async (allowed: boolean) => spec.verify?.(cell, target, allowed, reply),
  };
}

async function callRoute<P>(handler: RouteHandler<P>, site: Site, cell: Cell, request: RouteRequest<P>, success: number): Promise<Reply> {
  const url = new URL(fillPath(site.path ?? "/", (request.params ?? {}) as Record<string, string>), "http://localhost");
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers();
  if (cell.token) headers.set("authorization", `Bearer ${cell.token}`);
  if (request.body !== undefined) headers.set("content-type", "application/json");
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const response = await handler(new Request(url, { method: site.method, headers, body }), { params: Promise.resolve(request.params) });
  const contentType = response.headers.get("content-type");
  const text = await readText(response, contentType);
  const status = response.status;
  const outcome: Reply["outcome"] = status === success ? ok : status === 400 || status === 401 || status === 403 || status === 404 ? status : `HTTP ${status}: ${text}`;
  return { outcome, status, contentType, body: contentType?.includes("json") ? JSON.parse(text) : text, text, said: text };
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
}

/** An event stream never ends by itself: its first message is all a cell needs. */
async function readText(response: Response, contentType: string | null): Promise<string> {
  if (!contentType?.startsWith("text/event-stream")) return response.text();
  const reader = response.body!.getReader();
  const first = await reader.read();
  await reader.cancel();
  return new TextDecoder().decode(first.value);
}

async function callAction(fn: (...args: unknown[]) => Promise<unknown>, cell: Cell, args: unknown[]): Promise<Reply> {
  const session = vi.mocked(getSessionUser);
  if (!vi.isMockFunction(session)) throw new Error("Import ./mocks first in the test file: actions read the signed-in user from the mocked session module.");
  session.mockResolvedValue(cell.user);
  let result: unknown;
  try {
    result = await fn(...args);
  } catch (error) {
    const location = redirectLocation(error);
    if (location === null) throw error;
    result = { redirect: location };
  } finally {
    session.mockResolvedValue(null);
  }
  const text = JSON.stringify(result);
  const { values: _echo, ...said } = (result ?? {}) as Record<string, unknown>;
  return { outcome: actionOutcome(result), body: result, text, said: JSON.stringify(said) };
}

/** Next's redirect() throws an error whose digest is "NEXT_REDIRECT;<type>;<url>;<status>;". */
function redirectLocation(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";")[2] ?? "";
}

const REFUSALS: Record<string, Outcome> = { INVALID_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** A form action's state or a call's result, as an outcome; a call that answers null found nothing to show. */
function actionOutcome(result: unknown): Reply["outcome"] {
  const answer = result as { redirect?: string; ok?: boolean; data?: unknown; code?: string; message?: string };
  if (answer.redirect !== undefined) return ok;
  if (answer.ok === true) return answer.data === null ? 404 : ok;
  return REFUSALS[answer.code ?? ""] ?? `${answer.code ?? "failure"}: ${answer.message}`;
}
