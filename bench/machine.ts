/** What the figures were measured on: CPU model, cores, memory, OS and Node version. */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem, type as osType } from "node:os";

/** The machine, one line per fact. */
export function describeMachine(): { label: string; value: string }[] {
  let model = cpus()[0]?.model ?? "unknown";
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? model;
  } catch {
    // not Linux: keep what os.cpus() said
  }
  return [
    { label: "CPU", value: model },
    { label: "Cores (usable by Node)", value: String(availableParallelism()) },
    { label: "Memory", value: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB` },
    { label: "OS", value: `${osType()} ${release()}` },
    { label: "Node", value: process.version },
  ];
}
