import { z } from "zod";

// Schemas also run in the browser (form limits, colour checks). zod's fast path probes
// `new Function` once, which the Content-Security-Policy forbids (no 'unsafe-eval'); the
// plain parser is fast enough for form-sized input, so never try.
z.config({ jitless: true });

export { z };
