// Starts the real server (`tassei serve`) as a child process on a free port.
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { spawnCli } from "./cli.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readyAfterMs: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningServer> {
  // A test that must know the address before the server starts (a callback address it
  // registers elsewhere) passes its own PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const started = performance.now();
  const child = spawnCli(["serve"], { ...env, PORT: String(port), HOST: "127.0.0.1" });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`server exited early (${child.exitCode}): ${stderr}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyAfterMs = performance.now() - started;
  if (readyAfterMs >= timeoutMs) {
    child.kill("SIGKILL");
    throw new Error(`server did not become ready: ${stderr}`);
  }
  return {
    child,
    url,
    stderr: () => stderr,
    readyAfterMs,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
