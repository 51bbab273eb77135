/** What a run ran on, for RESULTS.md: figures mean little without the machine beside them. */
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  /** 1-minute load average when the run started: a busy shared machine shows here first. */
  load: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load: (os.loadavg()[0] ?? 0).toFixed(2),
  };
}
