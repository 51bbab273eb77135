import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every way into the app from outside: Next's route handlers and the server actions of "use server" modules. */
export interface Site {
  kind: "route" | "action";
  /** How the matrix names it: "PATCH /api/comparisons/[comparisonId]/replies/[replyId]", or "app/(app)/profile/actions.ts#revokeApiTokenAction". */
  key: string;
  /** The file, relative to the repository. */
  file: string;
  /** Routes: the URL path with its dynamic segments, e.g. /api/health, and the method. */
  path?: string;
  method?: string;
  fn: unknown;
}

const root = path.resolve(import.meta.dirname, "../../..");
const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
const ROUTE_FILE = /^route\.(ts|tsx|js|mjs)$/;
const SOURCE_FILE = /\.(ts|tsx|js|mjs)$/;
// A directive is the first statement of the file: only comments and blank lines may precede it.
const MODULE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;
const ANY_DIRECTIVE = /(["'])use server\1/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return SOURCE_FILE.test(entry.name) && !/\.test\.[a-z]+$/.test(entry.name) ? [full] : [];
  });
}

/** The URL path of a route file: route groups like (app) are not part of the URL. */
function urlPath(file: string): string {
  const segments = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
  return "/" + segments.filter((s) => s && !(s.startsWith("(") && s.endsWith(")"))).join("/");
}

/**
 * Walks app/ and imports every route handler and "use server" module. Server actions
 * declared inside a component (an inline "use server" function) cannot be reached from a
 * test, so they are listed in `inline`, for the matrix to refuse.
 */
export async function discoverSites(): Promise<{ sites: Site[]; inline: string[] }> {
  const sites: Site[] = [];
  const inline: string[] = [];
  for (const file of filesUnder(path.join(root, "app")).sort()) {
    const relative = path.relative(root, file);
    const text = readFileSync(file, "utf8");
    if (ROUTE_FILE.test(path.basename(file))) {
      const module = (await import(file)) as Record<string, unknown>;
      const route = urlPath(file);
      for (const method of HTTP_METHODS.filter((m) => typeof module[m] === "function")) {
        sites.push({ kind: "route", key: `${method} ${route}`, file: relative, path: route, method, fn: module[method] });
      }
    } else if (MODULE_DIRECTIVE.test(text)) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(module)) {
        if (typeof fn === "function") sites.push({ kind: "action", key: `${relative}#${name}`, file: relative, fn });
      }
    } else if (ANY_DIRECTIVE.test(text)) {
      inline.push(relative);
    }
  }
  return { sites, inline };
}
