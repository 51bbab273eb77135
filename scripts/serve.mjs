// The web server `npm start` runs: Next's request handler behind Node's own HTTP server.
// `next start` would do, but it hands the app no trustworthy client address: it fills in
// X-Forwarded-For from the connection only when the client sent none, so a client picks
// its own. Here every request carries the connection's peer address in a header of ours,
// replacing any a client sent, for lib/server/auth/client-ip.ts (which then believes
// X-Forwarded-For only from PARALLAX_TRUSTED_PROXIES).
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-parallax-peer-address";
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);

const server = createServer();
const app = next({ dev, port, hostname: "localhost", httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
