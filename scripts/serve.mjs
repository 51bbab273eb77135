// The web server `npm start` runs: Next's request handler behind Node's own HTTP server.
// `next start` would do, but it hands the app no trustworthy client address: it fills in
// X-Forwarded-For from the connection only when the client sent none, so a client picks
// its own. Here every request carries the connection's peer address in a header of ours,
// replacing any a client sent, for lib/server/auth/client-ip.ts (which then believes
// X-Forwarded-For only from PARALLAX_TRUSTED_PROXIES).
import { createServer } from "node:http";
import next from "next";
import { directCreateTarget } from "./direct-create.mjs";

const PEER_ADDRESS_HEADER = "x-parallax-peer-address";
// Put there by the annotations route once Next has loaded it (lib/server/direct-create.ts).
const DIRECT_CREATE = Symbol.for("parallax.directCreate");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);

const server = createServer();
const app = next({ dev, port, hostname: "localhost", httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

// The annotation create with a personal token is answered here, by the route's own handler,
// without Next's request pipeline (routing, the app-route runtime, web Request and Response
// objects), which cost most of a create's CPU: bench/RESULTS.md, create-direct2. Which
// requests, and the security review of what the pipeline gave them: scripts/direct-create.mjs.
// Until Next has loaded the route, the create goes to Next like everything else.
server.on("request", (req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  const serveDirectly = globalThis[DIRECT_CREATE];
  const comparisonId = serveDirectly ? directCreateTarget(req) : null;
  if (comparisonId === null) return void handle(req, res);
  // The handler answers its own errors; this is for a fault in writing the answer.
  serveDirectly(req, res, comparisonId).catch((error) => {
    console.error(error);
    res.destroy();
  });
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
