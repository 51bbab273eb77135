// Types of direct-create.mjs, which scripts/serve.mjs runs under plain Node.
export function directCreateTarget(request: { method?: string; url?: string; rawHeaders: string[] }): string | null;
