// One shard of the authorization matrix (see run-matrix.ts and matrix.test.ts).
import "./mocks";
import { runMatrix } from "./run-matrix";

await runMatrix("annotations-and-workspaces");
