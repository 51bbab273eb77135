/**
 * What every file of the matrix mocks, imported first by each (before anything that loads
 * the app's modules, so those see the mocks). Actions read the signed-in user through the
 * session module (next-auth needs a real request); each cell says who that is. Request
 * headers and revalidating need Next's request store, absent here: sign-up sees no client
 * address, and nothing is cached to revalidate.
 */
import { vi } from "vitest";

vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The matrix asks who gets a PDF, not how one is drawn (lib/server/reports/pdf.test.ts,
// report-renderings.test.ts and the report journey do): drawn for real, the report of a world
// holding every cell's annotations took over half the file's time. Its streams are compressed,
// so the secrets scan never read a PDF's text either.
vi.mock("@/lib/server/reports/pdf", () => ({ reportToPdf: vi.fn(async () => Buffer.from("%PDF-1.7\n%%EOF\n")) }));
